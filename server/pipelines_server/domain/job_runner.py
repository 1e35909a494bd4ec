"""The runner of jobs (domain/jobs.py) inside a server process, or on Celery workers.

In-process (`PIPELINES_EXECUTOR=thread`, the default): `PIPELINES_JOB_WORKERS` threads claim
unfinished jobs whose lease lapsed, oldest first, and run them; `submit()` wakes one. With
`PIPELINES_EXECUTOR=celery`, `submit()` sends the job's id to the workers (`make worker`),
and one sweeper across every server (the "job-sweeper" duty, store/process_leases.py) sends
again any job whose lease lapsed (a worker that died, a message lost): the database is the
source of truth, a message only a hint, and the claim decides who runs it. A send that fails
(the broker is down) is logged and counted, and the sweeper sends the job when it is back.

While a job runs, a heartbeat renews its lease every third of the lease, so a slow step is not
taken over; a runner that dies stops renewing and another takes the job on from its last
checkpoint.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from ..engine.worker_pool import broker_error
from ..store.leases import Heartbeat, new_token
from ..store.process_leases import Duty
from . import (
    job_kinds,  # noqa: F401 - registers every kind's handler
    jobs,
)

log = logging.getLogger(__name__)

RUN_JOB = "pipelines.run_job"


def run_claimed(db, job_id: str, token: str, lease_seconds: float, settings) -> str | None:
    """Runs a claimed job with a heartbeat that keeps its lease while it runs."""

    def renew() -> bool:
        with db.session() as session:
            return jobs.renew(session, job_id, token, lease_seconds)

    with Heartbeat.for_lease(renew, lease_seconds, name=f"job-beat-{job_id[:8]}"):
        return jobs.run(db, job_id, token, lease_seconds, settings)


def claim_and_run(db, job_id: str, lease_seconds: float, settings) -> str | None:
    token = new_token()
    with db.session() as session:
        if not jobs.claim(session, job_id, token, lease_seconds):
            return None  # finished, or held by another runner
    return run_claimed(db, job_id, token, lease_seconds, settings)


class JobRunner:
    def __init__(
        self,
        db,
        threads: int,
        *,
        settings=None,
        lease_seconds: float = 30.0,
        poll_seconds: float = 1.0,
        send: Callable[[str], None] | None = None,
    ):
        self.db, self.settings = db, settings
        self.size = threads
        self.lease_seconds, self.poll_seconds = lease_seconds, poll_seconds
        self.send = send
        self._wake = threading.Condition()
        self._pending = 0
        self._stopping = False
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        count = 1 if self.send is not None else self.size
        for i in range(count):
            target = self._sweep if self.send is not None else self._loop
            t = threading.Thread(target=target, name=f"jobs-{i}", daemon=True)
            t.start()
            self._threads.append(t)

    def stop(self, timeout: float = 10.0) -> None:
        with self._wake:
            self._stopping = True
            self._wake.notify_all()
        for t in self._threads:
            t.join(timeout)
        self._threads = []

    def submit(self, job_id: str) -> None:
        """A job was created (and committed): run it soon."""
        if self.send is not None:
            self._send(job_id)
            return
        with self._wake:
            self._pending += 1
            self._wake.notify()

    def _send(self, job_id: str) -> bool:
        try:
            self.send(job_id)
        except Exception as exc:  # the broker is down: the sweeper sends it again
            broker_error(f"sending job {job_id}; it is sent again when the broker is back", exc)
            return False
        return True

    def _wait(self) -> bool:
        with self._wake:
            if not self._pending and not self._stopping:
                self._wake.wait(self.poll_seconds)
            self._pending = max(0, self._pending - 1)
            return not self._stopping

    def _loop(self) -> None:
        while self._wait():
            try:
                self._run_some()
            except Exception:
                log.exception("job runner loop failed; retrying")

    def _run_some(self) -> None:
        while not self._stopping:
            with self.db.session() as session:
                ids = jobs.claimable(session, limit=5)
            ran = False
            for job_id in ids:
                if self._stopping:
                    return
                if claim_and_run(self.db, job_id, self.lease_seconds, self.settings) is not None:
                    ran = True
                    break
            if not ran:
                return

    def _sweep(self) -> None:
        """Celery: one sweeper across every process on the database (the "job-sweeper"
        duty) sends again the jobs whose lease lapsed; the others only keep asking."""
        Duty(self.db, "job-sweeper", max(self.poll_seconds * 4, 5.0)).perform(
            self._wait, self._send_lapsed
        )

    def _send_lapsed(self) -> None:
        with self.db.session() as session:
            ids = jobs.claimable(session, limit=100, idle_seconds=self.lease_seconds)
        for job_id in ids:
            if not self._send(job_id):
                break
        if ids:
            log.info("job sweeper: sent %d job(s) again", len(ids))


def register_celery(app) -> None:
    """The Celery task that runs a job on a worker (see pipelines_server/worker.py)."""
    state: dict = {}
    lock = threading.Lock()

    def database():
        from ..settings import Settings
        from ..store.db import Database

        with lock:
            if "db" not in state:
                state["settings"] = Settings.from_env()
                state["db"] = Database.from_settings(state["settings"])
        return state["db"], state["settings"]

    @app.task(name=RUN_JOB)
    def run_job(job_id: str) -> str | None:
        db, settings = database()
        return claim_and_run(db, job_id, settings.job_lease_seconds, settings)

    from celery.signals import worker_process_init

    @worker_process_init.connect(weak=False)
    def _reset(**_kwargs):
        with lock:
            state.clear()  # after the fork: no connections shared with the parent


def celery_sender(app) -> Callable[[str], None]:
    def send(job_id: str) -> None:
        app.send_task(RUN_JOB, args=[job_id])

    return send
