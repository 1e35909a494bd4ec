"""The `tasks` tag: a task's detail, its timeline, and cancelling it."""

from ...domain import human_work, run_views
from ...web.auth import caller_session
from . import shapes


def get_task(project_id: int, workflow_id: int, task_id: int):
    with caller_session() as (session, me):
        detail = run_views.task_detail(session, me, project_id, workflow_id, task_id)
    return shapes.jsonable(detail), 200


def get_task_timeline(
    project_id: int, workflow_id: int, task_id: int, page: int = 1, page_size: int = 100
):
    with caller_session() as (session, me):
        items, total = run_views.timeline(
            session, me, project_id, workflow_id, task_id, shapes.offset(page, page_size), page_size
        )
    return shapes.page(shapes.jsonable(items), total, page, page_size), 200


def cancel_task(project_id: int, workflow_id: int, task_id: int):
    with caller_session() as (session, me):
        detail = human_work.cancel_task(session, me, project_id, workflow_id, task_id)
    return shapes.jsonable(detail), 200
