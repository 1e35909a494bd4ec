"""Duties that one process at a time performs across every process on the database (the
dispatch sweeper, recurring-run firing, ...), whichever server or worker it is: the process
that holds the named lease does the duty and renews the lease each time; when it dies or
stops, another takes the lease over once it has lapsed (or at once, if it was released)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import exists, insert, select, update
from sqlalchemy.exc import IntegrityError

from ..shared.timestamps import utcnow
from .db import Database
from .leases import lapsed, lease_end, new_token
from .models import ProcessLease

_T = ProcessLease.__table__
log = logging.getLogger(__name__)


class Duty:
    """`Duty(db, "dispatch-sweeper", seconds=15).mine()`: True when this process holds (or has
    just taken or renewed) the lease, for `seconds` from now. Call it at least every
    `seconds / 2` while doing the duty."""

    def __init__(self, db: Database, name: str, seconds: float):
        self.db = db
        self.name = name
        self.seconds = seconds
        self.holder = new_token()

    def mine(self) -> bool:
        now = utcnow()
        until = lease_end(now, self.seconds)
        with self.db.engine.begin() as conn:
            taken = conn.execute(
                update(_T)
                .where(
                    _T.c.name == self.name,
                    (_T.c.holder == self.holder) | lapsed(_T.c.lease_until, now),
                )
                .values(holder=self.holder, lease_until=until)
            ).rowcount
            if taken:
                return True
            if conn.execute(select(exists().where(_T.c.name == self.name))).scalar():
                return False
        try:
            with self.db.engine.begin() as conn:
                conn.execute(
                    insert(_T).values(name=self.name, holder=self.holder, lease_until=until)
                )
        except IntegrityError:  # another process created it first: it holds it
            return False
        return True

    def release(self) -> None:
        """Gives the duty up at once (a stopping process), so another takes it without
        waiting for the lease to lapse."""
        with self.db.engine.begin() as conn:
            conn.execute(
                update(_T)
                .where(_T.c.name == self.name, _T.c.holder == self.holder)
                .values(holder=None, lease_until=None)
            )

    def perform(self, next_round: Callable[[], bool], work: Callable[[], object]) -> None:
        """The loop of a duty's thread: for as long as `next_round()` (which waits between
        rounds) says so, does `work()` when this process holds the duty; a failed round is
        logged and the next one tries again; the duty is released at the end."""
        try:
            while next_round():
                try:
                    if self.mine():
                        work()
                except Exception:
                    log.exception("%s failed; retrying", self.name)
        finally:
            try:
                self.release()
            except Exception:
                log.warning("could not release the %s duty", self.name, exc_info=True)
