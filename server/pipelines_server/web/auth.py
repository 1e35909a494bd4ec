"""Authentication for every surface: the keys a request presents, connexion's security hooks,
and the principal and database session a handler works with."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from ..domain import keys
from ..runtime import current
from ..shared.errors import RateLimited, Unauthorized
from ..shared.principal import Principal

log = logging.getLogger(__name__)


def client_ip(scope) -> str:
    client = scope.get("client")
    return client[0] if client else "unknown"


def presented_keys(raw_headers: list[tuple[bytes, bytes]]) -> set[bytes]:
    """Every API key a request carries, read as connexion's security handlers read them
    (`Authorization` split on whitespace, its scheme compared case-insensitively; `X-API-Key`
    as is), from every copy of either header: connexion reads the first header of a name,
    a dict of the headers keeps the last."""
    found: set[bytes] = set()
    for name, value in raw_headers:
        if name == b"x-api-key":
            if value:
                found.add(value)
        elif name == b"authorization":
            parts = value.decode("latin-1").split(maxsplit=1)
            if len(parts) == 2 and parts[0].lower() == "bearer":
                found.add(parts[1].encode("latin-1"))
    return found


CONFLICTING_KEYS = (
    "The request carries different API keys (Authorization: Bearer and X-API-Key, or a "
    "repeated header); send one key, or the same key in both"
)


def _lookup(raw: str) -> tuple[Principal, bool]:
    return current().db.read(lambda conn: keys.lookup(conn, raw))


def _touch(key_id: int) -> None:
    try:
        with current().db.engine.begin() as conn:
            keys.touch(conn, key_id)
    except Exception:  # last-used is informational; never fail or log a request over it
        log.warning("could not record last use of key %s", key_id, exc_info=True)


async def authenticate(raw: str, request) -> dict:
    """The security hook of every protected operation.

    The key lookup is one indexed read and runs right here on the event loop: a thread
    handoff per request costs more than the read itself (measured with `make bench`). The
    debounced last-used write, which can wait for a database lock, goes to a thread."""
    if len(presented_keys(request.scope["headers"])) > 1:
        # connexion would accept whichever scheme succeeds while the edge counted the
        # request per IP (see middleware._bucket): one caller, one key. 401 rather than RFC
        # 6750's 400, since every protected operation declares 401 and few declare 400.
        raise Unauthorized(CONFLICTING_KEYS)
    rt = current()
    ip = client_ip(request.scope)
    retry = await rt.limits.auth_blocked(ip)
    if retry is not None:
        raise RateLimited("Too many failed authentication attempts from this address", retry)
    try:
        principal, due = _lookup(raw)
    except Unauthorized:
        await rt.limits.auth_failed(ip)
        raise
    if due:
        asyncio.get_running_loop().run_in_executor(None, _touch, principal.api_key_id)
    return {"sub": principal.user_id, "principal": principal}


async def bearer_info(token: str, request) -> dict:
    return await authenticate(token, request)


async def apikey_info(apikey: str, required_scopes=None, request=None) -> dict:
    return await authenticate(apikey, request)


def principal() -> Principal:
    from connexion.context import context

    return context["token_info"]["principal"]


@contextmanager
def caller_session() -> Iterator[tuple[Session, Principal]]:
    """The opening of nearly every handler: a database session (committed when the block
    ends without an error) and the principal the request authenticated as."""
    with current().db.session() as session:
        yield session, principal()
