"""The `work` tag: human subtasks and reviews (open, view, submit, release), my-work and
my-submissions at every scope, a node's submissions, history and linked nodes."""

from ...domain import human_work, node_history, work_list
from ...domain.orgs import get_org
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


def _in_scope(session, me, org_id: int | None, project_id: int | None) -> None:
    """The organization or project a my-work / my-submissions list is scoped to must be the
    caller's (else 404)."""
    if org_id is not None:
        get_org(session, me, org_id)
    if project_id is not None:
        get_project(session, me, project_id)


def _my_work(page, page_size, kind, tag, org_id=None, project_id=None):
    with caller_session() as (session, me):
        _in_scope(session, me, org_id, project_id)
        items, total = work_list.my_work(
            session, me, project_id, shapes.offset(page, page_size), page_size, kind, tag
        )
    return shapes.page(shapes.jsonable(items), total, page, page_size), 200


def my_work(page: int = 1, page_size: int = 50, kind: str | None = None, tag: str | None = None):
    return _my_work(page, page_size, kind, tag)


def project_my_work(
    project_id: int,
    page: int = 1,
    page_size: int = 50,
    kind: str | None = None,
    tag: str | None = None,
):
    return _my_work(page, page_size, kind, tag, project_id=project_id)


def org_my_work(
    org_id: int, page: int = 1, page_size: int = 50, kind: str | None = None, tag: str | None = None
):
    return _my_work(page, page_size, kind, tag, org_id=org_id)


def _my_submissions(page, page_size, filters, org_id=None, project_id=None):
    with caller_session() as (session, me):
        _in_scope(session, me, org_id, project_id)
        items, total = work_list.my_submissions(
            session, me, project_id, shapes.offset(page, page_size), page_size, **filters
        )
    return shapes.page(shapes.jsonable(items), total, page, page_size), 200


def my_submissions(
    page: int = 1,
    page_size: int = 50,
    kind: str | None = None,
    workflow_id: int | None = None,
    status: str | None = None,
    tag: str | None = None,
):
    filters = {"kind": kind, "workflow_id": workflow_id, "status": status, "tag": tag}
    return _my_submissions(page, page_size, filters)


def org_my_submissions(
    org_id: int,
    page: int = 1,
    page_size: int = 50,
    kind: str | None = None,
    workflow_id: int | None = None,
    status: str | None = None,
    tag: str | None = None,
):
    filters = {"kind": kind, "workflow_id": workflow_id, "status": status, "tag": tag}
    return _my_submissions(page, page_size, filters, org_id=org_id)


def project_my_submissions(
    project_id: int,
    page: int = 1,
    page_size: int = 50,
    kind: str | None = None,
    workflow_id: int | None = None,
    status: str | None = None,
    tag: str | None = None,
):
    filters = {"kind": kind, "workflow_id": workflow_id, "status": status, "tag": tag}
    return _my_submissions(page, page_size, filters, project_id=project_id)


def submission_view(project_id: int, node_id: str):
    with caller_session() as (session, me):
        view = node_history.submission_view(session, me, project_id, int(node_id))
    return shapes.jsonable(view), 200


def node_history_list(
    project_id: int, workflow_id: int, node_db_id: int, page: int = 1, page_size: int = 50
):
    with caller_session() as (session, me):
        items, total = node_history.node_history(
            session,
            me,
            project_id,
            workflow_id,
            node_db_id,
            shapes.offset(page, page_size),
            page_size,
        )
    return shapes.page(shapes.jsonable(items), total, page, page_size), 200


def node_with_linked(project_id: int, workflow_id: int, node_db_id: int):
    with caller_session() as (session, me):
        view = node_history.node_with_linked(session, me, project_id, workflow_id, node_db_id)
    return shapes.jsonable(view), 200
