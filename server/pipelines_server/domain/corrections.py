"""Corrections of a running (or finished) task's human nodes by an organization admin:
revert a subtask to an earlier submission, edit a submitted subtask (all of it or one
field), submit an open subtask or review on the workers' behalf, change a review's verdict,
resolve an escalated or quarantined review; and, for the holder of a node too, refresh an
open node's input from its upstream nodes' current outputs.

Every correction is recorded as a node submission (`via` says which kind) and a timeline
event carrying the admin as actor. A corrected subtask's new values flow on: every node
downstream of it is reset and runs again (a review of it judges the new values), and a
finished task reopens for that (`task.reopened`). A cancelled or failed task is not
corrected (409). Nodes inside a loop's body are not corrected (409): their instance is
reused by every iteration, so there is no one output to correct. An edit that leaves the
subtask's values as they are changes nothing (no submission, nothing runs again).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..engine.state_machine import DONE, Inst, TaskRun
from ..shared.errors import Conflict, FieldError, Forbidden, NotFound, ValidationFailed
from ..shared.principal import Principal, acting_user, require_admin
from ..store.models import NodeSubmission
from . import fields as fieldschema
from . import human_work, submissions
from .human_work import WORKABLE_TASK
from .run_views import node_view

_NS = NodeSubmission.__table__
OPEN_HUMAN = ("available", "claimed")
# Task statuses in which a finished piece of work may be corrected.
CORRECTABLE_TASK = ("in_progress", "escalated", "quarantined", "paused", "finished")
Result = tuple[dict, list[tuple[int, float]]]


# ---- locating and guarding -----------------------------------------------------------------


def _admin_node(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    kind: str,
) -> tuple[int, TaskRun, Inst]:
    """The admin's user id and the node of this kind, its task locked. Another
    organization's node is 404; a member, or a key whose user was removed, is 403."""
    task_id = human_work._locate(session, principal, project_id, workflow_id, node_db_id)
    require_admin(principal, principal.org_id, "node corrections")
    run, inst = human_work._lock(session, principal, task_id, node_db_id)
    human_work._require_kind(inst, kind)
    return principal.user_id, run, inst


def _correctable(run: TaskRun, inst: Inst) -> None:
    if run.status not in CORRECTABLE_TASK:
        raise Conflict(f"The task is {run.status}; its nodes cannot be corrected")
    if run.graph.in_loop_body(inst.node_id):
        raise Conflict("Nodes inside a loop's body cannot be corrected")


def _workable(run: TaskRun) -> None:
    if run.status not in WORKABLE_TASK:
        raise Conflict(f"The task is {run.status}; its nodes cannot be submitted")


def _done_subtask(inst: Inst) -> None:
    if inst.status not in DONE:
        raise Conflict(f"This subtask is {inst.status}; only submitted work can be edited")


def _submission(run: TaskRun, inst: Inst, attempt: int | None = None):
    """A submission of the node (the latest when `attempt` is None), or None."""
    query = select(_NS.c.attempt_number, _NS.c["values"], _NS.c.user_id, _NS.c.via).where(
        _NS.c.node_instance_id == inst.id
    )
    if attempt is None:
        query = query.order_by(_NS.c.attempt_number.desc()).limit(1)
    else:
        query = query.where(_NS.c.attempt_number == attempt)
    return run.conn.execute(query).first()


def _reply(run: TaskRun, inst: Inst, project_id: int) -> Result:
    run.flush()
    return node_view(run, inst, project_id), run.enqueued


def _unchanged(run: TaskRun, inst: Inst, project_id: int) -> Result:
    """An edit whose values are the subtask's current output: nothing to correct, so no
    submission, no event and nothing downstream runs again; the reply is the node as it is."""
    return node_view(run, inst, project_id), []


# ---- corrected subtask values flow on ---------------------------------------------------------


def correct_subtask(
    run: TaskRun,
    inst: Inst,
    values: dict,
    user_id: int,
    via: str,
    event: str,
    submitted_by: int | None = None,
    **data: Any,
) -> int:
    """The subtask's output becomes `values` (recorded as a submission), and every node
    downstream of it is reset and runs again; a review of it judges the new values (the
    subtask is `submitted` until it passes). Returns the submission's number."""
    number = submissions.record(run, inst, values, user_id, via)
    reviewed = bool(run.graph.reviewers(inst.node_id))
    run.set(
        inst,
        status="submitted" if reviewed else "finished",
        output=values,
        finished_at=None if reviewed else run.now,
        queue=None,
        run_at=None,
        claim_token=None,
        assignee_id=None,
        lease_expires_at=None,
        reserved_for_id=None,
        excluded_user_id=None,
        submitted_by_id=submitted_by if submitted_by is not None else inst.submitted_by_id,
    )
    run.event(event, inst, submission=number, **data)
    run.rerun_after(inst)
    return number


