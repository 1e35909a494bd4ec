"""Human work, task detail and timeline, cancel, my-work."""

from datetime import datetime

from ...domain import work
from ...runtime import current
from ...shared.timestamps import ts
from ...web.auth import principal
from . import shapes


def jsonable(value):
    """Datetimes inside a domain reply, as the API writes them."""
    if isinstance(value, datetime):
        return ts(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


def _open(project_id, workflow_id, node_db_id, kind, claim):
    rt = current()
    with rt.db.session() as session:
        view = work.open_node(
            session,
            principal(),
            project_id,
            workflow_id,
            node_db_id,
            kind,
            rt.settings.claim_lease_seconds,
            claim=claim,
        )
    return jsonable(view), 200


def get_subtask(project_id: int, workflow_id: int, node_db_id: int):
    return _open(project_id, workflow_id, node_db_id, "subtask", True)


def view_subtask(project_id: int, workflow_id: int, node_db_id: int):
    return _open(project_id, workflow_id, node_db_id, "subtask", False)


def get_review(project_id: int, workflow_id: int, node_db_id: int):
    return _open(project_id, workflow_id, node_db_id, "review", True)


def view_review(project_id: int, workflow_id: int, node_db_id: int):
    return _open(project_id, workflow_id, node_db_id, "review", False)


def submit_subtask(project_id: int, workflow_id: int, node_db_id: int, body: dict):
    rt = current()
    with rt.db.session() as session:
        view, queued = work.submit_subtask(
            session, principal(), project_id, workflow_id, node_db_id, body.get("values") or {}
        )
    rt.engine.queued(queued)
    return jsonable(view), 200


def submit_review(project_id: int, workflow_id: int, node_db_id: int, body: dict):
    rt = current()
    with rt.db.session() as session:
        view, queued = work.submit_review(
            session,
            principal(),
            project_id,
            workflow_id,
            node_db_id,
            body["decision"],
            body.get("comment"),
        )
    rt.engine.queued(queued)
    return jsonable(view), 200


def release_node(project_id: int, workflow_id: int, node_db_id: int):
    with current().db.session() as session:
        view = work.release(session, principal(), project_id, workflow_id, node_db_id)
    return jsonable(view), 200


def get_task(project_id: int, workflow_id: int, task_id: int):
    with current().db.session() as session:
        detail = work.task_detail(session, principal(), project_id, workflow_id, task_id)
    return jsonable(detail), 200


def get_task_timeline(
    project_id: int, workflow_id: int, task_id: int, page: int = 1, page_size: int = 100
):
    with current().db.session() as session:
        items, total = work.timeline(
            session,
            principal(),
            project_id,
            workflow_id,
            task_id,
            shapes.offset(page, page_size),
            page_size,
        )
    return shapes.page(jsonable(items), total, page, page_size), 200


def cancel_task(project_id: int, workflow_id: int, task_id: int):
    with current().db.session() as session:
        detail = work.cancel_task(session, principal(), project_id, workflow_id, task_id)
    return jsonable(detail), 200


def _my_work(project_id, page, page_size, kind):
    with current().db.session() as session:
        items, total = work.my_work(
            session, principal(), project_id, shapes.offset(page, page_size), page_size, kind
        )
    return shapes.page(jsonable(items), total, page, page_size), 200


def my_work(page: int = 1, page_size: int = 50, kind: str | None = None):
    return _my_work(None, page, page_size, kind)


def project_my_work(project_id: int, page: int = 1, page_size: int = 50, kind: str | None = None):
    with current().db.session() as session:
        from ...domain.projects import get_project

        get_project(session, principal(), project_id)
    return _my_work(project_id, page, page_size, kind)
