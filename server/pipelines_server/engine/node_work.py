"""Machine work on tasks: start waiting tasks, run a claimed node's work outside any
transaction, and record its result (retries, subtask prefill, the graph followed on)."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, insert, text

from ..shared import metrics
from ..store.db import is_postgres, utc_param
from ..store.models import LlmCall, NodeInstance, Task, utcnow
from .claims import Claimed
from .credentials import CredentialLookup
from .executors.base import NodeFailed, NodeResult
from .state_machine import Inst, TaskRun, load_graph

_NI = NodeInstance.__table__
_T = Task.__table__
_LLM = LlmCall.__table__


def start_tasks(conn: Connection, limit: int = 50) -> tuple[int, list[tuple[int, float]]]:
    """Creates the node instances of up to `limit` waiting tasks and runs them as far as the
    graph goes without node work. Returns (tasks started, machine nodes queued)."""
    now = utcnow()
    lock = " FOR UPDATE SKIP LOCKED" if is_postgres(conn) else ""
    rows = conn.execute(
        text(
            "UPDATE tasks SET started_at = :now, updated_at = :now, status = 'in_progress' "
            "WHERE id IN (SELECT id FROM tasks WHERE started_at IS NULL AND status = 'pending' "
            f"ORDER BY id LIMIT :n{lock}) "
            "RETURNING id, org_id, workflow_id, workflow_version, fields"
        )
        .bindparams(utc_param("now", now))
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
    calls: list[dict] = []
    for f in config.get("fields") or []:
        if f.get("source") != "llm":
            continue
        llm_config = {"credential": f["credential"], "model": f["model"], "prompt": f["prompt"]}
        try:
            result = EXECUTORS["llm"](llm_config, ctx)
        except NodeFailed as failure:
            failure.llm_calls[:0] = calls
            raise
        calls += result.llm_calls
        values[f["name"]] = (result.output or {}).get("content")
        logs.append(f"{f['name']}: {result.log}" if result.log else f"{f['name']}: ok")
    return NodeResult(output=values, log="\n".join(logs), llm_calls=calls)


def complete(
    conn: Connection, claimed: Claimed, result: NodeResult | NodeFailed, work_seconds: float
) -> list[tuple[int, float]] | None:
    """Records a claimed node's result and follows the graph. Returns the machine nodes
    queued by it, or None when the claim no longer holds the node (the result is dropped)."""
    run = TaskRun.lock(conn, claimed.task_id)
    inst = run.insts.get(claimed.node_id) if run is not None else None
    if run is None or inst is None or inst.status != "claimed" or inst.claim_token != claimed.token:
        # Fencing: the claim lost its lease (taken over, handed back, or the task cancelled):
        # whatever this work produced is not recorded.
        metrics.NODES_FINISHED.labels(outcome="discarded").inc()
        return None
    _record_llm_calls(run, inst, result)
    outcome = "completed"
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
            outcome = "retried"
        else:
            outcome = "failed"
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
    metrics.NODES_FINISHED.labels(outcome=outcome).inc()
    return run.enqueued


def _record_llm_calls(run: TaskRun, inst: Inst, result: NodeResult | NodeFailed) -> None:
    """The llm calls the node's work made, in the transaction that records its result."""
    calls = getattr(result, "llm_calls", None)
    if not calls:
        return
    run.conn.execute(
        insert(_LLM),
        [
            {
                "org_id": run.org_id,
                "workflow_id": run.workflow_id,
                "task_id": run.task_id,
                "node_instance_id": inst.id,
                "node_id": inst.node_id,
                "model": c["model"],
                "tokens_in": c["tokens_in"],
                "tokens_out": c["tokens_out"],
                "latency_ms": c["latency_ms"],
                "ok": c["ok"],
                "error": c["error"],
                "created_at": c.get("at") or run.now,
            }
            for c in calls
        ],
    )
