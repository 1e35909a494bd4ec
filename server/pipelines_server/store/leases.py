"""Leases on queue rows: the token a claimant writes into a row it takes, the deadline it
holds the row until, and the condition under which a row's lease has lapsed (or was never
set), so that another claimant may take it."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_

from ..shared.timestamps import utcnow


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
