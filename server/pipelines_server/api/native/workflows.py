"""The `workflows` tag: workflows (CRUD, listing, and the status transitions)."""

from datetime import UTC, datetime

from ...domain import workflows
from ...web import idempotency
from ...web.auth import caller_session
from . import shapes
from .errors import body_loc, issue


def list_all_workflows(
    page: int = 1, page_size: int = 50, status: str | None = None, tag: str | None = None
):
    return list_workflows(None, page, page_size, status, tag)


def list_workflows(
    project_id: int | None,
    page: int = 1,
    page_size: int = 50,
    status: str | None = None,
    tag: str | None = None,
):
    with caller_session() as (session, me):
        rows, total = workflows.list_workflows(
            session, me, project_id, shapes.offset(page, page_size), page_size, status, tag
        )
        return shapes.page([shapes.workflow(w) for w in rows], total, page, page_size), 200


def create_workflow(project_id: int, body: dict):
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        wf = workflows.create_workflow(
            session,
            me,
            project_id,
            body["name"],
            body.get("description"),
            body.get("fields"),
            body.get("graph"),
            template_id=body.get("template_id"),
        )
        return once.answer(shapes.workflow(wf), 201)


def validate_workflow(project_id: int, body: dict):
    with caller_session() as (session, me):
        found = workflows.validation_issues(
            session, me, project_id, body.get("fields"), body.get("graph")
        )
    issues = [issue(e, body_loc(e)) for e in found]
    return {"valid": not issues, "issues": issues}, 200


def get_workflow(project_id: int, workflow_id: int):
    with caller_session() as (session, me):
        return shapes.workflow(workflows.get_workflow(session, me, workflow_id, project_id)), 200


def update_workflow(project_id: int, workflow_id: int, body: dict):
    with caller_session() as (session, me):
        wf = workflows.update_workflow(
            session,
            me,
            project_id,
            workflow_id,
            body.get("name"),
            body.get("description"),
            body.get("fields"),
            body.get("graph"),
        )
        return shapes.workflow(wf), 200


def delete_workflow(project_id: int, workflow_id: int):
    with caller_session() as (session, me):
        workflows.delete_workflow(session, me, project_id, workflow_id)
    return None, 204


def activate_workflow(project_id: int, workflow_id: int, body: dict | None = None):
    when = (body or {}).get("activate_at")
    activate_at = datetime.fromisoformat(when.replace("Z", "+00:00")) if when else None
    if activate_at is not None and activate_at.tzinfo is None:
        activate_at = activate_at.replace(tzinfo=UTC)
    with caller_session() as (session, me):
        return shapes.workflow(
            workflows.activate(session, me, project_id, workflow_id, activate_at)
        ), 200


def pause_workflow(project_id: int, workflow_id: int):
    with caller_session() as (session, me):
        return shapes.workflow(workflows.pause(session, me, project_id, workflow_id)), 200


def complete_workflow(project_id: int, workflow_id: int):
    with caller_session() as (session, me):
        return shapes.workflow(workflows.complete(session, me, project_id, workflow_id)), 200


def archive_workflow(project_id: int, workflow_id: int):
    with caller_session() as (session, me):
        return shapes.workflow(workflows.archive(session, me, project_id, workflow_id)), 200
