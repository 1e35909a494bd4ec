"""What the work queues hold right now, read off the database for the Prometheus gauges of
GET /metrics: one cheap statement per queue, each on the partial index its runners claim
from (node_instances: ix_node_instances_queue; jobs: ix_jobs_open; kfp_runs:
ix_kfp_runs_state; tasks not started: ix_tasks_unstarted).

Per queue (`nodes`, `jobs`, `kfp_runs`): `waiting`, due now and held by no one; `held`,
held under a lease that has not ended; `lapsed`, held by a claimant whose lease has ended (it
died or stalls: another takes the work over)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, case, func, select

from ..shared.timestamps import utcnow
from .models import Job, KfpRun, NodeInstance, Task

QUEUES = ("nodes", "jobs", "kfp_runs")


@dataclass
class QueueCounts:
    waiting: dict[str, int] = field(default_factory=dict)
    held: dict[str, int] = field(default_factory=dict)
    lapsed: dict[str, int] = field(default_factory=dict)
    tasks_unstarted: int = 0
    tasks_in_progress: int = 0
    kfp_runs_running: int = 0


def _n(cond):
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


def read(conn: Connection) -> QueueCounts:
    now = utcnow()
    out = QueueCounts()

    # A machine node waits (queue 'auto') from when it is due (`run_at`); once claimed,
    # `run_at` is when the claim's lease ends.
    ni = NodeInstance
    claimed = ni.status == "claimed"
    row = conn.execute(
        select(
            _n(~claimed & (ni.run_at <= now)),
            _n(claimed & (ni.run_at > now)),
            _n(claimed & (ni.run_at <= now)),
        )
        .select_from(ni)
        .where(ni.queue == "auto")
    ).one()
    out.waiting["nodes"], out.held["nodes"], out.lapsed["nodes"] = map(int, row)

    live = Job.lease_until > now
    row = conn.execute(
        select(
            _n((Job.status == "queued") & ~(Job.lease_until.is_not(None) & live)),
            _n(Job.lease_until.is_not(None) & live),
            _n((Job.status == "running") & ((Job.lease_until <= now) | Job.lease_until.is_(None))),
        )
        .select_from(Job)
        .where(Job.finished_at.is_(None))
    ).one()
    out.waiting["jobs"], out.held["jobs"], out.lapsed["jobs"] = map(int, row)

    active = KfpRun.state.in_(("RUNNING", "CANCELING"))
    row = conn.execute(
        select(
            _n(KfpRun.state == "PENDING"),
            _n(active & (KfpRun.lease_until > now)),
            _n(active & ((KfpRun.lease_until <= now) | KfpRun.lease_until.is_(None))),
            _n(KfpRun.state == "RUNNING"),
        )
        .select_from(KfpRun)
        .where(KfpRun.state.in_(("PENDING", "RUNNING", "CANCELING")))
    ).one()
    (
        out.waiting["kfp_runs"],
        out.held["kfp_runs"],
        out.lapsed["kfp_runs"],
        out.kfp_runs_running,
    ) = map(int, row)

    out.tasks_unstarted = int(
        conn.execute(
            select(func.count()).select_from(Task).where(Task.started_at.is_(None))
        ).scalar_one()
    )
    out.tasks_in_progress = int(
        conn.execute(
            select(func.count()).select_from(Task).where(Task.status == "in_progress")
        ).scalar_one()
    )
    return out
