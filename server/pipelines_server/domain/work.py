"""Human work and task inspection: open (claim), submit, review, release, my-work, the task
detail, its timeline, cancel, and the pause/resume of a workflow's tasks.

A claim is exclusive and leased: opening an available subtask or review node claims it for
the caller until `lease_seconds` from now (opening it again renews the lease); a claim whose
lease ended can be taken by anyone. Every change goes through the engine's TaskRun, so the
graph moves on in the same transaction as the submission.
"""

from __future__ import annotations

from collections import deque
from datetime import timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ..engine import ops
from ..engine.core import EngineConflict, Inst, TaskRun, reviewed_subtask_of
from ..shared.errors import Conflict, FieldError, Forbidden, NotFound, ValidationFailed
from ..shared.principal import Principal
from ..store.models import NodeInstance, Task, TaskEvent, Workflow, utcnow
from . import fields as fieldschema
from .tasks import node_summaries
from .workflows import get_workflow

_NI = NodeInstance.__table__
_T = Task.__table__
_EV = TaskEvent.__table__
_W = Workflow.__table__
WORKABLE_TASK = ("in_progress", "escalated", "quarantined")


def _user(principal: Principal) -> int:
    if principal.user_id is None:
        raise Forbidden("The user who created this API key has been removed; create a new key")
    return principal.user_id


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


def reviewed_subtask(run: TaskRun, review_id: str) -> str | None:
    return reviewed_subtask_of(run.graph, review_id)