def revert(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    attempt_number: int,
) -> Result:
    admin_id, run, inst = _admin_node(
        session, principal, project_id, workflow_id, node_db_id, "subtask"
    )
    _correctable(run, inst)
    row = _submission(run, inst, attempt_number)
    if row is None:
        raise NotFound(f"Node {node_db_id} has no submission {attempt_number}")
    if inst.status not in DONE and inst.status not in OPEN_HUMAN:
        raise Conflict(f"This subtask is {inst.status}; it cannot be reverted")
    values = row.values if isinstance(row.values, dict) else {}
    correct_subtask(
        run,
        inst,
        dict(values),
        admin_id,
        submissions.REVERT,
        "node.reverted",
        submitted_by=row.user_id,
        to_attempt=attempt_number,
    )
    return _reply(run, inst, project_id)


def admin_edit_subtask(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    values: dict,
) -> Result:
    admin_id, run, inst = _admin_node(
        session, principal, project_id, workflow_id, node_db_id, "subtask"
    )
    _correctable(run, inst)
    _done_subtask(inst)
    current = inst.output if isinstance(inst.output, dict) else {}
    merged = {**current, **(values or {})}
    if merged == current:
        return _unchanged(run, inst, project_id)
    merged = human_work.validate_values(run, inst, merged)
    correct_subtask(
        run,
        inst,
        merged,
        admin_id,
        submissions.ADMIN_EDIT,
        "node.admin_edited",
        fields=sorted(values or {}),
    )
    return _reply(run, inst, project_id)


def admin_inline_edit(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    field: str,
    value: Any,
) -> Result:
    admin_id, run, inst = _admin_node(
        session, principal, project_id, workflow_id, node_db_id, "subtask"
    )
    _correctable(run, inst)
    _done_subtask(inst)
    defs = fieldschema.normalize_schema(run.graph.config(inst.node_id).get("fields") or [])
    if field not in {d["name"] for d in defs}:
        message = f"The subtask has no field {field!r}"
        raise ValidationFailed(message, [FieldError(message, field, None, ("body", "field"))])
    current = inst.output if isinstance(inst.output, dict) else {}
    merged = {**current, field: value}
    if merged == current:
        return _unchanged(run, inst, project_id)
    merged = human_work.validate_values(run, inst, merged, only=field)
    correct_subtask(
        run, inst, merged, admin_id, submissions.INLINE_EDIT, "node.inline_edited", field=field
    )
    return _reply(run, inst, project_id)


# ---- submitting on the workers' behalf --------------------------------------------------------


def admin_submit_subtask(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    values: dict,
) -> Result:
    admin_id, run, inst = _admin_node(
        session, principal, project_id, workflow_id, node_db_id, "subtask"
    )
    _workable(run)
    if inst.status not in OPEN_HUMAN:
        raise Conflict(f"This subtask is {inst.status}, not open for submission")
    human_work.accept_subtask(
        run, inst, values, admin_id, submissions.ADMIN_SUBMIT, "node.admin_submitted"
    )
    return _reply(run, inst, project_id)


def admin_submit_review(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    decision: str,
    comment: str | None,
) -> Result:
    admin_id, run, inst = _admin_node(
        session, principal, project_id, workflow_id, node_db_id, "review"
    )
    _workable(run)
    if inst.status not in OPEN_HUMAN:
        raise Conflict(f"This review is {inst.status}, not open for a verdict")
    run.event("node.admin_submitted", inst, decision=decision)
    human_work.decide_review(run, inst, decision, comment, admin_id, submissions.ADMIN_SUBMIT)
    return _reply(run, inst, project_id)


# ---- changing a review's verdict ------------------------------------------------------------


def admin_edit_review(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    decision: str,
    comment: str | None,
) -> Result:
    admin_id, run, inst = _admin_node(
        session, principal, project_id, workflow_id, node_db_id, "review"
    )
    _correctable(run, inst)
    if inst.status in ("escalated", "quarantined"):
        raise Conflict(f"This review is {inst.status}; resolve it with admin-resolve")
    last = _submission(run, inst)
    previous = (
        (last.values or {}).get("decision") if last and isinstance(last.values, dict) else None
    )
    if inst.status == "finished" and isinstance(inst.output, dict):
        previous = inst.output.get("decision", previous)
    elif not (inst.status == "pending" and previous == "fail"):
        raise Conflict(f"This review is {inst.status}; it has no verdict to edit")
    subtask_id = run.graph.reviewed_subtask(inst.node_id)
    sub = run.insts.get(subtask_id) if subtask_id else None
    run.event("node.admin_edited", inst, decision=decision, previous=previous)
    if decision == previous:  # the comment changes; the graph does not move
        verdict = {**(last.values if last and isinstance(last.values, dict) else {})}
        verdict.update(comment=comment, edited_by_id=admin_id)
        submissions.record(run, inst, verdict, admin_id, submissions.ADMIN_EDIT)
        if inst.status == "finished":
            run.set(inst, output={**inst.output, "comment": comment, "edited_by_id": admin_id})
        return _reply(run, inst, project_id)
    if decision == "fail":  # a pass undone: what followed the review waits again
        if sub is None:
            raise Conflict("This review judges no subtask; there is nothing to send back")
        run.reopen()
        run.reset_nodes(run.graph.descendants(inst.node_id))
        run.set(sub, status="submitted", finished_at=None)
        human_work.decide_review(run, inst, "fail", comment, admin_id, submissions.ADMIN_EDIT)
        return _reply(run, inst, project_id)
    # fail -> pass: the work that was sent back stands after all.
    _restore_sent_back(run, inst, sub)
    human_work.decide_review(run, inst, "pass", comment, admin_id, submissions.ADMIN_EDIT)
    return _reply(run, inst, project_id)


