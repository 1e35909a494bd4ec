"""Changes people make to a running task: open (claim), submit, review and release a human
node, and cancel the task.

A claim is exclusive and leased: opening an available subtask or review node claims it for
the caller until `lease_seconds` from now (opening it again renews the lease); a claim whose
lease ended can be taken by anyone. Every change goes through the engine's TaskRun, so the
graph moves on in the same transaction as the submission.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..engine import task_control
from ..engine.state_machine import EngineConflict, Inst, TaskRun, load_graph
from ..shared import jsonsafe
from ..shared.errors import Conflict, FieldError, Forbidden, NotFound, ValidationFailed
from ..shared.principal import Principal, acting_user
from ..shared.timestamps import ts_micros
from ..store.leases import lease_end
from ..store.models import NodeInstance, Task, Workflow
from . import fields as fieldschema
from . import project_files, submissions, text_fields
from .run_views import node_view, review_scores, task_detail, task_row
from .workflows import get_workflow

_NI = NodeInstance.__table__
_WF = Workflow.__table__
# The task statuses in which people may work on its nodes.
WORKABLE_TASK = ("in_progress", "escalated", "quarantined")


def _locate(
    session: Session, principal: Principal, project_id: int, workflow_id: int, node_db_id: int
) -> int:
    """The task id of a node instance in this workflow, project and organization (else 404)."""
    get_workflow(session, principal, workflow_id, project_id)
    row = session.execute(
        select(_NI.c.task_id, _NI.c.org_id, _NI.c.workflow_id).where(_NI.c.id == node_db_id)
    ).first()
    if row is None or row.org_id != principal.org_id or row.workflow_id != workflow_id:
        raise NotFound("Node not found")
    return row.task_id


def _lock(session: Session, principal: Principal, task_id: int, node_db_id: int):
    run = TaskRun.lock(session.connection(), task_id, principal.user_id)
    if run is None:
        raise NotFound("Node not found")
    inst = next((i for i in run.insts.values() if i.id == node_db_id), None)
    if inst is None:
        raise NotFound("Node not found")
    return run, inst


def _require_kind(inst: Inst, kind: str) -> None:
    if inst.kind != kind:
        raise NotFound(f"Node {inst.id} is a {inst.kind} node, not a {kind} node")


def _locked_node(
    session: Session,
    principal: Principal,
    kind: str,
    project_id: int,
    workflow_id: int,
    node_db_id: int,
) -> tuple[int, TaskRun, Inst]:
    """The caller's user id, and the node of this kind in this workflow, its task locked."""
    user_id = acting_user(principal)
    task_id = _locate(session, principal, project_id, workflow_id, node_db_id)
    run, inst = _lock(session, principal, task_id, node_db_id)
    _require_kind(inst, kind)
    return user_id, run, inst


def _held_by(inst: Inst, user_id: int, now) -> bool:
    return (
        inst.status == "claimed"
        and inst.assignee_id == user_id
        and inst.lease_expires_at is not None
        and inst.lease_expires_at > now
    )


def _lease_lapsed(inst: Inst, now) -> bool:
    return (
        inst.status == "claimed"
        and inst.assignee_id is not None
        and inst.lease_expires_at is not None
        and inst.lease_expires_at <= now
    )


