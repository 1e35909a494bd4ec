"""One shared reader of the event table per server process, fanning events out to every open
stream (SSE or WebSocket).

The database stays the bus (every process and Celery worker writes events there, and a
reconnecting client resumes from an id), but only this reader polls it: one indexed query
every `events_poll_seconds` for the whole process, not one per client. Each event is
serialized once and handed to the streams of its organization whose filters (task, workflow)
match. Every `events_key_check_seconds` it re-reads, in one query, the keys of all open
streams and ends those whose key was revoked or expired, or whose user was removed.

The reader runs on the event loop; its reads go to a worker thread (never a WSGI thread).
It runs only while streams are open.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from dataclasses import dataclass, field

import anyio

from ..domain import event_feed as feed
from ..domain import keys
from ..runtime import Runtime
from ..shared import jsonsafe
from ..shared.errors import Unavailable
from ..shared.principal import Principal
from ..store.models import utcnow

log = logging.getLogger(__name__)

BATCH = 1000  # rows per read of the shared reader
CATCH_UP_BATCH = 500  # rows per read of one stream's replay
MAX_BACKLOG = 10_000  # events queued for one stream before it is ended as too slow
HOLE_SECONDS = 10.0  # how long an id below the newest one seen is waited for
MAX_HOLES = 10_000

# Why a stream ended, when it was not the client's doing or its max_seconds.
SHUTDOWN = "The server is shutting down; reconnect with Last-Event-ID to resume"
TOO_SLOW = "The stream fell too far behind; reconnect with Last-Event-ID to resume"


@dataclass(eq=False)
class Event:
    id: int
    type: str
    org_id: int
    task_id: int
    workflow_id: int
    payload: str  # the TimelineEvent as compact JSON
    _sse: bytes | None = None

    @classmethod
    def from_row(cls, row) -> Event:
        from ..api.native.shapes import jsonable

        view = feed.event_view(row)
        return cls(
            id=row.id,
            type=row.type,
            org_id=row.org_id,
            task_id=row.task_id,
            workflow_id=row.workflow_id,
            payload=jsonsafe.dumps(jsonable(view), separators=(",", ":")),
        )

    def sse(self) -> bytes:
        if self._sse is None:
            self._sse = f"id: {self.id}\nevent: {self.type}\ndata: {self.payload}\n\n".encode()
        return self._sse


@dataclass(eq=False)
class Subscription:
    """One open stream: its filters, where it starts, and the events queued for it.

    A stream first replays stored events after its start (`after` or Last-Event-ID) with its
    own reads, in batches, until it reaches the shared reader's position when it joined
    (`live_from`); from then on it takes what the reader queued for it. Events both replayed
    and queued are sent once."""

    hub: EventHub
    principal: Principal
    task_id: int | None
    workflow_id: int | None
    start: int  # the stream starts after this id
    live_from: int  # the shared reader's position when the stream joined
    cursor: int = 0  # replay position
    replaying: bool = True
    queue: deque = field(default_factory=deque)
    closed: str | None = None  # why it ended (None while open)
    _wake: asyncio.Event = field(default_factory=asyncio.Event)
    _replayed: set = field(default_factory=set)  # replayed ids the reader may queue too

    def __post_init__(self) -> None:
        self.cursor = self.start
        if self.start >= self.live_from:
            self.replaying = False  # nothing stored to replay: all of it comes live

    @property
    def key_id(self) -> int:
        return self.principal.api_key_id

    def wants(self, event: Event) -> bool:
        return (self.task_id is None or event.task_id == self.task_id) and (
            self.workflow_id is None or event.workflow_id == self.workflow_id
        )

    def push(self, event: Event) -> None:
        if self.closed is not None:
            return
        if len(self.queue) >= MAX_BACKLOG:
            self.close(TOO_SLOW)
            return
        self.queue.append(event)
        self._wake.set()

    def close(self, reason: str) -> None:
        if self.closed is None:
            self.closed = reason
            self._wake.set()

    async def replay(self) -> list[Event]:
        """The next batch of stored events to replay; [] once replay is over."""
        if not self.replaying:
            return []
        org, task, wf, cursor = (
            self.principal.org_id,
            self.task_id,
            self.workflow_id,
            self.cursor,
        )
        rows = await anyio.to_thread.run_sync(
            lambda: self.hub.rt.db.read(
                lambda conn: feed.event_rows_after(conn, org, cursor, task, wf, CATCH_UP_BATCH)
            )
        )
        events = [Event.from_row(r) for r in rows]
        if events:
            self.cursor = events[-1].id
            holes = self.hub.holes
            self._replayed.update(e.id for e in events if e.id > self.live_from or e.id in holes)
        if len(rows) < CATCH_UP_BATCH or self.cursor >= self.live_from:
            self.replaying = False
        return events

    async def next(self, timeout: float) -> list[Event]:
        """Live events queued for this stream, waiting at most `timeout` seconds for one."""
        if not self.queue and self.closed is None and timeout > 0:
            self._wake.clear()
            with anyio.move_on_after(timeout):
                await self._wake.wait()
        out = []
        while self.queue:
            event = self.queue.popleft()
            if event.id <= self.start:
                continue  # from before the stream's start
            if event.id in self._replayed:
                self._replayed.discard(event.id)
                continue
            out.append(event)
        if self._replayed and not self.replaying and max(self._replayed) <= self.hub.high:
            # The reader has queued (and this stream skipped) all it could have in common
            # with the replay: nothing left to de-duplicate.
            self._replayed.clear()
        return out


class Cursor:
    """A position in a table whose ids only grow, with the ids below it not seen yet (on
    PostgreSQL a transaction can commit after one that took a later id). Both live readers
    (this hub and Pipelit's sockets) keep their place with one."""

    def __init__(self, high: int = 0):
        self.high = high
        self.holes: dict[int, float] = {}  # ids below `high` not seen yet -> since when

    def missing(self) -> list[int]:
        return sorted(self.holes)[:1000]

    def accept(self, row_id: int, now: float) -> bool:
        """Whether the row is new (and moves the cursor)."""
        if row_id > self.high:
            room = MAX_HOLES - len(self.holes)
            for gap in range(max(self.high + 1, row_id - room), row_id):
                self.holes[gap] = now
            self.high = row_id
            return True
        if row_id in self.holes:
            del self.holes[row_id]
            return True
        return False

    def expire(self, now: float) -> None:
        """An id a rolled-back transaction took never appears: stop waiting for it."""
        for gap, since in list(self.holes.items()):
            if now - since > HOLE_SECONDS:
                del self.holes[gap]


class EventHub:
    def __init__(self, rt: Runtime):
        self.rt = rt
        s = rt.settings
        self.poll_seconds = s.events_poll_seconds
        self.key_check_seconds = s.events_key_check_seconds
        self.max_streams = s.events_max_streams
        self.by_org: dict[int, set[Subscription]] = {}
        self.count = 0
        self.cursor = Cursor()  # the highest event id fanned out, and the late ones
        self._task: asyncio.Task | None = None
        self._start_lock: asyncio.Lock | None = None
        self._wake: asyncio.Event | None = None
        self.closing = False
        self.reads = 0  # shared reads made (for tests and the benchmark)

    @property
    def high(self) -> int:
        return self.cursor.high

    @property
    def holes(self) -> dict[int, float]:
        return self.cursor.holes

    # -- subscribers -------------------------------------------------------------------

    async def subscribe(
        self,
        principal: Principal,
        task_id: int | None,
        workflow_id: int | None,
        after: int | None,
    ) -> Subscription:
        if self.closing:
            raise Unavailable("The server is shutting down")
        if self.count >= self.max_streams:
            raise Unavailable(
                f"This server has {self.count} event streams open, its limit; retry later"
            )
        if after is None:
            org = principal.org_id
            after = await anyio.to_thread.run_sync(
                lambda: self.rt.db.read(lambda conn: feed.last_event_id(conn, org))
            )
        await self._ensure_running()
        # No await from here on: the reader cannot move between live_from and registering.
        sub = Subscription(self, principal, task_id, workflow_id, start=after, live_from=self.high)
        self.by_org.setdefault(principal.org_id, set()).add(sub)
        self.count += 1
        self._wake_reader()
        return sub

    def unsubscribe(self, sub: Subscription) -> None:
        subs = self.by_org.get(sub.principal.org_id)
        if subs is not None and sub in subs:
            subs.discard(sub)
            self.count -= 1
            if not subs:
                del self.by_org[sub.principal.org_id]
        sub.close("unsubscribed")

    def subscriptions(self) -> list[Subscription]:
        return [s for subs in self.by_org.values() for s in subs]

    def shutdown(self) -> None:
        """Ends every stream (the server is stopping: its clients resume elsewhere)."""
        self.closing = True
        for sub in self.subscriptions():
            sub.close(SHUTDOWN)

    async def stop(self) -> None:
        self.shutdown()
        if self._task is not None:
            self._task.cancel()
            with anyio.CancelScope(shield=True):
                try:
                    await self._task
                except (asyncio.CancelledError, Exception):
                    pass

    # -- the shared reader ---------------------------------------------------------------

    def _wake_reader(self) -> None:
        if self._wake is not None:
            self._wake.set()

    async def _ensure_running(self) -> None:
        if self._task is not None and not self._task.done():
            return
        if self._start_lock is None:
            self._start_lock = asyncio.Lock()
        async with self._start_lock:
            if self._task is not None and not self._task.done():
                return
            # Start from the newest event: each stream replays what it needs itself.
            newest = await anyio.to_thread.run_sync(lambda: self.rt.db.read(feed.max_event_id))
            self.cursor = Cursor(newest)
            self._wake = asyncio.Event()
            self._task = asyncio.get_running_loop().create_task(self._run(), name="event-hub")

    async def _run(self) -> None:
        last_check = time.monotonic()
        while True:
            try:
                await self.poll()
                now = time.monotonic()
                if now - last_check >= self.key_check_seconds:
                    last_check = now
                    await self.check_keys()
            except Exception:  # a database hiccup: keep the streams, try again
                log.warning("live event reader: read failed", exc_info=True)
                await asyncio.sleep(min(1.0, self.poll_seconds * 5))
            self._wake.clear()
            with anyio.move_on_after(self.poll_seconds):
                await self._wake.wait()
            if self.count == 0 or self.closing:
                return  # idle: the next stream to open starts the reader again

    async def poll(self) -> int:
        """One shared read: new events (and late ones) to every matching stream."""
        high, missing = self.cursor.high, self.cursor.missing()
        rows = await anyio.to_thread.run_sync(
            lambda: self.rt.db.read(lambda conn: feed.events_since(conn, high, missing, BATCH))
        )
        self.reads += 1
        now = time.monotonic()
        for row in rows:
            if not self.cursor.accept(row.id, now):
                continue  # seen already
            subs = self.by_org.get(row.org_id)
            if not subs:
                continue
            event = Event.from_row(row)
            for sub in subs:
                if sub.wants(event):
                    sub.push(event)
        self.cursor.expire(now)
        if len(rows) >= BATCH:
            self._wake_reader()  # more to read: go again without waiting
        return len(rows)

    async def check_keys(self) -> int:
        """Ends the streams whose key is no longer valid (one query for all of them)."""
        subs = self.subscriptions()
        if not subs:
            return 0
        ids = list({s.key_id for s in subs})
        now = utcnow()
        invalid = await anyio.to_thread.run_sync(
            lambda: self.rt.db.read(lambda conn: keys.invalid_keys(conn, ids, now))
        )
        ended = 0
        for sub in subs:
            reason = invalid.get(sub.key_id)
            if reason is not None:
                sub.close(reason)
                ended += 1
        return ended
