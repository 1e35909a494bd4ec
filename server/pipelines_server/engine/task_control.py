"""Control of running tasks: pause and resume a workflow's tasks, cancel one task."""

from __future__ import annotations

from sqlalchemy import Connection, insert, text, update

from ..store.db import utc_param
from ..store.models import NodeInstance, Task, TaskEvent, utcnow
from .state_machine import EngineConflict, TaskRun

_NI = NodeInstance.__table__
_T = Task.__table__
_EV = TaskEvent.__table__


def _requeue_and_record(
    conn: Connection, workflow_id: int, rows, queues: tuple[str, str], event: str, actor_id
) -> int:
    """Moves the workflow's machine nodes from one queue to the other (`auto` claimable,
    `held` not) and records `event` on each task that changed; returns how many did."""
    old, new = queues
    conn.execute(
        update(_NI).where(_NI.c.workflow_id == workflow_id, _NI.c.queue == old).values(queue=new)
    )
    now = utcnow()
    events = [
        {
            "org_id": r.org_id,
            "task_id": r.id,
            "workflow_id": r.workflow_id,
            "type": event,
            "data": {},
            "actor_id": actor_id,
            "created_at": now,
        }
        for r in rows
    ]
    if events:
        conn.execute(insert(_EV), events)
    return len(rows)


def pause_workflow(conn: Connection, workflow_id: int, actor_id: int | None = None) -> int:
    """The workflow's running tasks pause: no machine node of theirs is claimed, no human
    node opened or submitted, until the workflow is resumed. Work already running finishes
    and is recorded."""
    rows = conn.execute(
        update(_T)
        .where(_T.c.workflow_id == workflow_id, _T.c.status.in_(("pending", "in_progress")))
        .values(status="paused", updated_at=utcnow())
        .returning(_T.c.id, _T.c.org_id, _T.c.workflow_id)
    ).all()
    return _requeue_and_record(conn, workflow_id, rows, ("auto", "held"), "task.paused", actor_id)


def resume_workflow(conn: Connection, workflow_id: int, actor_id: int | None = None) -> int:
    rows = conn.execute(
        text(
            "UPDATE tasks SET status = CASE WHEN started_at IS NULL THEN 'pending' "
            "ELSE 'in_progress' END, updated_at = :now "
            "WHERE workflow_id = :wf AND status = 'paused' RETURNING id, org_id, workflow_id"
        ).bindparams(utc_param("now", utcnow())),
        {"wf": workflow_id},
    ).all()
    return _requeue_and_record(conn, workflow_id, rows, ("held", "auto"), "task.resumed", actor_id)


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