def open_node(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    kind: str,
    lease_seconds: float,
    claim: bool = True,
) -> dict:
    """GET .../subtask and .../review: the node's form, claimed for the caller (renewed when
    the caller already holds it). With claim=False (the /view variants) nothing changes."""
    if not claim:
        acting_user(principal)
        task_id = _locate(session, principal, project_id, workflow_id, node_db_id)
        run = TaskRun.load(session.connection(), task_id)
        inst = next(i for i in run.insts.values() if i.id == node_db_id)
        _require_kind(inst, kind)
        return node_view(run, inst, project_id)
    user_id, run, inst = _locked_node(session, principal, kind, project_id, workflow_id, node_db_id)
    now = run.now
    if run.status not in WORKABLE_TASK:
        raise Conflict(f"The task is {run.status}; its nodes cannot be worked on")
    if _held_by(inst, user_id, now):
        run.set(inst, lease_expires_at=lease_end(now, lease_seconds))
        run.flush()
        return node_view(run, inst, project_id)
    if inst.status == "claimed" and not _lease_lapsed(inst, now):
        raise Conflict("This node is claimed by another user")
    if inst.status not in ("available", "claimed"):
        raise Conflict(f"This node is {inst.status}, not available")
    if kind == "review" and run.graph.config(inst.node_id).get("no_self_review", True):
        subtask = run.graph.reviewed_subtask(inst.node_id)
        if subtask and run.insts[subtask].submitted_by_id == user_id:
            raise Forbidden("You cannot review your own submission")
    if inst.reserved_for_id is not None and inst.reserved_for_id != user_id:
        raise Conflict("This node is reserved for another user")
    if inst.excluded_user_id == user_id:
        raise Conflict("This node was sent back to the pool without its original worker")
    run.set(
        inst,
        status="claimed",
        assignee_id=user_id,
        lease_expires_at=lease_end(now, lease_seconds),
    )
    run.event(
        "node.claimed",
        inst,
        lease_expires_at=ts_micros(inst.lease_expires_at),
    )
    run.flush()
    return node_view(run, inst, project_id)


def _hold(run: TaskRun, inst: Inst, user_id: int) -> None:
    if run.status == "paused":
        raise Conflict("The task is paused; submit after the workflow is resumed")
    if not _held_by(inst, user_id, run.now):
        if inst.status in ("finished", "submitted"):
            raise Conflict("This node was already submitted")
        raise Conflict("You do not hold this node; open it first to claim it")


def check_may_submit(
    session: Session, principal: Principal, project_id: int, workflow_id: int, node_db_id: int
) -> None:
    """What `submit_subtask` checks before it looks at the values: the caller holds this
    subtask node and its task is not paused; raises what it would. Changes nothing and locks
    nothing (a form checks this before storing the files it carries, so a refused submission
    leaves none behind); `submit_subtask` checks again under the task's lock."""
    user_id = acting_user(principal)
    task_id = _locate(session, principal, project_id, workflow_id, node_db_id)
    run = TaskRun.load(session.connection(), task_id)
    inst = (
        None if run is None else next((i for i in run.insts.values() if i.id == node_db_id), None)
    )
    if inst is None:
        raise NotFound("Node not found")
    _require_kind(inst, "subtask")
    _hold(run, inst, user_id)


def submit_subtask(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    values: dict,
) -> tuple[dict, list[tuple[int, float]]]:
    user_id, run, inst = _locked_node(
        session, principal, "subtask", project_id, workflow_id, node_db_id
    )
    _hold(run, inst, user_id)
    accept_subtask(run, inst, values, user_id)
    run.flush()
    return node_view(run, inst, project_id), run.enqueued


def validate_values(run: TaskRun, inst: Inst, merged: dict, only: str | None = None) -> dict:
    """A subtask's values against its fields: 422 listing every error (with `only`, the
    errors of that one field). Returns the values to store: each `file_upload` field's
    reference `{"file_id": ...}` resolved to the project file it names (id, filename,
    content_type, size, sha256), which must be a confirmed file of the task's project."""
    defs = run.graph.config(inst.node_id).get("fields") or []
    schema = fieldschema.normalize_schema(defs)
    errors = _unstorable(merged) or fieldschema.validate_row(
        schema, merged, 0, skip_types=_FILE_TYPES
    )
    resolved = dict(merged)
    errors += _resolve_files(run, schema, resolved)
    if only is not None:
        errors = [e for e in errors if e.field_name == only]
    if errors:
        for e in errors:
            e.index = None
            e.loc = ("body", "values", e.field_name) if e.field_name else ("body", "values")
        raise ValidationFailed("; ".join(e.message for e in errors), errors)
    return resolved


_FILE_TYPES = frozenset({"file_upload"})


def _unstorable(values: dict) -> list[FieldError]:
    """Values the store cannot keep (a NUL character, a lone surrogate): the API's body
    parser refuses them before its handler runs; a web form's text reaches here as typed."""
    errors = []
    for name, value in values.items():
        try:
            jsonsafe.check(name)
            jsonsafe.check(value)
        except jsonsafe.BadJson as exc:
            errors.append(FieldError(f"{name!r}: {exc.message}", field_name=str(name)))
    return errors


