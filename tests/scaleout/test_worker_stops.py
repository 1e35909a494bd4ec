"""Celery workers stopped and killed mid-node, as systemd and the kernel do it: SIGTERM to the
worker's whole process group (KillMode=control-group) or to its main process alone
(KillMode=mixed) lets the running node finish within the grace, or hands it back after it;
SIGKILL leaves the node to be taken over once its lease lapses (default lease, no re-run of
finished nodes).

Every signal is sent while the node runs: the node is seen claimed before it and not finished
after it (checked in the database), so a test whose node ended before the signal fails and
says so instead of passing without having stopped anything."""

from __future__ import annotations

import contextlib
import os
import signal

from sqlalchemy import text

from pipelines_server.isolation.sandbox_exec import descendants
from pipelines_server.store.db import Database

from .cluster import Proc
from .helpers import code, create_tasks, flow, node_events, wait_finished, wait_for

SLEEP = (
    "import time\ndef main(data):\n    time.sleep({seconds})\n    return {{'slept': {seconds}}}\n"
)


def _claimed(db: Database, wf: int) -> int:
    with db.engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT count(*) FROM node_instances WHERE workflow_id = :wf "
                "AND node_id = 'work' AND status = 'claimed' AND claim_token IS NOT NULL"
            ),
            {"wf": wf},
        ).scalar()


def _sleeping_flow(cluster, seconds: float) -> int:
    return flow(cluster, [code("work", SLEEP.format(seconds=seconds), timeout_seconds=120)])


def _signal_mid_node(c, db: Database, wf: int, send) -> None:
    """`send()` (the signal) once a `work` node is claimed, and then check that none had
    finished: claimed before the signal and unfinished after it, so running when it came."""
    wait_for(lambda: _claimed(db, wf), 90, "a node to be claimed")
    send()
    finished = node_events(db, wf, "work").get("node.finished", 0)
    assert finished == 0, (
        "a node finished before the signal was sent: this run tests nothing (the test "
        f"process was too slow to signal within the node's sleep)\n{c.logs()}"
    )


def _group_gone(proc: Proc) -> bool:
    """No process is left in the worker's process group (its pool children exited too)."""
    try:
        os.killpg(proc.pid, 0)
    except ProcessLookupError:
        return True
    return False


def _finished_here(c, db: Database, wf: int, proc: Proc) -> None:
    """The stopped worker finished its node itself: one node.finished, nothing handed back,
    no pool child lost, nothing taken over, and the whole worker is gone."""
    assert proc.wait(90) is not None, "the worker did not exit:\n" + c.logs()
    wait_for(lambda: _group_gone(proc), 60, "the worker's pool children to exit")
    # No other worker runs: a finished task was finished by the stopped worker.
    wait_finished(db, wf, 1, 30, c)
    events = node_events(db, wf, "work")
    assert events.get("node.finished") == 1, events
    log = proc.log()
    assert "WorkerLostError" not in log, log
    assert "handed back" not in log, log
    assert "took over" not in c.logs()


def test_sigterm_to_the_group_lets_the_running_node_finish(cluster):
    c = cluster(servers=1, workers=1, concurrency=1)  # default grace (20 s) > the node
    db = Database(c.database_url)
    try:
        wf = _sleeping_flow(c, 6)
        create_tasks(c, wf, 1)
        worker = c.worker_procs[0]
        _signal_mid_node(c, db, wf, lambda: worker.signal_group(signal.SIGTERM))
        _finished_here(c, db, wf, worker)
    finally:
        db.dispose()


def test_sigterm_to_the_main_process_lets_the_running_node_finish(cluster):
    # systemd's KillMode=mixed: SIGTERM to the main process alone; the pool children learn
    # of the stop from it, not from a signal of their own.
    c = cluster(servers=1, workers=1, concurrency=1)
    db = Database(c.database_url)
    try:
        wf = _sleeping_flow(c, 6)
        create_tasks(c, wf, 1)
        worker = c.worker_procs[0]
        _signal_mid_node(c, db, wf, lambda: worker.process.send_signal(signal.SIGTERM))
        _finished_here(c, db, wf, worker)
    finally:
        db.dispose()