def _reviewed_by(run: TaskRun, subtask_id: str) -> bool:
    return any(
        run.graph.kind(n) == "review" and reviewed_subtask(run, n) == subtask_id
        for n in run.graph.nodes
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
    user_id = _user(principal)
    task_id = _locate(session, principal, project_id, workflow_id, node_db_id)
    if not claim:
        run = ops.load_run(session.connection(), task_id)
        inst = next(i for i in run.insts.values() if i.id == node_db_id)
        if inst.kind != kind:
            raise NotFound(f"Node {node_db_id} is a {inst.kind} node, not a {kind} node")
        return node_view(run, inst, project_id)
    run, inst = _lock(session, principal, task_id, node_db_id)
    if inst.kind != kind:
        raise NotFound(f"Node {node_db_id} is a {inst.kind} node, not a {kind} node")
    now = run.now
    if run.status not in WORKABLE_TASK:
        raise Conflict(f"The task is {run.status}; its nodes cannot be worked on")
    if _held_by(inst, user_id, now):
        run.set(inst, lease_expires_at=now + timedelta(seconds=lease_seconds))
        run.flush()
        return node_view(run, inst, project_id)
    if inst.status == "claimed" and not _lease_lapsed(inst, now):
        raise Conflict("This node is claimed by another user")
    if inst.status not in ("available", "claimed"):
        raise Conflict(f"This node is {inst.status}, not available")
    if kind == "review" and run.graph.config(inst.node_id).get("no_self_review", True):
        subtask = reviewed_subtask(run, inst.node_id)
        if subtask and run.insts[subtask].submitted_by_id == user_id:
            raise Forbidden("You cannot review your own submission")
    if inst.reserved_for_id is not None and inst.reserved_for_id != user_id:
        raise Conflict("This node was sent back to the user who worked on it")
    if inst.excluded_user_id == user_id:
        raise Conflict("This node was sent back to the pool without its original worker")
    run.set(
        inst,
        status="claimed",
        assignee_id=user_id,
        lease_expires_at=now + timedelta(seconds=lease_seconds),
    )
    run.event(
        "node.claimed",
        inst,
        lease_expires_at=inst.lease_expires_at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
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


def submit_subtask(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    values: dict,
) -> tuple[dict, list[tuple[int, float]]]:
    user_id = _user(principal)
    task_id = _locate(session, principal, project_id, workflow_id, node_db_id)
    run, inst = _lock(session, principal, task_id, node_db_id)
    if inst.kind != "subtask":
        raise NotFound(f"Node {node_db_id} is a {inst.kind} node, not a subtask node")
    _hold(run, inst, user_id)
    defs = run.graph.config(inst.node_id).get("fields") or []
    merged = {**((inst.state or {}).get("prefill") or {}), **(values or {})}
    errors = fieldschema.validate_row(fieldschema.normalize_schema(defs), merged, 0)
    if errors:
        for e in errors:
            e.index = None
            e.loc = ("body", "values", e.field_name) if e.field_name else ("body", "values")
        raise ValidationFailed("; ".join(e.message for e in errors), errors)
    status = "submitted" if _reviewed_by(run, inst.node_id) else "finished"
    run.set(inst, submitted_by_id=user_id, lease_expires_at=None)
    run.event("node.submitted", inst, attempt=inst.attempt)
    run._finish(inst, merged)
    if status == "submitted":
        run.set(inst, status="submitted", finished_at=None)
    run.run()
    run.flush()
    return node_view(run, inst, project_id), run.enqueued


def submit_review(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    decision: str,
    comment: str | None,
) -> tuple[dict, list[tuple[int, float]]]:
    user_id = _user(principal)
    task_id = _locate(session, principal, project_id, workflow_id, node_db_id)
    run, inst = _lock(session, principal, task_id, node_db_id)
    if inst.kind != "review":
        raise NotFound(f"Node {node_db_id} is a {inst.kind} node, not a review node")
    _hold(run, inst, user_id)
    config = run.graph.config(inst.node_id)
    subtask_id = reviewed_subtask(run, inst.node_id)
    sub = run.insts[subtask_id] if subtask_id else None
    state = dict(inst.state or {})
    rejections = int(state.get("rejections", 0))
    verdict = {
        "decision": decision,
        "comment": comment,
        "reviewer_id": user_id,
        "rejections": rejections,
    }
    if decision == "pass":
        verdict["values"] = sub.output if sub else None
        run.event("review.passed", inst, subtask=subtask_id)
        if sub is not None and sub.status == "submitted":
            run.set(sub, status="finished", finished_at=run.now)
        run.set(inst, lease_expires_at=None)
        run._finish(inst, verdict)
        run.run()
        run.flush()
        return node_view(run, inst, project_id), run.enqueued
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
        run.flush()
        return node_view(run, inst, project_id), []
    # Send the work back: the subtask reopens and every node between it and this review
    # waits for the new submission.
    between = _between(run, subtask_id, inst.node_id)
    original = sub.submitted_by_id
    sub_input, sub_state = sub.input, sub.state
    run._reset_nodes([*between, inst.node_id, subtask_id])
    run.set(inst, state=state)
    rule = config.get("on_reject", "pool")
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
    run.flush()
    return node_view(run, inst, project_id), []


def _between(run: TaskRun, source: str, target: str) -> set[str]:
    """Nodes on a forward path from source to target, both excluded."""

    def reach(start: str, step) -> set[str]:
        seen, queue = set(), deque([start])
        while queue:
            for nxt in step(queue.popleft()):
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
        return seen

    down = reach(source, lambda n: [e["target"] for e in run.graph.outgoing(n)])
    up = reach(target, lambda n: [e["source"] for e in run.graph.incoming(n)])
    return (down & up) - {source, target}


def release(
    session: Session, principal: Principal, project_id: int, workflow_id: int, node_db_id: int
) -> dict:
    user_id = _user(principal)
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


# ---- reads ----------------------------------------------------------------------------


def node_view(run: TaskRun, inst: Inst, project_id: int) -> dict:
    node = run.graph.nodes[inst.node_id]
    config = run.graph.config(inst.node_id)
    view: dict[str, Any] = {
        "node_db_id": inst.id,
        "task_id": run.task_id,
        "workflow_id": run.workflow_id,
        "project_id": project_id,
        "node_id": inst.node_id,
        "kind": inst.kind,
        "name": node.get("name") or inst.node_id,
        "status": inst.status,
        "attempt": inst.attempt,
        "assignee_id": inst.assignee_id,
        "lease_expires_at": inst.lease_expires_at,
        "task_fields": run.fields,
        "input": inst.input,
        "output": inst.output,
    }
    if inst.kind == "subtask":
        view["instructions"] = config.get("instructions") or ""
        view["fields"] = fieldschema.normalize_schema(config.get("fields") or [])
        view["values"] = (inst.state or {}).get("prefill") or {}
    else:
        subtask_id = reviewed_subtask(run, inst.node_id)
        sub = run.insts.get(subtask_id) if subtask_id else None
        view["subtask"] = (
            {
                "node_db_id": sub.id,
                "node_id": sub.node_id,
                "status": sub.status,
                "values": sub.output,
                "submitted_by_id": sub.submitted_by_id,
            }
            if sub
            else None
        )
        view["rejections"] = int((inst.state or {}).get("rejections", 0))
        view["max_rereviews"] = int(config.get("max_rereviews", 2))
    return view


def _task_row(session: Session, principal: Principal, project_id: int, workflow_id: int, task_id):
    get_workflow(session, principal, workflow_id, project_id)
    task = session.get(Task, task_id)
    if task is None or task.org_id != principal.org_id or task.workflow_id != workflow_id:
        raise NotFound("Task not found")
    return task


def task_detail(
    session: Session, principal: Principal, project_id: int, workflow_id: int, task_id: int
) -> dict:
    task = _task_row(session, principal, project_id, workflow_id, task_id)
    run = ops.load_run(session.connection(), task.id)
    nodes = []
    for node_id in run.graph.nodes:
        inst = run.insts.get(node_id)
        node = run.graph.nodes[node_id]
        nodes.append(
            {
                "node_db_id": inst.id if inst else None,
                "node_id": node_id,
                "kind": run.graph.kind(node_id),
                "name": node.get("name") or node_id,
                "status": inst.status if inst else "pending",
                "attempt": inst.attempt if inst else 0,
                "assignee_id": inst.assignee_id if inst else None,
                "lease_expires_at": inst.lease_expires_at if inst else None,
                "input": inst.input if inst else None,
                "output": inst.output if inst else None,
                "route": inst.route if inst else None,
                "error": inst.error if inst else None,
                "log": inst.log if inst else None,
                "work_seconds": inst.work_seconds if inst else None,
                "finished_at": inst.finished_at if inst else None,
                "updated_at": inst.updated_at if inst else None,
            }
        )
    summary = node_summaries(session, [task])[task.id]
    return {
        "id": task.id,
        "project_id": project_id,
        "workflow_id": task.workflow_id,
        "workflow_version": task.workflow_version,
        "status": task.status,
        "fields": task.fields,
        "output": task.output,
        "error": task.error,
        "node_summary": summary,
        "nodes": nodes,
        "created_at": task.created_at,
        "updated_at": task.updated_at,
        "started_at": task.started_at,
        "finished_at": task.finished_at,
    }


def timeline(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    task_id: int,
    offset: int,
    limit: int,
) -> tuple[list[dict], int]:
    task = _task_row(session, principal, project_id, workflow_id, task_id)
    where = _EV.c.task_id == task.id
    total = session.scalar(select(func.count()).select_from(_EV).where(where))
    rows = session.execute(
        select(_EV).where(where).order_by(_EV.c.id).offset(offset).limit(limit)
    ).all()
    return [event_view(r) for r in rows], total


def event_view(r) -> dict:
    return {
        "id": r.id,
        "type": r.type,
        "task_id": r.task_id,
        "workflow_id": r.workflow_id,
        "node_db_id": r.node_instance_id,
        "node_id": r.node_id,
        "data": r.data or {},
        "actor_id": r.actor_id,
        "created_at": r.created_at,
    }


def events_after(
    conn, org_id: int, after: int, task_id: int | None, workflow_id: int | None, limit: int = 500
) -> list[dict]:
    """The live stream's feed: this organization's events after an id, oldest first."""
    return [
        event_view(r) for r in event_rows_after(conn, org_id, after, task_id, workflow_id, limit)
    ]


INT32_MAX = 2**31 - 1  # task_events.workflow_id is a 32-bit column on PostgreSQL


def event_rows_after(
    conn, org_id: int, after: int, task_id: int | None, workflow_id: int | None, limit: int = 500
) -> list:
    if workflow_id is not None and workflow_id > INT32_MAX:
        return []  # no event has it (and PostgreSQL would refuse the comparison)
    where = [_EV.c.org_id == org_id, _EV.c.id > after]
    if task_id is not None:
        where.append(_EV.c.task_id == task_id)
    if workflow_id is not None:
        where.append(_EV.c.workflow_id == workflow_id)
    return conn.execute(select(_EV).where(*where).order_by(_EV.c.id).limit(limit)).all()


def events_since(conn, after: int, missing: list[int] | None = None, limit: int = 1000):
    """The shared live reader's feed, every organization at once: rows with an id above
    `after`, and the rows among `missing` (ids below it not seen yet: on PostgreSQL a
    transaction can commit after one that took a later id), oldest first."""
    where = _EV.c.id > after
    if missing:
        where = or_(where, _EV.c.id.in_(missing))
    return conn.execute(select(_EV).where(where).order_by(_EV.c.id).limit(limit)).all()


def max_event_id(conn) -> int:
    return conn.execute(select(func.max(_EV.c.id))).scalar() or 0


def last_event_id(conn, org_id: int) -> int:
    return conn.execute(select(func.max(_EV.c.id)).where(_EV.c.org_id == org_id)).scalar() or 0


def my_work(
    session: Session,
    principal: Principal,
    project_id: int | None,
    offset: int,
    limit: int,
    kind: str | None = None,
) -> tuple[list[dict], int]:
    """Human nodes the caller can open now, and the ones the caller holds."""
    user_id = _user(principal)
    now = utcnow()
    where = [
        _NI.c.org_id == principal.org_id,
        _NI.c.kind.in_((kind,) if kind else ("subtask", "review")),
        _T.c.status.in_(WORKABLE_TASK),
        or_(
            and_(
                _NI.c.status == "available",
                or_(_NI.c.reserved_for_id.is_(None), _NI.c.reserved_for_id == user_id),
                or_(_NI.c.excluded_user_id.is_(None), _NI.c.excluded_user_id != user_id),
            ),
            and_(
                _NI.c.status == "claimed",
                _NI.c.assignee_id.is_not(None),
                or_(_NI.c.assignee_id == user_id, _NI.c.lease_expires_at <= now),
            ),
        ),
    ]
    if project_id is not None:
        where.append(_W.c.project_id == project_id)
    joined = _NI.join(_T, _T.c.id == _NI.c.task_id).join(_W, _W.c.id == _NI.c.workflow_id)
    total = session.scalar(select(func.count()).select_from(joined).where(*where))
    rows = session.execute(
        select(
            _NI.c.id,
            _NI.c.task_id,
            _NI.c.workflow_id,
            _W.c.project_id,
            _W.c.name.label("workflow_name"),
            _NI.c.node_id,
            _NI.c.kind,
            _NI.c.status,
            _NI.c.assignee_id,
            _NI.c.lease_expires_at,
            _NI.c.attempt,
            _NI.c.created_at,
            _NI.c.updated_at,
        )
        .select_from(joined)
        .where(*where)
        .order_by(_NI.c.id)
        .offset(offset)
        .limit(limit)
    ).all()
    items = []
    for r in rows:
        mine = r.status == "claimed" and r.assignee_id == user_id
        items.append(
            {
                "node_db_id": r.id,
                "task_id": r.task_id,
                "workflow_id": r.workflow_id,
                "workflow_name": r.workflow_name,
                "project_id": r.project_id,
                "node_id": r.node_id,
                "kind": r.kind,
                "status": "claimed" if mine else "available",
                "claimed_by_me": mine,
                "lease_expires_at": r.lease_expires_at if mine else None,
                "attempt": r.attempt,
                "created_at": r.created_at,
                "updated_at": r.updated_at,
            }
        )
    return items, total


def cancel_task(
    session: Session, principal: Principal, project_id: int, workflow_id: int, task_id: int
) -> dict:
    task = _task_row(session, principal, project_id, workflow_id, task_id)
    try:
        ops.cancel_task(session.connection(), task.id, principal.user_id)
    except EngineConflict as exc:
        raise Conflict(str(exc)) from exc
    session.expire(task)
    return task_detail(session, principal, project_id, workflow_id, task_id)


__all__ = ["FieldError"]
