"""Celery workers stopped and killed mid-node, as systemd and the kernel do it: SIGTERM to the
worker's whole process group (KillMode=control-group) lets the running node finish within the
grace, or hands it back after it; SIGKILL leaves the node to be taken over once its lease
lapses (default lease, no re-run of finished nodes)."""

from __future__ import annotations

import signal

from pipelines_server.store.db import Database

from .helpers import code, create_tasks, flow, node_events, wait_finished, wait_for

SLEEP = (
    "import time\ndef main(data):\n    time.sleep({seconds})\n    return {{'slept': {seconds}}}\n"
)


def _claimed(db: Database, wf: int) -> bool:
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return bool(
            conn.execute(
                text(
                    "SELECT count(*) FROM node_instances WHERE workflow_id = :wf "
                    "AND node_id = 'work' AND status = 'claimed' AND claim_token IS NOT NULL"
                ),
                {"wf": wf},
            ).scalar()
        )


def _sleeping_flow(cluster, seconds: float) -> int:
    return flow(cluster, [code("work", SLEEP.format(seconds=seconds), timeout_seconds=60)])


def test_sigterm_to_the_group_lets_the_running_node_finish(cluster):
    c = cluster(servers=1, workers=1, concurrency=1)
    db = Database(c.database_url)
    try:
        wf = _sleeping_flow(c, 3)
        create_tasks(c, wf, 1)
        wait_for(lambda: _claimed(db, wf), 60, "the node to be claimed")
        c.worker_procs[0].signal_group(signal.SIGTERM)
        assert c.worker_procs[0].wait(60) is not None, "the worker did not exit:\n" + c.logs()
        wait_finished(db, wf, 1, 30, c)  # finished by the stopping worker itself
        events = node_events(db, wf, "work")
        assert events.get("node.finished") == 1, events
        log = c.worker_procs[0].log()
        assert "WorkerLostError" not in log, log
        assert "handed back" not in log, log
        assert "took over" not in c.logs()
    finally:
        db.dispose()


def test_sigterm_after_the_grace_hands_the_node_back(cluster):
    c = cluster(servers=1, workers=1, concurrency=1, env={"PIPELINES_SHUTDOWN_GRACE_SECONDS": "2"})
    db = Database(c.database_url)
    try:
        wf = _sleeping_flow(c, 8)
        create_tasks(c, wf, 1)
        wait_for(lambda: _claimed(db, wf), 60, "the node to be claimed")
        c.start_worker(1)  # the one that will finish it
        c.worker_procs[0].signal_group(signal.SIGTERM)
        assert c.worker_procs[0].wait(60) is not None, "the worker did not exit:\n" + c.logs()
        assert "handed back node instance" in c.worker_procs[0].log(), c.logs()
        wait_finished(db, wf, 1, 90, c)
        events = node_events(db, wf, "work")
        assert events.get("node.finished") == 1, events
        assert "took over" not in c.logs()  # handed back: no lease had to lapse
        assert "WorkerLostError" not in c.logs()
    finally:
        db.dispose()


def test_sigkill_mid_node_is_taken_over_within_the_default_lease(cluster):
    c = cluster(servers=1, workers=1, concurrency=1)  # default lease, re-dispatch and sweep
    db = Database(c.database_url)
    try:
        wf = _sleeping_flow(c, 4)
        create_tasks(c, wf, 2)
        wait_for(lambda: _claimed(db, wf), 60, "a node to be claimed")
        c.start_worker(1)
        c.worker_procs[0].signal_group(signal.SIGKILL)
        wait_finished(db, wf, 2, 120, c)
        events = node_events(db, wf, "work")
        assert events.get("node.finished") == 2, events  # each node finished once
        assert "took over node instance" in c.worker_procs[1].log(), c.logs()
    finally:
        db.dispose()