def test_sigterm_after_the_grace_hands_the_node_back(cluster):
    c = cluster(servers=1, workers=1, concurrency=1, env={"PIPELINES_SHUTDOWN_GRACE_SECONDS": "2"})
    db = Database(c.database_url)
    try:
        wf = _sleeping_flow(c, 10)  # far beyond the grace
        create_tasks(c, wf, 1)
        first = c.worker_procs[0]
        _signal_mid_node(c, db, wf, lambda: first.signal_group(signal.SIGTERM))
        assert first.wait(90) is not None, "the worker did not exit:\n" + c.logs()
        wait_for(lambda: _group_gone(first), 60, "the worker's pool children to exit")
        assert node_events(db, wf, "work").get("node.finished", 0) == 0, (
            "the node finished on the stopping worker within the grace: the signal came too "
            f"late in its 10 s for this test to prove the hand-back\n{c.logs()}"
        )
        assert "handed back node instance" in first.log(), c.logs()
        assert "WorkerLostError" not in first.log(), first.log()
        second = c.start_worker(1)  # the one that will finish it
        wait_finished(db, wf, 1, 120, c)
        events = node_events(db, wf, "work")
        assert events.get("node.finished") == 1, events
        assert "took over" not in c.logs()  # handed back: no lease had to lapse
        assert "WorkerLostError" not in second.log()
    finally:
        db.dispose()


def test_sigkill_mid_node_is_taken_over_within_the_default_lease(cluster):
    c = cluster(servers=1, workers=1, concurrency=1)  # default lease, re-dispatch and sweep
    db = Database(c.database_url)
    try:
        wf = _sleeping_flow(c, 6)
        create_tasks(c, wf, 2)
        first = c.worker_procs[0]
        _signal_mid_node(c, db, wf, lambda: first.signal_group(signal.SIGKILL))
        c.start_worker(1)
        wait_finished(db, wf, 2, 180, c)
        events = node_events(db, wf, "work")
        assert events.get("node.finished") == 2, events  # each node finished once
        assert "took over node instance" in c.worker_procs[1].log(), c.logs()
    finally:
        db.dispose()


def test_sigterm_to_every_process_of_the_unit_hands_the_failed_node_back(cluster):
    # systemd's default KillMode=control-group: the SIGTERM reaches every process of the unit,
    # the node's user processes (in sessions of their own) included, which then die of it.
    # The node is not recorded as failed: it is handed back and another worker runs it.
    c = cluster(servers=1, workers=1, concurrency=1)
    db = Database(c.database_url)
    try:
        wf = _sleeping_flow(c, 30)
        create_tasks(c, wf, 1)
        first = c.worker_procs[0]

        def everything() -> None:
            # systemd signals them all at once; here the worker goes first and its user
            # processes once it has learnt of the stop, so that the test does not depend on
            # which of the two the machine gets to first.
            pids = [first.pid, *descendants(first.pid)]
            first.process.send_signal(signal.SIGTERM)
            wait_for(lambda: "may run" in first.log(), 60, "the worker to learn of the stop")
            for pid in pids[1:]:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)

        _signal_mid_node(c, db, wf, everything)
        assert first.wait(90) is not None, "the worker did not exit:\n" + c.logs()
        events = node_events(db, wf, "work")
        assert events.get("node.finished", 0) == 0 and events.get("node.failed", 0) == 0, (
            events,
            c.logs(),
        )
        assert "failed while the worker stops" in first.log(), c.logs()
        c.start_worker(1)
        wait_finished(db, wf, 1, 180, c)
        events = node_events(db, wf, "work")
        assert events.get("node.finished") == 1 and events.get("node.failed", 0) == 0, events
    finally:
        db.dispose()
