"""Leases on queue rows: the token a claimant writes into a row it takes, the deadline it
holds the row until, and the condition under which a row's lease has lapsed (or was never
set), so that another claimant may take it; and the heartbeat that renews a lease while its
work runs (`Heartbeat`), which the engine's nodes and the jobs share."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_

from ..shared.timestamps import utcnow

_log = logging.getLogger(__name__)


def new_token() -> str:
    """A claim token: written into the row a claimant takes, and a condition of every
    later write it makes to that row (a row taken over by another is never written)."""
    return uuid.uuid4().hex


def lease_end(now: datetime, seconds: float) -> datetime:
    """The deadline of a lease taken or renewed at `now` for `seconds`."""
    return now + timedelta(seconds=seconds)


def deadline(seconds: float) -> datetime:
    """The deadline of a lease taken or renewed now for `seconds`."""
    return lease_end(utcnow(), seconds)


def lapsed(lease_column, now: datetime) -> ColumnElement[bool]:
    """The lease in `lease_column` has ended before `now`, or was never set."""
    return or_(lease_column < now, lease_column.is_(None))


def held(id_column, token_column, row_id, token: str) -> ColumnElement[bool]:
    """The row `row_id` is still held under `token` (a conditional write's WHERE)."""
    return and_(id_column == row_id, token_column == token)


class Heartbeat:
    """Renews a lease while a piece of work runs: `renew()` is called every `interval`
    seconds in a thread (a quarter of the lease: two failed beats in a row still keep it). It
    returns False when the lease was lost (the row was taken over or handed back): then the
    beats stop, `lost` is set and `on_lost()` (if given) is called once. An error in `renew()`
    (the database out of reach) is logged and retried at the next beat; when no beat has
    succeeded for `fence_after` seconds (three quarters of the lease), the holder fences
    itself: the lease is treated as lost before another process can take the work over.

        with Heartbeat(lambda: renew(...), lease_seconds / 3, name="node-7") as beat:
            ...  # work; beat.lost.is_set() says the lease is gone
    """

    def __init__(
        self,
        renew: Callable[[], bool],
        interval: float,
        *,
        name: str = "heartbeat",
        on_lost: Callable[[], None] | None = None,
        fence_after: float | None = None,
    ):
        self.renew = renew
        self.interval = max(interval, 0.2)
        self.fence_after = fence_after
        self.name = name
        self.on_lost = on_lost
        self.lost = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @classmethod
    def for_lease(
        cls,
        renew: Callable[[], bool],
        lease_seconds: float,
        *,
        name: str = "heartbeat",
        on_lost: Callable[[], None] | None = None,
    ) -> Heartbeat:
        """The heartbeat of a lease of `lease_seconds`: a beat every quarter of it, fencing
        after three quarters without a successful one."""
        return cls(
            renew, lease_seconds / 4, name=name, on_lost=on_lost, fence_after=lease_seconds * 0.75
        )

    def __enter__(self) -> Heartbeat:
        self._thread = threading.Thread(target=self._beat, name=self.name, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()
        self._thread = None

    def _beat(self) -> None:
        renewed = time.monotonic()
        while not self._stop.wait(self.interval):
            try:
                kept = self.renew()
            except Exception:  # a missed beat is retried; the lease outlasts two of them
                _log.warning("%s: could not renew the lease", self.name, exc_info=True)
                if self.fence_after is None or time.monotonic() - renewed < self.fence_after:
                    continue
                kept = False
                _log.warning("%s: no renewal for %.0f s: fencing", self.name, self.fence_after)
            else:
                renewed = time.monotonic()
            if not kept:
                self.lost.set()
                _log.warning("%s: lease lost (taken over or handed back)", self.name)
                if self.on_lost is not None:
                    try:
                        self.on_lost()
                    except Exception:
                        _log.exception("%s: on_lost failed", self.name)
                return
