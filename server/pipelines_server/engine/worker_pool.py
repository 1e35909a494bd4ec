"""The engine's worker pool inside a server process (class `Engine`): worker threads over
the durable queue.

The queue is the node_instances table, not this pool: a thread claims a node in a
transaction, runs its work, and records the result in another. Killing the process loses
nothing; a node it held is claimed again when its lease ends.

With `PIPELINES_EXECUTOR=celery` the threads only start tasks and hand machine nodes to
Celery (`engine/celery_app.py`), and re-send any node that stayed due too long (a message
lost with a broker or a worker): a duplicate message is harmless, because a node is
claimed by id only while it is due.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable

from sqlalchemy import text

from ..store.db import Database, utc_param
from ..store.leases import new_token
from . import claims, kinds, node_work
from .claims import Claimed
from .credentials import CredentialLookup
from .executors.base import NodeFailed, NodeResult
from .state_machine import TaskRun

log = logging.getLogger(__name__)
START_BATCH = 50  # tasks whose node instances one transaction creates


class Engine:
    def __init__(
        self,
        db: Database,
        *,
        threads: int,
        executor: str = "inprocess",
        lease_seconds: float = 300.0,
        poll_seconds: float = 0.5,
        redispatch_seconds: float = 30.0,
        credentials: CredentialLookup | None = None,
        limits: dict | None = None,
        send: Callable[[int, float], None] | None = None,
        org_cap: int = 0,
    ):
        kinds.check_spec()
        self.db = db
        self.size = threads
        self.executor = executor
        self.lease_seconds = lease_seconds
        self.poll_seconds = poll_seconds
        self.redispatch_seconds = redispatch_seconds
        self.credentials = credentials
        self.limits = limits or {}
        self._send = send  # celery: (instance id, countdown seconds) -> None
        # Machine nodes one organization may hold at once, across every process on the
        # database (0: no limit); claims then serve the organization holding the fewest.
        self.org_cap = org_cap
        self._wake = threading.Condition()
        self._pending_wakeups = 0
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._last_sweep = 0.0
        self._last_start_check = 0.0
        self._look_for_tasks = True

    # ---- lifecycle --------------------------------------------------------------------------

    def start(self) -> None:
        for i in range(self.size):
            t = threading.Thread(target=self._loop, name=f"engine-{i}", daemon=True)
            t.start()
            self._threads.append(t)

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self.notify(len(self._threads))
        for t in self._threads:
            t.join(timeout)
        self._threads = []

    def tasks_created(self) -> None:
        """New tasks wait to be started."""
        self._look_for_tasks = True
        self.notify()

    def notify(self, n: int = 1) -> None:
        """Wakes idle threads: new tasks or newly queued nodes are waiting."""
        with self._wake:
            self._pending_wakeups += n
            self._wake.notify(n)

    def queued(self, nodes: Iterable[tuple[int, float]]) -> None:
        """Called after a commit that queued machine nodes: (instance id, due in seconds)."""
        nodes = list(nodes)
        if not nodes:
            return
        if self.executor == "celery" and self._send is not None:
            for instance_id, delay in nodes:
                self._send(instance_id, delay)
        else:
            self.notify(len(nodes))

    # ---- the worker loop --------------------------------------------------------------------

    def _loop(self) -> None:
        token = new_token()
        while not self._stop.is_set():
            try:
                busy = self.step(token)
            except Exception:
                log.exception("engine step failed; retrying shortly")
                busy = False
                time.sleep(self.poll_seconds)
            if not busy:
                with self._wake:
                    if self._pending_wakeups <= 0:
                        self._wake.wait(self.poll_seconds)
                    self._pending_wakeups = max(0, self._pending_wakeups - 1)

    def step(self, token: str) -> bool:
        """One unit of work: start waiting tasks, or run one due node. False when idle."""
        started = 0
        now = time.monotonic()
        if self._look_for_tasks or now - self._last_start_check >= self.poll_seconds:
            self._look_for_tasks = False
            self._last_start_check = now
            with self.db.engine.begin() as conn:
                started, queued = node_work.start_tasks(conn, START_BATCH)
            if started == START_BATCH:
                self._look_for_tasks = True  # more may be waiting
            self.queued(queued)
        if self.executor == "celery":
            self._sweep()
            return started > 0
        with self.db.engine.begin() as conn:
            claimed = claims.claim(conn, token, self.lease_seconds, org_cap=self.org_cap)
        if not claimed:
            return started > 0
        self.run_claimed(claimed[0])
        return True

    def run_claimed(self, claimed: Claimed) -> list[tuple[int, float]] | None:
        with self.db.engine.connect() as conn:
            run = TaskRun.load(conn, claimed.task_id)
        if run is None:
            return None
        timeout = float(run.graph.config(claimed.node_id).get("timeout_seconds", 0) or 0)
        if timeout + 30 > self.lease_seconds:
            with self.db.engine.begin() as conn:
                claims.extend_lease(conn, claimed, timeout + 30)
        result, seconds = node_work.execute(run, claimed, self.credentials, self.limits)
        return self.record(claimed, result, seconds)

    def record(
        self, claimed: Claimed, result: NodeResult | NodeFailed, seconds: float
    ) -> list[tuple[int, float]] | None:
        with self.db.engine.begin() as conn:
            queued = node_work.complete(conn, claimed, result, seconds)
        if queued is None:
            log.warning("node instance %s: claim lost before its result was recorded", claimed.id)
        else:
            self.queued(queued)
        return queued

    def run_instance(self, instance_id: int, token: str) -> bool:
        """Celery: claim this node if it is still due, run it, record it."""
        with self.db.engine.begin() as conn:
            claimed = claims.claim(
                conn, token, self.lease_seconds, instance_id=instance_id, org_cap=self.org_cap
            )
        if not claimed:
            # Not due any more (a duplicate message), or its organization is at the cap: then
            # it stays due, and is sent again when one of that organization's nodes ends.
            return False
        self.run_claimed(claimed[0])
        if self.org_cap > 0 and self._send is not None:
            # This organization has a place free again: hand it the node it waits with longest
            # (its message may have been passed over at the cap). A duplicate does nothing.
            with self.db.engine.connect() as conn:
                waiting = claims.next_due(conn, claimed[0].org_id)
            if waiting is not None:
                self._send(waiting, 0.0)
        return True

    def _sweep(self) -> None:
        """Celery: re-send nodes that stayed due for too long (a lost message, a dead worker)."""
        now = time.monotonic()
        if now - self._last_sweep < min(self.redispatch_seconds, 5.0) or self._send is None:
            return
        self._last_sweep = now
        with self.db.engine.connect() as conn:
            from datetime import timedelta

            from ..store.models import utcnow

            cutoff = utcnow() - timedelta(seconds=self.redispatch_seconds)
            ids = [
                r[0]
                for r in conn.execute(
                    text(
                        "SELECT id FROM node_instances WHERE queue = 'auto' AND run_at <= :cutoff "
                        "ORDER BY run_at LIMIT 1000"
                    ).bindparams(utc_param("cutoff", cutoff))
                )
            ]
        for instance_id in ids:
            self._send(instance_id, 0.0)
