"""The engine's worker pool inside a server process (class `Engine`): worker threads over
the durable queue.

The queue is the node_instances table, not this pool: a thread claims a node in a
transaction, runs its work, and records the result in another. Killing the process loses
nothing; a node it held is claimed again when its lease ends. While a node runs, a heartbeat
renews its lease every third of it (a short lease, then, does not cut a long node, and a dead
worker's nodes are due again within about one lease). A stopping engine claims nothing more,
lets what runs finish within the shutdown grace, and hands back the rest (due at once).

With `PIPELINES_EXECUTOR=celery` the threads only start tasks and hand machine nodes to
Celery (`engine/celery_app.py`); each node's send time is recorded (`dispatched_at`, written
with the node's queueing), and one sweeper across every process (the "node-sweeper" duty)
re-sends only the due nodes whose message was not picked up: those sent more than
PIPELINES_REDISPATCH_SECONDS ago, less the messages the broker's queue still holds for them
(`resend_count`), and found so by two sweeps in a row (`confirmed`). A duplicate message is
harmless, because a node is claimed by id only while it is due. A send that fails (the
broker is down) neither fails nor holds the request: it is logged and counted, and the
sweeper sends the node when the broker is back.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from datetime import timedelta

from sqlalchemy import bindparam, text, update

from ..shared import metrics
from ..shared.degraded import Every
from ..store.db import Database, utc_param
from ..store.leases import Heartbeat, new_token
from ..store.models import NodeInstance, utcnow
from ..store.process_leases import Duty
from . import claims, kinds, node_work
from .claims import Claimed
from .credentials import CredentialLookup
from .executors.base import NodeFailed, NodeResult
from .state_machine import TaskRun

log = logging.getLogger(__name__)
START_BATCH = 50  # tasks whose node instances one transaction creates
RESEND_BATCH = 1000  # nodes one sweep re-sends at most
_NI = NodeInstance.__table__


def resend_count(stale: int, fresh: int, depth: int) -> int:
    """How many of the `stale` due nodes (sent longer ago than the re-dispatch delay, or never)
    to send again, when `fresh` due nodes were sent more recently and the broker's queue holds
    `depth` messages. The queue is first in, first out: its messages are taken to be the
    fresh nodes' first, and the rest stand for stale nodes whose message still waits; a stale
    node beyond those lost its message (a broker restarted empty, a message dropped, a dead
    worker's node due again): only that excess is sent, oldest send first. A backlog then
    costs no duplicate, and a lost message is sent again at the next sweep."""
    waiting_for_stale = max(0, depth - max(0, fresh))
    return max(0, stale - waiting_for_stale)


def confirmed(found: list[int], suspects: set[int]) -> tuple[list[int], set[int]]:
    """The sweeper's two-sweep rule: of the nodes this sweep `found` not picked up, those the
    previous sweep found too are re-sent (in `found`'s order); the others become the next
    sweep's suspects."""
    again = [i for i in found if i in suspects]
    return again, {i for i in found if i not in suspects}


_broker_warnings = Every(30.0)


def broker_error(what: str, exc: BaseException) -> None:
    """A broker call failed and is worked around: counted, and logged once in 30 s."""
    metrics.DEPENDENCY_ERRORS.labels(dependency="broker").inc()
    if _broker_warnings.allow():
        log.warning("broker unreachable (%s: %s: %s)", what, type(exc).__name__, exc)


class Engine:
    def __init__(
        self,
        db: Database,
        *,
        threads: int,
        executor: str = "inprocess",
        lease_seconds: float = 30.0,
        poll_seconds: float = 0.5,
        redispatch_seconds: float = 30.0,
        sweep_seconds: float = 5.0,
        shutdown_grace_seconds: float = 20.0,
        credentials: CredentialLookup | None = None,
        limits: dict | None = None,
        send: Callable[[int, float], None] | None = None,
        org_cap: int = 0,
        stop_event=None,
        on_abandon: Callable[[], None] | None = None,
    ):
        kinds.check_spec()
        self.db = db
        self.size = threads
        self.executor = executor
        self.lease_seconds = lease_seconds
        self.poll_seconds = poll_seconds
        self.redispatch_seconds = redispatch_seconds
        self.sweep_seconds = sweep_seconds
        self.grace_seconds = shutdown_grace_seconds
        self.credentials = credentials
        self.limits = limits or {}
        # celery: (instance id, countdown seconds) -> None; its `depth()`, when it has one,
        # counts the messages waiting in the broker's queue (for the sweeper).
        self._send = send
        # Machine nodes one organization may hold at once, across every process on the
        # database (0: no limit); claims then serve the organization holding the fewest.
        self.org_cap = org_cap
        self._wake = threading.Condition()
        self._pending_wakeups = 0
        # Set when this engine stops: a threading.Event, or (Celery pool children) an Event
        # shared with the worker's main process, which sets it on a warm shutdown.
        self._stop = stop_event if stop_event is not None else threading.Event()
        self._stop_seen: float | None = None
        # Called when a node's work is abandoned (handed back, or its lease lost): a Celery
        # pool child kills the node's user processes.
        self._on_abandon = on_abandon
        self._threads: list[threading.Thread] = []
        # The sweeper's suspects: nodes its last sweep found not picked up. A node is re-sent
        # only when two sweeps in a row find it so (not a send still under way after its
        # commit, nor a message a worker has just taken and not yet claimed).
        self._suspects: set[int] = set()
        self._last_start_check = 0.0
        self._look_for_tasks = True

    # ---- lifecycle --------------------------------------------------------------------------

    def start(self) -> None:
        for i in range(self.size):
            t = threading.Thread(target=self._loop, name=f"engine-{i}", daemon=True)
            t.start()
            self._threads.append(t)
        if self.executor == "celery" and self._send is not None and self.size > 0:
            t = threading.Thread(target=self._sweeper, name="engine-sweeper", daemon=True)
            t.start()
            self._threads.append(t)

    def stop(self, timeout: float | None = None) -> None:
        """Claims nothing more; nodes running here finish within the shutdown grace, the
        rest are handed back (due at once, for another process). Returns when every thread
        ended (or after `timeout`, by default the grace and a margin)."""
        self._stop.set()
        self._stopping_since()
        self.notify(len(self._threads))
        end = time.monotonic() + (self.grace_seconds + 10 if timeout is None else timeout)
        for t in self._threads:
            t.join(max(0.0, end - time.monotonic()))
        self._threads = []

    def _stopping_since(self) -> float | None:
        """When this engine learnt it stops (None: it does not)."""
        if self._stop_seen is None and self._stop.is_set():
            self._stop_seen = time.monotonic()
        return self._stop_seen

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
            sent = self._dispatch(nodes)
            metrics.NODES_DISPATCHED.inc(sent)
        else:
            self.notify(len(nodes))

    def _dispatch(self, nodes: list[tuple[int, float]]) -> int:
        """Sends the nodes' messages; on a broker failure, stops there and marks the rest
        never sent, so that the sweeper sends them as soon as the broker is back. Never
        raises: the caller's request or node has succeeded whatever the broker does."""
        assert self._send is not None
        for i, (instance_id, delay) in enumerate(nodes):
            try:
                self._send(instance_id, delay)
            except Exception as exc:
                broker_error(f"sending {len(nodes) - i} node(s)", exc)
                self._mark_unsent([n for n, _ in nodes[i:]])
                return i
        return len(nodes)

    def _mark_unsent(self, ids: list[int]) -> None:
        try:
            with self.db.engine.begin() as conn:
                conn.execute(update(_NI).where(_NI.c.id.in_(ids)).values(dispatched_at=None))
        except Exception:  # then they count as sent, and are re-sent a delay later
            log.warning("could not mark %d unsent node(s)", len(ids), exc_info=True)

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
        if self.executor == "celery" or self._stop.is_set():
            return started > 0
        with self.db.engine.begin() as conn:
            claimed = claims.claim(conn, token, self.lease_seconds, lapsed_only=True)
            if not claimed:
                claimed = claims.claim(conn, token, self.lease_seconds, org_cap=self.org_cap)
        if not claimed:
            return started > 0
        self.run_claimed(claimed[0])
        return True

    def run_claimed(self, claimed: Claimed) -> list[tuple[int, float]] | None:
        """Runs a claimed node's work under a heartbeat and records its result. The work
        runs in a thread of its own, so that a stop can hand it back after the grace."""
        if claimed.took_over:
            metrics.LEASES_TAKEN_OVER.labels(queue="nodes").inc()
            log.warning(
                "took over node instance %s (task %s, node %s, %s): its holder's lease lapsed",
                claimed.id,
                claimed.task_id,
                claimed.node_id,
                claimed.kind,
            )
        with self.db.engine.connect() as conn:
            run = TaskRun.load(conn, claimed.task_id)
        if run is None:
            return None
        box: list = []
        done = threading.Event()

        def work() -> None:
            try:
                box.append(node_work.execute(run, claimed, self.credentials, self.limits))
            finally:
                done.set()

        def renew() -> bool:
            with self.db.engine.begin() as conn:
                return claims.renew(conn, claimed, self.lease_seconds)

        beat = Heartbeat.for_lease(
            renew,
            self.lease_seconds,
            name=f"node-beat-{claimed.id}",
            on_lost=self._on_abandon,  # the result will be discarded: stop the user process
        )
        with beat:
            threading.Thread(target=work, name=f"node-{claimed.id}", daemon=True).start()
            announced = False
            while not done.wait(0.2):
                since = self._stopping_since()
                if since is not None and not announced:
                    announced = True
                    log.info(
                        "stopping: node instance %s (task %s, node %s) may run %.0f s more",
                        claimed.id,
                        claimed.task_id,
                        claimed.node_id,
                        max(0.0, self.grace_seconds - (time.monotonic() - since)),
                    )
                if since is not None and time.monotonic() - since >= self.grace_seconds:
                    beat.stop()
                    if done.is_set():  # it ended meanwhile: record it after all
                        break
                    self.hand_back(claimed)
                    return None
        result, seconds = box[0]
        if isinstance(result, NodeFailed) and self._stop.is_set():
            # A node that failed while its worker stops may have failed of the stop (systemd's
            # KillMode=control-group sends the SIGTERM to its user processes too): another
            # worker runs it again rather than a failure or a retry being recorded.
            self.hand_back(claimed, "failed while the worker stops")
            return None
        return self.record(claimed, result, seconds)

    def hand_back(self, claimed: Claimed, why: str = "still running after the grace") -> None:
        """A stopping engine gives back a node it cannot finish: due at once, its user
        processes stopped, a message sent for another worker."""
        if self._on_abandon is not None:
            self._on_abandon()  # first: the node must not run here once another may claim it
        try:
            with self.db.engine.begin() as conn:
                handed = claims.hand_back(conn, claimed)
        except Exception:  # then its lease lapses and it is taken over
            log.exception("could not hand back node instance %s", claimed.id)
            handed = False
        if handed:
            log.warning(
                "stopping: handed back node instance %s (task %s, node %s), %s",
                claimed.id,
                claimed.task_id,
                claimed.node_id,
                why,
            )
            self.queued([(claimed.id, 0.0)])

    def record(
        self, claimed: Claimed, result: NodeResult | NodeFailed, seconds: float
    ) -> list[tuple[int, float]] | None:
        with self.db.engine.begin() as conn:
            queued = node_work.complete(conn, claimed, result, seconds)
        if queued is None:
            log.warning(
                "node instance %s (task %s, node %s): claim lost before its result was "
                "recorded; the result is discarded",
                claimed.id,
                claimed.task_id,
                claimed.node_id,
            )
        else:
            self.queued(queued)
        return queued

    def run_instance(self, instance_id: int, token: str) -> bool:
        """Celery: claim this node if it is still due, run it, record it."""
        if self._stop.is_set():
            # A stopping worker claims nothing: the message goes back for another worker.
            self.queued([(instance_id, 0.0)])
            return False
        self._recover(token)
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
                self.queued([(waiting, 0.0)])
        return True

    def _recover(self, token: str) -> None:
        """Before its own message's node, a worker runs any node whose holder died (lease
        lapsed) or handed it back: its message was consumed by that holder, and one sent
        again would wait behind a backlog. One indexed look-up when there is none."""
        while not self._stop.is_set():
            with self.db.engine.begin() as conn:
                lapsed = claims.claim(conn, token, self.lease_seconds, lapsed_only=True)
            if not lapsed:
                return
            self.run_claimed(lapsed[0])

    # ---- the sweeper (Celery) ---------------------------------------------------------------

    def _sweeper(self) -> None:
        """One sweeper across every process on the database: the holder of the
        "node-sweeper" duty sweeps every PIPELINES_SWEEP_SECONDS; the others keep asking."""
        duty = Duty(self.db, "node-sweeper", max(self.sweep_seconds * 4, 5.0))
        duty.perform(lambda: not self._stop.wait(self.sweep_seconds), self.sweep_once)

    def sweep_once(self) -> int:
        """Re-sends the due nodes whose message was not picked up (`resend_count`), oldest
        send first. Returns how many it sent."""
        assert self._send is not None
        now = utcnow()
        cutoff = now - timedelta(seconds=self.redispatch_seconds)
        binds = (utc_param("now", now), utc_param("cutoff", cutoff))
        with self.db.engine.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT count(*) AS due, coalesce(sum(CASE WHEN dispatched_at IS NULL "
                    "OR dispatched_at <= :cutoff THEN 1 ELSE 0 END), 0) AS stale "
                    "FROM node_instances WHERE queue = 'auto' AND run_at <= :now"
                ).bindparams(*binds)
            ).one()
            stale, fresh = int(row.stale), int(row.due) - int(row.stale)
            if stale == 0:
                self._suspects = set()
                return 0
            depth_of = getattr(self._send, "depth", None)
            try:
                depth = int(depth_of()) if depth_of is not None else 0
            except Exception as exc:  # the broker is down: nothing can be sent anyway
                broker_error("reading the queue depth", exc)
                return 0
            n = min(resend_count(stale, fresh, depth), RESEND_BATCH)
            if n == 0:
                self._suspects = set()
                return 0
            found = [
                r[0]
                for r in conn.execute(
                    text(
                        "SELECT id FROM node_instances WHERE queue = 'auto' AND run_at <= :now "
                        "AND (dispatched_at IS NULL OR dispatched_at <= :cutoff) "
                        "ORDER BY CASE WHEN dispatched_at IS NULL THEN 0 ELSE 1 END, "
                        "dispatched_at, run_at LIMIT :n"
                    ).bindparams(*binds),
                    {"n": n},
                )
            ]
        ids, self._suspects = confirmed(found, self._suspects)
        if not ids:
            return 0
        sent = self._dispatch([(i, 0.0) for i in ids])
        if sent:
            with self.db.engine.begin() as conn:
                conn.execute(
                    update(_NI)
                    .where(_NI.c.id.in_(bindparam("ids", expanding=True)))
                    .values(dispatched_at=utcnow()),
                    {"ids": ids[:sent]},
                )
            metrics.NODES_RESENT.inc(sent)
            log.warning(
                "node sweeper: re-sent %d node(s) not picked up (%d due and sent over %.0f s "
                "ago or never, %d sent since, %d message(s) in the queue)",
                sent,
                stale,
                self.redispatch_seconds,
                fresh,
                depth,
            )
        return sent
