"""Engine operations on the database: start tasks, claim, run and record machine work,
pause, resume and cancel. Each function is one transaction on the connection it is given
(the caller commits); node work itself runs between transactions."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Integer, bindparam, insert, select, text, update

from ..store.models import NodeInstance, Task, TaskEvent, UTCDateTime, utcnow
from .core import DONE, QUEUED_KINDS, EngineConflict, Inst, TaskRun, load_graph, new_token
from .executors.base import Credential, NodeFailed, NodeResult

_NI = NodeInstance.__table__
_T = Task.__table__
_EV = TaskEvent.__table__


@dataclass(frozen=True)
class Claimed:
    """A machine node held by one worker until `lease` ends."""

    id: int
    task_id: int
    node_id: str
    kind: str
    token: str
    org_id: int = 0


@dataclass(frozen=True)
class OrgLoad:
    """One organization's share of the machine-node queue at the moment of a claim."""

    org_id: int
    due_at: datetime | None  # its earliest due machine node (None: nothing due)
    held: int  # machine nodes its workers hold now (claimed, lease not ended)


def fair_order(loads: Sequence[OrgLoad], cap: int) -> list[int]:
    """The organizations a free worker should serve, best first: the one holding the fewest
    machine nodes, then the one whose work has waited longest, then the lowest id. One
    holding `cap` nodes or more is left out (cap 0: no cap), so a backlog of one organization
    never sits in front of another's work; a single organization is never capped."""
    capped = cap > 0 and len(loads) > 1
    ready = [
        load for load in loads if load.due_at is not None and not (capped and load.held >= cap)
    ]
    ready.sort(key=lambda load: (load.held, load.due_at, load.org_id))
    return [load.org_id for load in ready]


