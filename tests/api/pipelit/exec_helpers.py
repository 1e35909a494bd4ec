"""What the execution, chat and inbound tests share: Pipelit workflows seeded in the database
(the workflow, node and edge routes have tests of their own; the acceptance story builds its
workflow through them), polling an execution until it ends."""

from __future__ import annotations

import time
from datetime import datetime

from pipelines_server.domain.pipelit.schedules import ScheduleSweeper
from pipelines_server.store.db import Database
from pipelines_server.store.models import (
    PipelitEdge,
    PipelitNode,
    PipelitSchedule,
    PipelitWorkflow,
)
from tests.api.helpers import database
from tests.api.pipelit.helpers import pipelit, slug

TERMINAL = ("completed", "failed", "cancelled")


def node(node_id: str, kind: str, **extra) -> dict:
    return {"node_id": node_id, "component_type": kind, "config": {"extra_config": extra}}


def edge(source: str, target: str, value: str = "") -> dict:
    return {
        "source_node_id": source,
        "target_node_id": target,
        "edge_type": "conditional" if value else "direct",
        "condition_value": value,
    }


def chain(*ids: str) -> list[dict]:
    return [edge(a, b) for a, b in zip(ids, ids[1:], strict=False)]


def seed_workflow(
    server,
    nodes: list[dict],
    edges: list[dict],
    *,
    org_id: int | None = None,
    owner_id: int | None = None,
    is_active: bool = True,
    name: str = "wf",
) -> str:
    """A Pipelit workflow with these nodes and edges; returns its slug."""
    wf_slug = slug()
    with database(server) as session:
        wf = PipelitWorkflow(
            org_id=org_id or server.seed.org_id,
            owner_id=owner_id or server.seed.user_id,
            slug=wf_slug,
            name=name,
            is_active=is_active,
        )
        session.add(wf)
        session.flush()
        for n in nodes:
            session.add(PipelitNode(workflow_id=wf.id, **n))
        for e in edges:
            session.add(PipelitEdge(workflow_id=wf.id, **e))
    return wf_slug


def wait_execution(server, execution_id: str, key: str | None = None, timeout: float = 120):
    """The execution's detail once it has ended."""
    deadline = time.monotonic() + timeout
    with pipelit(server, key) as api:
        while True:
            r = api.get(f"/executions/{execution_id}/")
            assert r.status_code == 200, r.text
            body = r.json()
            if body["status"] in TERMINAL or time.monotonic() > deadline:
                return body
            time.sleep(0.1)


def wait_status(server, execution_id: str, wanted: tuple[str, ...], key: str | None = None):
    deadline = time.monotonic() + 120
    with pipelit(server, key) as api:
        while True:
            body = api.get(f"/executions/{execution_id}/").json()
            if body["status"] in wanted or time.monotonic() > deadline:
                return body
            time.sleep(0.05)


def poll_schedule(api, job_id: str, done, timeout: float = 120) -> dict:
    """The scheduled job once `done(job)` holds (its last reading at the deadline): for the
    one test that waits for the real firing duty."""
    deadline = time.monotonic() + timeout
    while True:
        body = api.get(f"/schedules/{job_id}/").json()
        if done(body) or time.monotonic() > deadline:
            return body
        time.sleep(0.1)


def _sweep(db: Database, job_id: str, at: datetime) -> int:
    """The sweeper's pass over this one job; a fire rolled back by a busy SQLite database
    (the server's workers write too) is tried again, as the duty's next pass would."""
    sweeper = ScheduleSweeper(db, 1)
    for _ in range(20):
        fired = sweeper.sweep(at, only=[job_id])
        if fired:
            return fired
        with db.session() as session:
            job = session.get(PipelitSchedule, job_id)
            if job.status != "active" or job.next_run_at is None or job.next_run_at > at:
                return 0  # not due then: nothing to fire
    return 0


def sweep_schedules(server, job_id: str, at: datetime) -> int:
    """Makes the job due at `at` (hours ahead, so the server's own sweeper leaves it alone)
    and fires it if due then through the sweeper's hook, in this process (other tests' jobs
    are left alone); how many fires went through (0 or 1)."""
    db = Database(server.database_url)
    try:
        with db.session() as session:
            session.get(PipelitSchedule, job_id).next_run_at = at
        return _sweep(db, job_id, at)
    finally:
        db.dispose()


def fire_at(server, job_id: str, at: datetime) -> int:
    """Fires the job if due at `at`, without moving it (a later step of a retry)."""
    db = Database(server.database_url)
    try:
        return _sweep(db, job_id, at)
    finally:
        db.dispose()
