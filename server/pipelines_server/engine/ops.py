"""Engine operations on the database: start tasks, claim, run and record machine work,
pause, resume and cancel. Each function is one transaction on the connection it is given
(the caller commits); node work itself runs between transactions."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, text, update

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


def claim(
    conn: Connection,
    token: str,
    lease_seconds: float,
    limit: int = 1,
    instance_id: int | None = None,
) -> list[Claimed]:
    """Claims due machine nodes (or the one given), exclusively: SKIP LOCKED on PostgreSQL,
    one statement under the write lock on SQLite."""
    now = utcnow()
    lock = ""
    if _pg(conn):
        lock = " FOR UPDATE SKIP LOCKED"
        # A claim need not survive a database crash: a lost claim only means the node is
        # claimed again (and a result recorded under the lost claim is refused), so skip
        # the WAL flush that a durable commit costs.
        conn.execute(text("SET LOCAL synchronous_commit TO OFF"))
    only = " AND id = :instance_id" if instance_id is not None else ""
    params: dict[str, Any] = {"n": limit}
    if instance_id is not None:
        params["instance_id"] = instance_id
    rows = conn.execute(
        text(
            "UPDATE node_instances SET status = 'claimed', claim_token = :token, "
            "run_at = :lease, updated_at = :now "
            "WHERE id IN (SELECT id FROM node_instances WHERE queue = 'auto' AND run_at <= :now"
            f"{only} ORDER BY run_at LIMIT :n{lock}) "
            "RETURNING id, task_id, node_id, kind"
        ).bindparams(
            _ts("now", now),
            _ts("lease", now + timedelta(seconds=lease_seconds)),
            token=token,
        ),
        params,
    ).all()
    return [Claimed(r.id, r.task_id, r.node_id, r.kind, token) for r in rows]


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
    "bindparam",
    "cancel_task",
    "claim",
    "complete",
    "execute",
    "extend_lease",
    "load_run",
    "new_token",
    "pause_workflow",
    "resume_workflow",
    "start_tasks",
]