def _restore_sent_back(run: TaskRun, review: Inst, sub: Inst | None) -> None:
    """The subtask a failing verdict sent back gets its last submitted values again, and the
    review its input, ready for a passing verdict."""
    if sub is None or sub.status not in OPEN_HUMAN:
        raise Conflict("The reviewed subtask is no longer waiting for another round")
    if run.graph.between(sub.node_id, review.node_id):
        raise Conflict(
            "Nodes between the subtask and this review have been reset; submit the subtask "
            "again (admin-submit-subtask) instead"
        )
    last = _submission(run, sub)
    if last is None:
        raise Conflict("The reviewed subtask has no submission to restore")
    run.set(
        sub,
        status="submitted",
        output=last.values,
        assignee_id=None,
        lease_expires_at=None,
        reserved_for_id=None,
        excluded_user_id=None,
        submitted_by_id=last.user_id,
    )
    ready, value = run.upstream_value(review)
    if not ready:
        raise Conflict("The review's upstream nodes have not produced their output")
    run.set(review, input=value, attempt=review.attempt + 1)


# ---- resolving escalated and quarantined reviews -----------------------------------------------

RESOLUTIONS = ("pass", "send_back", "fail")


def admin_resolve(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    action: str,
    comment: str | None,
) -> Result:
    admin_id, run, inst = _admin_node(
        session, principal, project_id, workflow_id, node_db_id, "review"
    )
    if run.status in ("cancelled", "failed", "finished"):
        raise Conflict(f"The task is {run.status}; its nodes cannot be resolved")
    if inst.status not in ("escalated", "quarantined"):
        raise Conflict(f"This review is {inst.status}, not escalated or quarantined")
    subtask_id = run.graph.reviewed_subtask(inst.node_id)
    sub = run.insts.get(subtask_id) if subtask_id else None
    run.event("node.resolved", inst, action=action, comment=comment, previous=inst.status)
    if action == "pass":
        human_work.decide_review(run, inst, "pass", comment, admin_id, submissions.RESOLVE)
    elif action == "send_back":
        if sub is None:
            raise Conflict("This review judges no subtask; there is nothing to send back")
        record = {"action": action, "comment": comment, "reviewer_id": admin_id}
        submissions.record(run, inst, record, admin_id, submissions.RESOLVE)
        state = dict(inst.state or {})
        state["rejections"] = 0
        human_work.send_back(run, inst, sub, state)
    else:
        record = {"action": action, "comment": comment, "reviewer_id": admin_id}
        submissions.record(run, inst, record, admin_id, submissions.RESOLVE)
        reason = "resolved as failed by an admin" + (f": {comment}" if comment else "")
        run.fail(inst, reason)
    return _reply(run, inst, project_id)


# ---- refreshing an open node's input -----------------------------------------------------------


def refresh_prev_node_info(
    session: Session, principal: Principal, project_id: int, workflow_id: int, node_db_id: int
) -> dict:
    """An open human node's input recomputed from its upstream nodes' current outputs (after
    an upstream correction), and a subtask's static prefill with it."""
    task_id = human_work._locate(session, principal, project_id, workflow_id, node_db_id)
    user_id = acting_user(principal)
    run, inst = human_work._lock(session, principal, task_id, node_db_id)
    if inst.kind not in ("subtask", "review"):
        raise NotFound(f"Node {node_db_id} is a {inst.kind} node, not a human node")
    if not (principal.is_admin or human_work._held_by(inst, user_id, run.now)):
        raise Forbidden("Only the holder of this node or an organization admin can refresh it")
    if inst.status not in OPEN_HUMAN:
        raise Conflict(f"This node is {inst.status}; only an open node can be refreshed")
    ready, value = run.upstream_value(inst)
    if not ready:
        raise Conflict("An upstream node has not produced its output yet")
    changed = value != inst.input
    run.set(inst, input=value)
    if inst.kind == "subtask":
        prefill = dict((inst.state or {}).get("prefill") or {})
        prefill.update(run.static_prefill(inst))
        run.set(inst, state={**(inst.state or {}), "prefill": prefill})
    run.event("node.refreshed", inst, changed=changed)
    run.flush()
    return node_view(run, inst, project_id)