def _resolve_files(run: TaskRun, schema: list[dict], values: dict) -> list[FieldError]:
    """Replaces each file field's reference in `values` by the file it names; the errors of
    the fields whose reference is malformed or names no confirmed file of the project (the
    same message whether the file is another project's, unconfirmed or deleted)."""
    errors: list[FieldError] = []
    refs: dict[str, str] = {}
    for f in fieldschema.file_fields(schema):
        value = values.get(f["name"])
        if value is None:
            if f["required"]:
                errors.append(fieldschema.missing_required(f, 0))
            continue
        file_id, problem = fieldschema.file_reference(f, value)
        if problem:
            errors.append(FieldError(problem, field_name=f["name"], index=0))
        else:
            refs[f["name"]] = file_id
    if not refs:
        return errors
    project_id = run.conn.execute(
        select(_WF.c.project_id).where(_WF.c.id == run.workflow_id)
    ).scalar()
    found = project_files.ready_files(run.conn, run.org_id, project_id, refs.values())
    for name, file_id in refs.items():
        row = found.get(file_id)
        if row is None:
            errors.append(
                FieldError(
                    f"Field '{name}': {file_id!r} is not a confirmed file of this project "
                    "(upload it to the project's files and confirm it first)",
                    field_name=name,
                    index=0,
                )
            )
        else:
            values[name] = project_files.file_value(row)
    return errors


def accept_subtask(
    run: TaskRun,
    inst: Inst,
    values: dict,
    user_id: int,
    via: str = submissions.WORKER,
    event: str = "node.submitted",
) -> int:
    """An open subtask's values (over its prefill) validated, recorded and submitted, and the
    graph followed: a worker's submission, or an admin's on their behalf. Returns the
    submission's number."""
    merged = {**((inst.state or {}).get("prefill") or {}), **(values or {})}
    merged = validate_values(run, inst, merged)
    status = "submitted" if run.graph.reviewers(inst.node_id) else "finished"
    run.set(inst, submitted_by_id=user_id, lease_expires_at=None)
    number = submissions.record(run, inst, merged, user_id, via)
    run.event(event, inst, attempt=inst.attempt, submission=number)
    run.finish(inst, merged)
    if status == "submitted":
        run.set(inst, status="submitted", finished_at=None)
    run.run()
    return number


def submit_review(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    decision: str,
    comment: str | None,
) -> tuple[dict, list[tuple[int, float]]]:
    check_verdict(decision, comment)
    user_id, run, inst = _locked_node(
        session, principal, "review", project_id, workflow_id, node_db_id
    )
    _hold(run, inst, user_id)
    decide_review(run, inst, decision, comment, user_id)
    run.flush()
    return node_view(run, inst, project_id), run.enqueued


def node_label(session: Session, principal: Principal, node_db_id: int) -> tuple[str, int] | None:
    """A node instance's name (its graph node's name, else its id) and its task's id, for a
    notice about it; None when it is no node of the caller's organization."""
    inst = session.get(NodeInstance, node_db_id)
    if inst is None or inst.org_id != principal.org_id:
        return None
    task = session.get(Task, inst.task_id)
    graph = load_graph(session.connection(), task.workflow_id, task.workflow_version)
    node = graph.nodes.get(inst.node_id) or {}
    return str(node.get("name") or inst.node_id), inst.task_id


REVIEW_DECISIONS = ("pass", "fail")
REVIEW_COMMENT_MAX = 10_000  # as openapi/pipelines.yaml's ReviewSubmission.comment


def check_verdict(decision: str, comment: str | None) -> None:
    """A verdict's own rules (the API's request schema says the same before its handler runs;
    the web UI has no schema in front of it): pass or fail, a comment of bounded length."""
    errors = []
    if decision not in REVIEW_DECISIONS:
        errors.append(FieldError("Choose pass or fail", loc=("decision",)))
    errors += text_fields.problems("comment", comment, REVIEW_COMMENT_MAX)
    if errors:
        raise ValidationFailed(errors[0].message, errors)


