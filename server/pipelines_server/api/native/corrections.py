"""The `corrections` tag: reverts, refreshed inputs, admin interventions on human nodes and
the resolution of escalated and quarantined reviews.

Every correction but refresh-prev-node-info takes an `Idempotency-Key`: a correction resets
and re-runs what followed the node (http, code and llm nodes included), so a client retrying
one after a timeout must get the first reply back instead of a second correction."""

from collections.abc import Callable

from ...domain import corrections
from ...runtime import current
from ...web import idempotency
from ...web.auth import caller_session
from . import shapes


def _once(body, correct: Callable):
    """Runs `correct(session, principal)` (the domain's (view, queued) reply) once per
    Idempotency-Key; the machine nodes it made runnable are handed to the engine after the
    commit."""
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        view, queued = correct(session, me)
        reply = once.answer(shapes.jsonable(view), 200)
    current().engine.queued(queued)
    return reply


def revert_node(project_id: int, workflow_id: int, node_db_id: int, attempt_number: int):
    return _once(
        None,
        lambda session, me: corrections.revert(
            session, me, project_id, workflow_id, node_db_id, attempt_number
        ),
    )


def refresh_prev_node_info(project_id: int, workflow_id: int, node_db_id: int):
    with caller_session() as (session, me):
        view = corrections.refresh_prev_node_info(session, me, project_id, workflow_id, node_db_id)
    return shapes.jsonable(view), 200


def admin_edit_subtask(project_id: int, workflow_id: int, node_db_id: int, body: dict):
    return _once(
        body,
        lambda session, me: corrections.admin_edit_subtask(
            session, me, project_id, workflow_id, node_db_id, body["values"]
        ),
    )


def admin_submit_subtask(project_id: int, workflow_id: int, node_db_id: int, body: dict):
    return _once(
        body,
        lambda session, me: corrections.admin_submit_subtask(
            session, me, project_id, workflow_id, node_db_id, body["values"]
        ),
    )


def admin_inline_edit(project_id: int, workflow_id: int, node_db_id: int, body: dict):
    return _once(
        body,
        lambda session, me: corrections.admin_inline_edit(
            session, me, project_id, workflow_id, node_db_id, body["field"], body.get("value")
        ),
    )


def admin_edit_review(project_id: int, workflow_id: int, node_db_id: int, body: dict):
    return _once(
        body,
        lambda session, me: corrections.admin_edit_review(
            session, me, project_id, workflow_id, node_db_id, body["decision"], body.get("comment")
        ),
    )


def admin_submit_review(project_id: int, workflow_id: int, node_db_id: int, body: dict):
    return _once(
        body,
        lambda session, me: corrections.admin_submit_review(
            session, me, project_id, workflow_id, node_db_id, body["decision"], body.get("comment")
        ),
    )


def admin_resolve(project_id: int, workflow_id: int, node_db_id: int, body: dict):
    return _once(
        body,
        lambda session, me: corrections.admin_resolve(
            session, me, project_id, workflow_id, node_db_id, body["action"], body.get("comment")
        ),
    )
