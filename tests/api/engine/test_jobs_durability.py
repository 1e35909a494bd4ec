"""Jobs are durable: a create-tasks job SIGKILLed mid-run (the server, and with Celery the
worker that runs it) completes after a restart on the same database with exactly one task per
row; a cancelled one stops, keeping the tasks it created, and says how far it got.

The job is made slow deterministically, not with sleeps: PIPELINES_JOB_STEP_ROWS=1 makes
every row its own step (transaction and checkpoint), and there are many rows."""

from __future__ import annotations

import json
import os
import signal
import time
from collections import Counter

from sqlalchemy import text

from pipelines_server.store.db import Database
from tests.api.helpers import TEXT_FIELDS, make_workflow, native

ROWS = 2000
ENV = {"PIPELINES_JOB_STEP_ROWS": "1", "PIPELINES_JOB_LEASE_SECONDS": "3"}
TERMINAL = {"completed", "completed_with_partial_results", "failed", "cancelled"}


def _rows() -> list[dict]:
    return [
        {"fields": {"input_text": f"row {i}", "target_language": "French"}} for i in range(ROWS)
    ]


def _status_url(wf: dict, job_id: str) -> str:
    return (
        f"/projects/{wf['project_id']}/workflows/{wf['id']}"
        f"/seeded-data/create-tasks-status/{job_id}"
    )


def _start(srv, wf) -> str:
    with native(srv) as api:
        r = api.post(
            f"/projects/{wf['project_id']}/workflows/{wf['id']}/seeded-data/create-tasks-async",
            json={"tasks": _rows()},
        )
    assert r.status_code == 202, r.text
    return r.json()["job_id"]


def _until_mid_run(srv, wf, job_id: str) -> dict:
    deadline = time.monotonic() + 300
    with native(srv) as api:
        while True:
            job = api.get(_status_url(wf, job_id)).json()
            if 0 < job["done"] < job["total"]:
                return job
            assert job["status"] not in TERMINAL, ("the job ended before the test could act", job)
            assert time.monotonic() < deadline, job
            time.sleep(0.02)


def _wait(srv, wf, job_id: str) -> dict:
    deadline = time.monotonic() + 600
    with native(srv) as api:
        while True:
            job = api.get(_status_url(wf, job_id)).json()
            if job["status"] in TERMINAL:
                return job
            assert time.monotonic() < deadline, (job, srv.log())
            time.sleep(0.1)


def _tasks(db: Database, wf_id: int) -> Counter:
    with db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT fields FROM tasks WHERE workflow_id = :wf"), {"wf": wf_id}
        ).all()
    return Counter(
        (json.loads(r[0]) if isinstance(r[0], str) else r[0])["input_text"] for r in rows
    )


def _job_row(db: Database, job_id: str):
    with db.engine.connect() as conn:
        return conn.execute(
            text("SELECT status, done, total FROM jobs WHERE id = :id"), {"id": job_id}
        ).one()


def test_sigkilled_create_tasks_job_resumes_without_duplicates(make_server):
    first = make_server(env=ENV)
    wf = make_workflow(first, TEXT_FIELDS, status="PAUSED")
    job_id = _start(first, wf)
    _until_mid_run(first, wf, job_id)
    if first.worker is not None:  # with Celery the worker runs the job: kill it, children too
        os.killpg(first.worker.pid, signal.SIGKILL)
        first.worker.wait()
    first.stop(signal.SIGKILL)
    db = Database(first.database_url)
    try:
        status, done, total = _job_row(db, job_id)
        created = _tasks(db, wf["id"])
        assert status == "running" and 0 < done < total == ROWS
        # progress and work commit together: what the job says it did is what is there
        assert sum(created.values()) == done

        second = make_server(env=ENV, database_url=first.database_url, seed=False)
        second.seed = first.seed
        job = _wait(second, wf, job_id)
        assert job["status"] == "completed", (job, second.log())
        assert job["success_count"] == job["done"] == job["total"] == ROWS
        assert job["error_count"] == 0
        created = _tasks(db, wf["id"])
        # every row exactly once: none lost, none twice
        assert set(created) == {f"row {i}" for i in range(ROWS)}
        assert set(created.values()) == {1}
        assert len(set(job["task_ids"])) == ROWS
    finally:
        db.dispose()


def test_cancel_mid_run_keeps_what_was_created(make_server):
    srv = make_server(env=ENV)
    wf = make_workflow(srv, TEXT_FIELDS, status="PAUSED")
    job_id = _start(srv, wf)
    _until_mid_run(srv, wf, job_id)
    with native(srv) as api:
        r = api.post(_status_url(wf, job_id) + "/cancel")
    assert r.status_code == 200, r.text
    assert r.json()["cancel_requested"] is True
    job = _wait(srv, wf, job_id)
    assert job["status"] == "cancelled"
    assert 0 < job["done"] < ROWS
    db = Database(srv.database_url)
    try:
        created = _tasks(db, wf["id"])
    finally:
        db.dispose()
    assert sum(created.values()) == job["done"] == job["success_count"]
    assert set(created.values()) == {1}