def decide_review(
    run: TaskRun,
    inst: Inst,
    decision: str,
    comment: str | None,
    user_id: int,
    via: str = submissions.WORKER,
) -> None:
    """A review's verdict recorded and acted on: a worker's, or an admin's on their behalf.
    pass: the subtask's values stand and the graph goes on; fail: the work is sent back, or,
    past `max_rereviews`, the review is quarantined or escalated."""
    config = run.graph.config(inst.node_id)
    subtask_id = run.graph.reviewed_subtask(inst.node_id)
    sub = run.insts[subtask_id] if subtask_id else None
    state = dict(inst.state or {})
    rejections = int(state.get("rejections", 0))
    verdict = {
        "decision": decision,
        "comment": comment,
        "reviewer_id": user_id,
        "rejections": rejections,
    }
    evaluation = review_scores(run, inst)
    if evaluation is not None:  # the library evaluation the reviewer saw, kept with the verdict
        verdict["evaluation"] = evaluation
    submissions.record(run, inst, verdict, user_id, via)
    if decision == "pass":
        verdict["values"] = sub.output if sub else None
        run.event("review.passed", inst, subtask=subtask_id)
        if sub is not None and sub.status == "submitted":
            run.set(sub, status="finished", finished_at=run.now)
        run.set(inst, lease_expires_at=None)
        run.finish(inst, verdict)
        run.run()
        return
    rejections += 1
    state["rejections"] = rejections
    state.setdefault("history", []).append(
        {"reviewer_id": user_id, "comment": comment, "at": run.now.isoformat()}
    )
    run.event("review.rejected", inst, subtask=subtask_id, rejections=rejections)
    if rejections > int(config.get("max_rereviews", 2)) or sub is None:
        outcome = "escalated" if config.get("on_exhausted") == "escalate" else "quarantined"
        verdict["rejections"] = rejections
        run.set(
            inst,
            status=outcome,
            state=state,
            output=verdict,
            assignee_id=None,
            lease_expires_at=None,
        )
        run.event(f"node.{outcome}", inst, rejections=rejections)
        return
    send_back(run, inst, sub, state)


def send_back(run: TaskRun, inst: Inst, sub: Inst, state: dict) -> None:
    """The review's subtask reopens (for whom `on_reject` says) and every node between it and
    the review waits for the new submission; the review keeps `state` (its rejections)."""
    between = run.graph.between(sub.node_id, inst.node_id)
    original = sub.submitted_by_id
    sub_input, sub_state = sub.input, sub.state
    run.reset_nodes([*between, inst.node_id, sub.node_id])
    run.set(inst, state=state)
    rule = run.graph.config(inst.node_id).get("on_reject", "pool")
    run.set(
        sub,
        status="available",
        input=sub_input,
        state=sub_state,
        attempt=sub.attempt + 1,
        reserved_for_id=original if rule == "same_worker" else None,
        excluded_user_id=original if rule == "pool_exclude_original" else None,
    )
    run.event("node.available", sub, attempt=sub.attempt, sent_back_by=inst.node_id)


def release(
    session: Session, principal: Principal, project_id: int, workflow_id: int, node_db_id: int
) -> dict:
    user_id = acting_user(principal)
    task_id = _locate(session, principal, project_id, workflow_id, node_db_id)
    run, inst = _lock(session, principal, task_id, node_db_id)
    if inst.kind not in ("subtask", "review"):
        raise NotFound(f"Node {node_db_id} is a {inst.kind} node; only human nodes are claimed")
    if not _held_by(inst, user_id, run.now):
        raise Conflict("You do not hold this node")
    run.set(inst, status="available", assignee_id=None, lease_expires_at=None)
    run.event("node.released", inst)
    run.flush()
    return node_view(run, inst, project_id)


# ---- cancelling a task -------------------------------------------------------------------


def cancel_task(
    session: Session, principal: Principal, project_id: int, workflow_id: int, task_id: int
) -> dict:
    task = task_row(session, principal, project_id, workflow_id, task_id)
    try:
        task_control.cancel_task(session.connection(), task.id, principal.user_id)
    except EngineConflict as exc:
        raise Conflict(str(exc)) from exc
    session.expire(task)
    return task_detail(session, principal, project_id, workflow_id, task_id)
