"""The `tags` tag: a workflow's tags, a task's tags, and the workflow's task list (filtered by
status and tag)."""

from ...domain import tags, task_lists
from ...shared.timestamps import ts
from ...store.models import Tag
from ...web import idempotency
from ...web.auth import caller_session
from . import shapes


def tag(t: Tag, task_count: int | None = None) -> dict:
    out = {
        "id": t.id,
        "name": t.name,
        "color": t.color,
        "workflow_id": t.workflow_id,
        "project_id": t.project_id,
        "created_by_id": t.created_by_id,
        "created_at": ts(t.created_at),
    }
    if task_count is not None:
        out["task_count"] = task_count
    return out


def list_workflow_tags(project_id: int, workflow_id: int, page: int = 1, page_size: int = 50):
    with caller_session() as (session, me):
        rows, total, counts = tags.list_tags(
            session, me, project_id, workflow_id, shapes.offset(page, page_size), page_size
        )
        return shapes.page([tag(t, counts[t.id]) for t in rows], total, page, page_size), 200


def create_workflow_tag(project_id: int, workflow_id: int, body: dict):
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        t = tags.create_tag(
            session, me, project_id, workflow_id, body.get("name"), body.get("color")
        )
        return once.answer(tag(t, 0), 201)


def delete_workflow_tag(project_id: int, workflow_id: int, tag_id: int):
    with caller_session() as (session, me):
        tags.delete_tag(session, me, project_id, workflow_id, tag_id)
    return None, 204


def _task_tags(rows: list[Tag]) -> dict:
    return {"items": [tag(t) for t in rows], "total": len(rows)}


def list_task_tags(project_id: int, workflow_id: int, task_id: int):
    with caller_session() as (session, me):
        return _task_tags(tags.task_tags(session, me, project_id, workflow_id, task_id)), 200


def set_task_tags(project_id: int, workflow_id: int, task_id: int, body: dict):
    with caller_session() as (session, me):
        rows = tags.set_task_tags(
            session, me, project_id, workflow_id, task_id, body.get("tag_ids") or []
        )
        return _task_tags(rows), 200


def list_workflow_tasks(
    project_id: int,
    workflow_id: int,
    page: int = 1,
    page_size: int = 50,
    status: str | None = None,
    tag: str | None = None,
):
    with caller_session() as (session, me):
        items, total = task_lists.list_tasks(
            session,
            me,
            project_id,
            workflow_id,
            shapes.offset(page, page_size),
            page_size,
            status,
            tag,
        )
        return shapes.page(shapes.jsonable(items), total, page, page_size), 200
