"""Tasks that workflow chains start when a task finishes (domain/chains.py).

Called from `TaskRun.flush` in the transaction that writes the events: on `task.finished`,
one durable `workflow_chain` job per enabled chain of the task's workflow is queued with it,
so a finished task and the jobs that continue it commit together or not at all. A job's id
is derived from (chain, source task, n), n being how many times the task has finished (its
`task.finished` events, this one included: `TaskRun.flush` inserts the events before calling
us). Each finish creates at most one target task per chain, whatever runs twice; a task that
a correction reopened (revert, admin edit) and that finishes again is a new finish, so its
chains run again with the corrected output. The job (domain/chains.run_chain) creates the
target task as the chain's creator; the job runner picks it up within about a second
(embedded), or the job sweeper sends it to the Celery workers once it has waited a job
lease (30 s by default).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, insert, select

from ..store.models import Job, TaskEvent, WorkflowChain

KIND = "workflow_chain"
_NAMESPACE = uuid.UUID("5b0d7c1e-6a43-4d1f-9a1c-2f1c0c6f3e71")
_C = WorkflowChain.__table__.c
_J = Job.__table__
_E = TaskEvent.__table__.c


def job_id(chain_id: int, task_id: int, finish: int) -> str:
    """The one job id of (chain, source task, the task's `finish`-th finish): idempotency key
    `chain:<chain>:<task>:<finish>`."""
    return str(uuid.uuid5(_NAMESPACE, f"chain:{chain_id}:{task_id}:{finish}"))


def finishes(conn: Any, task_id: int) -> int:
    """How many times the task has finished (its `task.finished` events)."""
    return conn.execute(
        select(func.count())
        .select_from(TaskEvent.__table__)
        .where(_E.task_id == task_id, _E.type == "task.finished")
    ).scalar_one()


def from_events(run: Any, events: list[dict]) -> None:
    if not any(e["type"] == "task.finished" for e in events):
        return
    chains = run.conn.execute(
        select(_C.id, _C.created_by_id).where(
            _C.source_workflow_id == run.workflow_id,
            _C.org_id == run.org_id,
            _C.enabled.is_(True),
        )
    ).all()
    if not chains:
        return
    finish = finishes(run.conn, run.task_id)
    ids = {job_id(c.id, run.task_id, finish): c for c in chains}
    existing = set(run.conn.scalars(select(_J.c.id).where(_J.c.id.in_(list(ids)))))
    rows = [
        {
            "id": jid,
            "org_id": run.org_id,
            "kind": KIND,
            "status": "queued",
            "created_by_id": c.created_by_id,
            "workflow_id": run.workflow_id,
            "params": {"chain_id": c.id, "source_task_id": run.task_id, "finish": finish},
            "done": 0,
            "total": 1,
            "checkpoint": {},
            "result": {},
            "cancel_requested": 0,
            "attempts": 0,
            "created_at": run.now,
            "updated_at": run.now,
        }
        for jid, c in ids.items()
        if jid not in existing
    ]
    if rows:
        run.conn.execute(insert(_J), rows)
