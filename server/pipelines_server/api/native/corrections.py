"""The `corrections` tag: reverts, refreshed inputs, admin interventions on human nodes and
the resolution of escalated and quarantined reviews."""

from ...domain import corrections
from ...runtime import current
from ...web.auth import caller_session
from . import shapes


def _moved(view_and_queued):
    view, queued = view_and_queued
    current().engine.queued(queued)
    return shapes.jsonable(view), 200


def revert_node(project_id: int, workflow_id: int, node_db_id: int, attempt_number: int):
    with caller_session() as (session, me):
        done = corrections.revert(session, me, project_id, workflow_id, node_db_id, attempt_number)
    return _moved(done)


def refresh_prev_node_info(project_id: int, workflow_id: int, node_db_id: int):
    with caller_session() as (session, me):
        view = corrections.refresh_prev_node_info(session, me, project_id, workflow_id, node_db_id)
    return shapes.jsonable(view), 200


def admin_edit_subtask(project_id: int, workflow_id: int, node_db_id: int, body: dict):
    with caller_session() as (session, me):
        done = corrections.admin_edit_subtask(
            session, me, project_id, workflow_id, node_db_id, body["values"]
        )
    return _moved(done)


def admin_submit_subtask(project_id: int, workflow_id: int, node_db_id: int, body: dict):
    with caller_session() as (session, me):
        done = corrections.admin_submit_subtask(
            session, me, project_id, workflow_id, node_db_id, body["values"]
        )
    return _moved(done)


def admin_inline_edit(project_id: int, workflow_id: int, node_db_id: int, body: dict):
    with caller_session() as (session, me):
        done = corrections.admin_inline_edit(
            session, me, project_id, workflow_id, node_db_id, body["field"], body.get("value")
        )
    return _moved(done)


def admin_edit_review(project_id: int, workflow_id: int, node_db_id: int, body: dict):
    with caller_session() as (session, me):
        done = corrections.admin_edit_review(
            session, me, project_id, workflow_id, node_db_id, body["decision"], body.get("comment")
        )
    return _moved(done)


def admin_submit_review(project_id: int, workflow_id: int, node_db_id: int, body: dict):
    with caller_session() as (session, me):
        done = corrections.admin_submit_review(
            session, me, project_id, workflow_id, node_db_id, body["decision"], body.get("comment")
        )
    return _moved(done)


def admin_resolve(project_id: int, workflow_id: int, node_db_id: int, body: dict):
    with caller_session() as (session, me):
        done = corrections.admin_resolve(
            session, me, project_id, workflow_id, node_db_id, body["action"], body.get("comment")
        )
    return _moved(done)