def _pg(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def start_tasks(conn: Connection, limit: int = 50) -> tuple[int, list[tuple[int, float]]]:
    """Creates the node instances of up to `limit` waiting tasks and runs them as far as the
    graph goes without node work. Returns (tasks started, machine nodes queued)."""
    now = utcnow()
    lock = " FOR UPDATE SKIP LOCKED" if _pg(conn) else ""
    rows = conn.execute(
        text(
            "UPDATE tasks SET started_at = :now, updated_at = :now, status = 'in_progress' "
            "WHERE id IN (SELECT id FROM tasks WHERE started_at IS NULL AND status = 'pending' "
            f"ORDER BY id LIMIT :n{lock}) "
            "RETURNING id, org_id, workflow_id, workflow_version, fields"
        )
        .bindparams(_ts("now", now))
        .columns(_T.c.id, _T.c.org_id, _T.c.workflow_id, _T.c.workflow_version, _T.c.fields),
        {"n": limit},
    ).all()
    if not rows:
        return 0, []
    values = []
    for row in rows:
        graph = load_graph(conn, row.workflow_id, row.workflow_version)
        for node_id in graph.nodes:
            values.append(
                {
                    "task_id": row.id,
                    "org_id": row.org_id,
                    "workflow_id": row.workflow_id,
                    "node_id": node_id,
                    "kind": graph.kind(node_id),
                    "status": "pending",
                    "attempt": 0,
                    "created_at": now,
                    "updated_at": now,
                }
            )
    created = conn.execute(
        insert(_NI).returning(_NI.c.id, _NI.c.task_id, _NI.c.node_id, sort_by_parameter_order=True),
        values,
    ).all()
    by_task: dict[int, dict[str, Inst]] = {row.id: {} for row in rows}
    for (inst_id, task_id, node_id), value in zip(created, values, strict=True):
        by_task[task_id][node_id] = Inst(
            id=inst_id, node_id=node_id, kind=value["kind"], status="pending", created_at=now
        )
    queued: list[tuple[int, float]] = []
    for row in rows:
        run = TaskRun(
            conn=conn,
            task_id=row.id,
            org_id=row.org_id,
            workflow_id=row.workflow_id,
            status="in_progress",
            fields=row.fields or {},
            graph=load_graph(conn, row.workflow_id, row.workflow_version),
            insts=by_task[row.id],
            now=now,
        )
        run.start()
        run.flush()
        queued += run.enqueued
    return len(rows), queued


def _ts(name: str, value):
    """A datetime bound into textual SQL with the column type's conversion."""
    return bindparam(name, value, type_=UTCDateTime())


_CLAIM_SET = (
    "UPDATE node_instances SET status = 'claimed', claim_token = :token, "
    "run_at = :lease, updated_at = :now "
)
_RETURNING = " RETURNING id, task_id, node_id, kind, org_id"
# Machine nodes an organization's workers hold: claimed, lease not ended (a node whose lease
# ended is due again and counts as waiting). Two seeks in ix_node_instances_org_queue.
_HELD = (
    "(SELECT count(*) FROM node_instances h WHERE h.org_id = {org} AND h.queue = 'auto' "
    "AND h.run_at > :now AND h.status = 'claimed')"
)
_LOADS = (
    "SELECT o.id AS org_id, "
    "(SELECT d.run_at FROM node_instances d WHERE d.org_id = o.id AND d.queue = 'auto' "
    "AND d.run_at <= :now ORDER BY d.run_at LIMIT 1) AS due_at, "
    f"{_HELD.format(org='o.id')} AS held "
    "FROM organizations o"
)
# Namespace of the PostgreSQL advisory locks that serialise claims within one organization
# (so that two claimers cannot both see it one node under its cap).
_ORG_CLAIM_LOCK = 0x6F726731


def claim(
    conn: Connection,
    token: str,
    lease_seconds: float,
    limit: int = 1,
    instance_id: int | None = None,
    org_cap: int = 0,
) -> list[Claimed]:
    """Claims due machine nodes (or the one given), exclusively: SKIP LOCKED on PostgreSQL,
    one statement under the write lock on SQLite.

    With `org_cap` > 0 and more than one organization in the database, claiming is fair:
    no organization holds more than `org_cap` machine nodes at once (counted over every
    process on the database), and a free worker serves the organization holding the fewest
    (`fair_order`); then one node is claimed whatever `limit` says. The node given by id is
    not claimed while its organization is at the cap: it stays due for a later claim."""
    now = utcnow()
    lock = ""
    if _pg(conn):
        lock = " FOR UPDATE SKIP LOCKED"
        # A claim need not survive a database crash: a lost claim only means the node is
        # claimed again (and a result recorded under the lost claim is refused), so skip
        # the WAL flush that a durable commit costs.
        conn.execute(text("SET LOCAL synchronous_commit TO OFF"))
    binds = (
        _ts("now", now),
        _ts("lease", now + timedelta(seconds=lease_seconds)),
        bindparam("token", token),
    )
    if org_cap > 0 and instance_id is not None:
        return _claim_capped_instance(conn, binds, lock, instance_id, org_cap, token)
    if org_cap > 0:
        return _claim_fair(conn, now, binds, lock, org_cap, token)
    only = " AND id = :instance_id" if instance_id is not None else ""
    params: dict[str, Any] = {"n": limit}
    if instance_id is not None:
        params["instance_id"] = instance_id
    rows = conn.execute(
        text(
            _CLAIM_SET + "WHERE id IN (SELECT id FROM node_instances WHERE queue = 'auto' "
            f"AND run_at <= :now{only} ORDER BY run_at LIMIT :n{lock})" + _RETURNING
        ).bindparams(*binds),
        params,
    ).all()
    return _claimed(rows, token)


def _claimed(rows, token: str) -> list[Claimed]:
    return [Claimed(r.id, r.task_id, r.node_id, r.kind, token, r.org_id) for r in rows]


def _lock_org(conn: Connection, org_id: int, wait: bool = True) -> bool:
    """PostgreSQL: until this transaction ends, no other claim counts this organization's
    held nodes; the claim statement that follows sees every earlier claim committed. Only a
    transaction's first such lock may wait (`wait`), so that two claimers never wait for
    each other. SQLite needs none: a claim is one statement under its write lock."""
    if not _pg(conn):
        return True
    fn = "pg_advisory_xact_lock" if wait else "pg_try_advisory_xact_lock"
    got = conn.execute(
        text(f"SELECT {fn}(:ns, CAST(mod(:org, 2147483647) AS INTEGER))"),
        {"ns": _ORG_CLAIM_LOCK, "org": org_id},
    ).scalar()
    return wait or bool(got)


def org_loads(conn: Connection, now: datetime | None = None) -> list[OrgLoad]:
    """Every organization with its earliest due machine node and the nodes it holds."""
    rows = conn.execute(
        text(_LOADS)
        .bindparams(_ts("now", now or utcnow()))
        .columns(org_id=Integer, due_at=UTCDateTime(), held=Integer)
    ).all()
    return [OrgLoad(r.org_id, r.due_at, int(r.held or 0)) for r in rows]


def _claim_fair(conn, now, binds, lock: str, org_cap: int, token: str) -> list[Claimed]:
    loads = org_loads(conn, now)
    cap = org_cap if len(loads) > 1 else 0
    guard = f" AND {_HELD.format(org=':org')} < :cap" if cap else ""
    statement = text(
        _CLAIM_SET + "WHERE id IN (SELECT id FROM node_instances WHERE org_id = :org "
        f"AND queue = 'auto' AND run_at <= :now ORDER BY run_at LIMIT 1{lock}){guard}" + _RETURNING
    ).bindparams(*binds)
    # The first choice usually wins; another claimer may have taken that organization's last
    # due node or its last free place meanwhile, then the next organization is tried.
    for attempt, org_id in enumerate(fair_order(loads, cap)[:3]):
        if cap and not _lock_org(conn, org_id, wait=attempt == 0):
            continue
        rows = conn.execute(statement, {"org": org_id, "cap": cap}).all()
        if rows:
            return _claimed(rows, token)
    return []


def _claim_capped_instance(
    conn, binds, lock: str, instance_id: int, org_cap: int, token: str
) -> list[Claimed]:
    if _pg(conn):
        org_id = conn.execute(
            text("SELECT org_id FROM node_instances WHERE id = :id"), {"id": instance_id}
        ).scalar()
        if org_id is None:
            return []
        _lock_org(conn, org_id)
    rows = conn.execute(
        text(
            _CLAIM_SET + "WHERE id IN (SELECT id FROM node_instances WHERE queue = 'auto' "
            f"AND run_at <= :now AND id = :instance_id{lock}) "
            "AND ((SELECT count(*) FROM organizations) < 2 "
            f"OR {_HELD.format(org='node_instances.org_id')} < :cap)" + _RETURNING
        ).bindparams(*binds),
        {"instance_id": instance_id, "cap": org_cap},
    ).all()
    return _claimed(rows, token)


def next_due(conn: Connection, org_id: int) -> int | None:
    """The organization's earliest due machine node, when the database holds more than one
    organization (a capped worker may have passed it over); else None."""
    return conn.execute(
        text(
            "SELECT id FROM node_instances WHERE org_id = :org AND queue = 'auto' "
            "AND run_at <= :now AND (SELECT count(*) FROM organizations) > 1 "
            "ORDER BY run_at LIMIT 1"
        ).bindparams(_ts("now", utcnow())),
        {"org": org_id},
    ).scalar()


def extend_lease(conn: Connection, claimed: Claimed, seconds: float) -> None:
    conn.execute(
        update(_NI)
        .where(_NI.c.id == claimed.id, _NI.c.claim_token == claimed.token)
        .values(run_at=utcnow() + timedelta(seconds=seconds))
    )


def load_run(conn: Connection, task_id: int) -> TaskRun | None:
    """A read-only view of a task for building a node's context (no lock taken)."""
    row = conn.execute(
        select(
            _T.c.id, _T.c.org_id, _T.c.workflow_id, _T.c.workflow_version, _T.c.status, _T.c.fields
        ).where(_T.c.id == task_id)
    ).first()
    if row is None:
        return None
    graph = load_graph(conn, row.workflow_id, row.workflow_version)
    cols = [_NI.c[name] for name in Inst.__dataclass_fields__]
    insts = {
        r.node_id: Inst(**r._mapping)
        for r in conn.execute(select(*cols).where(_NI.c.task_id == task_id))
    }
    return TaskRun(
        conn=conn,
        task_id=row.id,
        org_id=row.org_id,
        workflow_id=row.workflow_id,
        status=row.status,
        fields=row.fields or {},
        graph=graph,
        insts=insts,
        now=utcnow(),
    )


CredentialLookup = Callable[[int, str], Credential]


def execute(
    run: TaskRun, claimed: Claimed, credentials: CredentialLookup | None, limits: dict
) -> tuple[NodeResult | NodeFailed, float]:
    """Runs one claimed node's work, outside any transaction. Never raises."""
    from .executors import EXECUTORS

    inst = run.insts[claimed.node_id]
    ctx = run.context(inst)
    ctx.limits = limits
    if credentials is not None:
        org_id = run.org_id
        ctx.credential = lambda name: credentials(org_id, name)
    config = run.graph.config(claimed.node_id)
    started = time.perf_counter()
    try:
        if claimed.kind == "subtask":
            result: NodeResult | NodeFailed = _prefill(config, ctx)
        else:
            result = EXECUTORS[claimed.kind](config, ctx)
    except NodeFailed as failure:
        result = failure
    except Exception as exc:  # an executor bug must fail the node, not kill the worker
        result = NodeFailed(f"internal error in {claimed.kind} node: {type(exc).__name__}: {exc}")
    return result, time.perf_counter() - started


def _prefill(config: dict, ctx) -> NodeResult:
    """A subtask's llm-sourced fields, asked of the model before a person sees the form."""
    from .executors import EXECUTORS

    values: dict[str, Any] = {}
    logs = []
    for f in config.get("fields") or []:
        if f.get("source") != "llm":
            continue
        llm_config = {"credential": f["credential"], "model": f["model"], "prompt": f["prompt"]}
        result = EXECUTORS["llm"](llm_config, ctx)
        values[f["name"]] = (result.output or {}).get("content")
        logs.append(f"{f['name']}: {result.log}" if result.log else f"{f['name']}: ok")
    return NodeResult(output=values, log="\n".join(logs))


def complete(
    conn: Connection, claimed: Claimed, result: NodeResult | NodeFailed, work_seconds: float
) -> list[tuple[int, float]] | None:
    """Records a claimed node's result and follows the graph. Returns the machine nodes
    queued by it, or None when the claim no longer holds the node (the result is dropped)."""
    run = TaskRun.lock(conn, claimed.task_id)
    if run is None:
        return None
    inst = run.insts.get(claimed.node_id)
    if inst is None or inst.status != "claimed" or inst.claim_token != claimed.token:
        return None
    if isinstance(result, NodeFailed):
        config = run.graph.config(inst.node_id)
        retries = int(config.get("retries", 0) or 0)
        reply = {"reply": result.reply} if result.reply is not None else None
        # Retries keep the attempt number (and so the Idempotency-Key of an http node): a
        # receiver that did act on a call whose reply was lost can recognise the retry.
        state = dict(inst.state or {})
        tries = int(state.get("retries", 0))
        if result.retryable and tries < retries:
            delay = float(config.get("backoff_seconds", 1) or 1) * 2**tries
            state["retries"] = tries + 1
            run.set(
                inst,
                state=state,
                error=result.message,
                log=result.log or None,
                output=reply,
                work_seconds=work_seconds,
            )
            run._enqueue(inst, status="deferred", run_at=run.now + timedelta(seconds=delay))
            run.events[-1]["data"].update(
                error=result.message, retry=tries + 1, retry_in_seconds=delay
            )
        else:
            run.fail(
                inst, result.message, result.log or None, output=reply, work_seconds=work_seconds
            )
    elif inst.kind == "subtask":
        prefill = {**run._static_prefill(inst), **(result.output or {})}
        run.set(
            inst,
            status="available",
            queue=None,
            run_at=None,
            claim_token=None,
            state={"prefill": prefill},
            log=result.log or None,
            work_seconds=work_seconds,
        )
        run.event("node.available", inst)
    else:
        run.record_result(inst, result, work_seconds)
    run.run()
    run.flush()
    return run.enqueued


# ---- pause, resume, cancel --------------------------------------------------------------


def _task_events(conn: Connection, task_rows, type_: str, actor_id: int | None) -> None:
    now = utcnow()
    events = [
        {
            "org_id": r.org_id,
            "task_id": r.id,
            "workflow_id": r.workflow_id,
            "type": type_,
            "data": {},
            "actor_id": actor_id,
            "created_at": now,
        }
        for r in task_rows
    ]
    if events:
        conn.execute(insert(_EV), events)


def pause_workflow(conn: Connection, workflow_id: int, actor_id: int | None = None) -> int:
    """The workflow's running tasks pause: no machine node of theirs is claimed, no human
    node opened or submitted, until the workflow is resumed. Work already running finishes
    and is recorded."""
    now = utcnow()
    rows = conn.execute(
        update(_T)
        .where(_T.c.workflow_id == workflow_id, _T.c.status.in_(("pending", "in_progress")))
        .values(status="paused", updated_at=now)
        .returning(_T.c.id, _T.c.org_id, _T.c.workflow_id)
    ).all()
    conn.execute(
        update(_NI)
        .where(_NI.c.workflow_id == workflow_id, _NI.c.queue == "auto")
        .values(queue="held")
    )
    _task_events(conn, rows, "task.paused", actor_id)
    return len(rows)


def resume_workflow(conn: Connection, workflow_id: int, actor_id: int | None = None) -> int:
    now = utcnow()
    rows = conn.execute(
        text(
            "UPDATE tasks SET status = CASE WHEN started_at IS NULL THEN 'pending' "
            "ELSE 'in_progress' END, updated_at = :now "
            "WHERE workflow_id = :wf AND status = 'paused' RETURNING id, org_id, workflow_id"
        ).bindparams(_ts("now", now)),
        {"wf": workflow_id},
    ).all()
    conn.execute(
        update(_NI)
        .where(_NI.c.workflow_id == workflow_id, _NI.c.queue == "held")
        .values(queue="auto")
    )
    _task_events(conn, rows, "task.resumed", actor_id)
    return len(rows)


def cancel_task(conn: Connection, task_id: int, actor_id: int | None = None) -> TaskRun:
    run = TaskRun.lock(conn, task_id, actor_id)
    if run is None:
        raise EngineConflict("Task not found")
    if run.status in ("finished", "failed", "cancelled"):
        raise EngineConflict(f"Task is already {run.status}")
    previous = run.status
    run.status = "cancelled"
    run._close_open_nodes()
    conn.execute(
        update(_T)
        .where(_T.c.id == task_id)
        .values(status="cancelled", finished_at=run.now, updated_at=run.now)
    )
    run.event("task.cancelled", previous=previous)
    run.flush()
    return run


def automatic(kind: str) -> bool:
    return kind in QUEUED_KINDS


__all__ = [
    "Claimed",
    "DONE",
    "OrgLoad",
    "bindparam",
    "cancel_task",
    "claim",
    "complete",
    "execute",
    "extend_lease",
    "fair_order",
    "load_run",
    "new_token",
    "next_due",
    "org_loads",
    "pause_workflow",
    "resume_workflow",
    "start_tasks",
]
