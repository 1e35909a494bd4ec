"""The `work` tag: human subtasks and reviews (open, view, submit, release) and my-work."""

from ...domain import human_work, work_list
from ...domain.projects import get_project
from ...runtime import current
from ...web.auth import caller_session
from . import shapes


def _open(project_id, workflow_id, node_db_id, kind, claim):
    lease = current().settings.claim_lease_seconds
    with caller_session() as (session, me):
        view = human_work.open_node(
            session, me, project_id, workflow_id, node_db_id, kind, lease, claim=claim
        )
    return shapes.jsonable(view), 200


def get_subtask(project_id: int, workflow_id: int, node_db_id: int):
    return _open(project_id, workflow_id, node_db_id, "subtask", True)


def view_subtask(project_id: int, workflow_id: int, node_db_id: int):
    return _open(project_id, workflow_id, node_db_id, "subtask", False)


def get_review(project_id: int, workflow_id: int, node_db_id: int):
    return _open(project_id, workflow_id, node_db_id, "review", True)


def view_review(project_id: int, workflow_id: int, node_db_id: int):
    return _open(project_id, workflow_id, node_db_id, "review", False)


def submit_subtask(project_id: int, workflow_id: int, node_db_id: int, body: dict):
    with caller_session() as (session, me):
        view, queued = human_work.submit_subtask(
            session, me, project_id, workflow_id, node_db_id, body.get("values") or {}
        )
    current().engine.queued(queued)
    return shapes.jsonable(view), 200


def submit_review(project_id: int, workflow_id: int, node_db_id: int, body: dict):
    with caller_session() as (session, me):
        view, queued = human_work.submit_review(
            session,
            me,
            project_id,
            workflow_id,
            node_db_id,
            body["decision"],
            body.get("comment"),
        )
    current().engine.queued(queued)
    return shapes.jsonable(view), 200


def release_node(project_id: int, workflow_id: int, node_db_id: int):
    with caller_session() as (session, me):
        view = human_work.release(session, me, project_id, workflow_id, node_db_id)
    return shapes.jsonable(view), 200


def _my_work(project_id, page, page_size, kind):
    with caller_session() as (session, me):
        items, total = work_list.my_work(
            session, me, project_id, shapes.offset(page, page_size), page_size, kind
        )
    return shapes.page(shapes.jsonable(items), total, page, page_size), 200


def my_work(page: int = 1, page_size: int = 50, kind: str | None = None):
    return _my_work(None, page, page_size, kind)


def project_my_work(project_id: int, page: int = 1, page_size: int = 50, kind: str | None = None):
    with caller_session() as (session, me):
        get_project(session, me, project_id)
    return _my_work(project_id, page, page_size, kind)
