"""Idempotency-Key on the POSTs that create.

The first request with a key claims it (a row of `idempotency_keys`, committed at once, so
that every process sees it), does the work, and records its reply in the same transaction as
the work. A request with the same key and the same body replays that reply (status and body,
with `Idempotent-Replayed: true`) without doing the work again; one that arrives while the
first is still working waits for it and then replays. The same key with another body (or on
another operation) is 409. Keys belong to the organization and are kept 24 hours.

Only successful replies are kept: a request that failed (4xx, or an error) releases its key,
so that the caller can fix the cause and retry with the same key. A process that died while
answering leaves a claim that another request takes over after STALE_SECONDS (its work was
rolled back with it).

Usage in a handler:

    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        ...
        return once.answer(reply, 201)
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..runtime import current
from ..shared import jsonsafe
from ..shared.errors import BadRequest, Conflict
from ..shared.principal import Principal
from ..shared.timestamps import utcnow
from ..store.models import IdempotencyKey

HEADER = "Idempotency-Key"
KEEP = timedelta(hours=24)
STALE_SECONDS = 120.0  # a claim this old without a reply belonged to a process that died
WAIT_SECONDS = 60.0  # how long a second request waits for the first one's reply
MAX_KEY = 255
REUSED = (
    "The same Idempotency-Key was reused with a different request body. Use a new key or "
    "retry with the exact same payload."
)
STILL_RUNNING = (
    "A request with this Idempotency-Key is still being processed; retry with the same key later"
)
_T = IdempotencyKey.__table__


class Once:
    """What `guard` yields: `replay` (the first reply, to return as is) or, for the first
    request, `answer(reply, status)` that records the reply with the work."""

    def __init__(self, session: Session, row_id: int | None, replay: tuple | None = None):
        self._session, self._row_id = session, row_id
        self.replay = replay
        self.answered = False

    def answer(self, reply: Any, status: int, headers: dict | None = None) -> tuple:
        if self._row_id is not None and 200 <= status < 300:
            self._session.execute(
                update(_T)
                .where(_T.c.id == self._row_id)
                .values(status_code=status, body=jsonsafe.dumps(reply))
            )
            self.answered = True
        return (reply, status, headers) if headers else (reply, status)


def request_key() -> str | None:
    from connexion import request

    key = request.headers.get(HEADER)
    if key is None:
        return None
    key = key.strip()
    if not key or len(key) > MAX_KEY:
        raise BadRequest(f"{HEADER} must be 1 to {MAX_KEY} characters")
    return key


def fingerprint(body: Any) -> str:
    """The hash of the operation (method and path) and the body, canonical JSON (or bytes)."""
    from connexion import request

    digest = hashlib.sha256(f"{request.method} {request.url.path}\n".encode())
    if isinstance(body, bytes | bytearray):
        digest.update(bytes(body))
    else:
        digest.update(json.dumps(body, sort_keys=True, separators=(",", ":"), default=str).encode())
    return digest.hexdigest()


@contextmanager
def guard(session: Session, principal: Principal, body: Any) -> Iterator[Once]:
    key = request_key()
    if key is None:
        yield Once(session, None)
        return
    row_id, replay = _claim(principal.org_id, key, fingerprint(body))
    if replay is not None:
        yield Once(session, None, replay)
        return
    once = Once(session, row_id)
    try:
        yield once
        if once.answered:
            # The work and its reply commit here, together: a commit that fails releases the
            # key (below) instead of leaving it claimed with no reply.
            session.commit()
    except BaseException:
        # This request's work is dropped before the key is released: the release is another
        # transaction, and on SQLite it would wait for the write lock this session may hold
        # (a handler that locked rows and then refused) until the database timed out.
        session.rollback()
        _release(row_id)
        raise
    if not once.answered:
        _release(row_id)


def _claim(org_id: int, key: str, digest: str) -> tuple[int | None, tuple | None]:
    """(row id, None) when this request claimed the key; (None, reply) to replay."""
    db = current().db
    deadline = time.monotonic() + WAIT_SECONDS
    pause = 0.02
    while True:
        now = utcnow()
        try:
            with db.session() as s:
                # Keys past their 24 hours go as new ones come (one indexed delete).
                s.execute(delete(_T).where(_T.c.expires_at < now))
                row_id = s.execute(
                    insert(_T)
                    .values(
                        org_id=org_id,
                        key=key,
                        request_hash=digest,
                        created_at=now,
                        expires_at=now + KEEP,
                    )
                    .returning(_T.c.id)
                ).scalar_one()
            return row_id, None
        except IntegrityError:
            pass
        with db.session() as s:
            row = s.execute(select(_T).where(_T.c.org_id == org_id, _T.c.key == key)).first()
            if row is None:
                continue  # released or expired meanwhile: claim again
            if row.expires_at <= now:
                s.execute(delete(_T).where(_T.c.id == row.id))
                continue
            if row.request_hash != digest:
                raise Conflict(REUSED)
            if row.status_code is not None:
                replay = json.loads(row.body)
                return None, (replay, row.status_code, {"Idempotent-Replayed": "true"})
            if (now - row.created_at).total_seconds() > STALE_SECONDS:
                taken = s.execute(
                    update(_T)
                    .where(_T.c.id == row.id, _T.c.created_at == row.created_at)
                    .values(created_at=now)
                )
                if taken.rowcount == 1:
                    return row.id, None
                continue
        if time.monotonic() >= deadline:
            raise Conflict(STILL_RUNNING)
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


def _release(row_id: int) -> None:
    with current().db.session() as s:
        s.execute(delete(_T).where(_T.c.id == row_id, _T.c.status_code.is_(None)))
