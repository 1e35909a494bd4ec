"""Organization API keys: creation, authentication, expiry, revocation.

Keys are `pk_live_` + 40 hex characters (160 random bits). Only a SHA-256 digest is stored:
a key this long cannot be brute-forced, so a slow password hash (argon2) would only cost
every request its latency without adding safety.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from sqlalchemy import Connection, bindparam, func, or_, select, update
from sqlalchemy.orm import Session

from ..shared.errors import BadRequest, Unauthorized
from ..shared.principal import USER_REMOVED, Principal, require_admin
from ..store.fastread import fetch_all
from ..store.models import ApiKey, User, WebSession, utcnow
from . import text_fields
from .admin_rows import admin_row

PREFIX = "pk_live_"
PREFIX_CHARS = 12  # the characters a list may show of a key: "pk_live_" and 4 more
KEY_RE = re.compile(r"^pk_live_[0-9a-f]{40}$")
EXPIRY_DAYS = (30, 90, 365)
LAST_USED_DEBOUNCE = timedelta(seconds=60)


def generate_key() -> str:
    return PREFIX + secrets.token_hex(20)


def new_key(
    session: Session,
    org_id: int,
    user_id: int | None,
    name: str,
    expires_at: datetime | None = None,
) -> tuple[ApiKey, str]:
    """A new key row (stored hashed, with its last 4 and its prefix) and its full secret,
    which is never available again. Every way of making a key comes through here."""
    raw = generate_key()
    key = ApiKey(
        org_id=org_id,
        name=name,
        key_hash=hash_key(raw),
        last4=raw[-4:],
        prefix=raw[:PREFIX_CHARS],
        created_by_id=user_id,
        expires_at=expires_at,
    )
    session.add(key)
    session.flush()
    return key, raw


def hash_key(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def expiry_from_now(expires_in_days: int | None, now: datetime | None = None) -> datetime | None:
    if expires_in_days is None:
        return None
    if expires_in_days not in EXPIRY_DAYS:
        raise BadRequest(f"expires_in_days must be one of {EXPIRY_DAYS} or null (no expiry)")
    return (now or utcnow()) + timedelta(days=expires_in_days)


_KEYS = ApiKey.__table__.c
_USERS = User.__table__.c
# Core statements on the tables (no ORM entities): authentication runs on every request.
_LOOKUP = (
    select(
        _KEYS.id,
        _KEYS.org_id,
        _KEYS.expires_at,
        _KEYS.revoked_at,
        _KEYS.last_used_at,
        _USERS.id,
        _USERS.role,
        _USERS.removed_at,
    )
    .select_from(ApiKey.__table__.outerjoin(User.__table__, _USERS.id == _KEYS.created_by_id))
    .where(_KEYS.key_hash == bindparam("key_hash"))
)


def lookup(
    conn: Connection | Session, raw: str | None, now: datetime | None = None
) -> tuple[Principal, bool]:
    """Resolve a presented key, or raise Unauthorized with the v1 error code.

    Read-only; also says whether last-used is due for a refresh (see `touch`)."""
    if not raw:
        raise Unauthorized("No API key was provided", code="missing_api_key")
    if not KEY_RE.match(raw):
        raise Unauthorized("The API key is malformed (expected pk_live_ and 40 hex characters)")
    now = now or utcnow()
    params = {"key_hash": hash_key(raw)}
    rows = (
        fetch_all(conn, _LOOKUP, params)
        if isinstance(conn, Connection)
        else conn.execute(_LOOKUP, params).all()
    )
    row = rows[0] if rows else None
    if row is None:
        raise Unauthorized("The API key is not valid")
    key_id, org_id, expires_at, revoked_at, last_used_at, user_id, role, removed_at = row
    if revoked_at is not None:
        raise Unauthorized("The API key has been revoked")
    if expires_at is not None and expires_at <= now:
        raise Unauthorized("The API key has expired")
    due = last_used_at is None or now - last_used_at >= LAST_USED_DEBOUNCE
    if user_id is None or removed_at is not None:
        return Principal(org_id=org_id, api_key_id=key_id, user_id=None, role=None), due
    return Principal(org_id=org_id, api_key_id=key_id, user_id=user_id, role=role), due


_VALIDITY = (
    select(_KEYS.id, _KEYS.expires_at, _KEYS.revoked_at, _USERS.removed_at)
    .select_from(ApiKey.__table__.outerjoin(User.__table__, _USERS.id == _KEYS.created_by_id))
    .where(_KEYS.id.in_(bindparam("key_ids", expanding=True)))
)
REVOKED = "The API key has been revoked"
EXPIRED = "The API key has expired"


def invalid_keys(
    conn: Connection | Session, key_ids: list[int], now: datetime | None = None
) -> dict[int, str]:
    """Of these key ids, the ones no longer good for a long-lived connection (an event
    stream), each with the reason: revoked, expired, deleted, or their user removed.

    One query per 500 ids: what the live event reader runs every few seconds over the keys of
    its open streams. A key whose creator was removed still works for the External API v1
    (see `lookup`), but a stream follows a person's organization, so it ends with them."""
    now = now or utcnow()
    ids = sorted(set(key_ids))
    found: dict[int, str | None] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for key_id, expires_at, revoked_at, removed_at in conn.execute(
            _VALIDITY, {"key_ids": chunk}
        ):
            if revoked_at is not None:
                found[key_id] = REVOKED
            elif expires_at is not None and expires_at <= now:
                found[key_id] = EXPIRED
            elif removed_at is not None:
                found[key_id] = USER_REMOVED
            else:
                found[key_id] = None
    invalid: dict[int, str] = {}
    for key_id in ids:
        if key_id not in found:  # deleted
            invalid[key_id] = "The API key is not valid"
        elif found[key_id] is not None:
            invalid[key_id] = found[key_id]
    return invalid


def touch(conn: Connection | Session, key_id: int, now: datetime | None = None) -> None:
    """Last used, debounced to about once a minute per key: one conditional UPDATE, so
    concurrent requests do not fight over the row."""
    now = now or utcnow()
    conn.execute(
        update(ApiKey.__table__)
        .where(_KEYS.id == key_id)
        .where(or_(_KEYS.last_used_at.is_(None), _KEYS.last_used_at <= now - LAST_USED_DEBOUNCE))
        .values(last_used_at=now)
    )


def authenticate(
    conn: Connection | Session, raw: str | None, now: datetime | None = None
) -> Principal:
    """lookup + touch in one go (for callers that are not on a request's hot path)."""
    principal, due = lookup(conn, raw, now)
    if due:
        touch(conn, principal.api_key_id, now)
    return principal


NAME_MAX = 200  # as openapi/pipelines.yaml's ApiKeyCreate.name


def create_key(
    session: Session, principal: Principal, org_id: int, name: str, expires_in_days: int | None
) -> tuple[ApiKey, str]:
    """Returns the stored key and the full secret, which is never available again."""
    require_admin(principal, org_id, "API keys")
    name = (name or "").strip()
    if not name:
        raise BadRequest("Key name is required")
    text_fields.check(("name", name, NAME_MAX))
    return new_key(session, org_id, principal.user_id, name, expiry_from_now(expires_in_days))


def issue_key(session: Session, org_id: int, user_id: int | None, name: str) -> str:
    """Create a key without a caller (bootstrap and tests' setup)."""
    return new_key(session, org_id, user_id, name)[1]


SESSION_KEY_NAME = "web session"  # the own key of a web UI password sign-in (web_sessions)


def _not_browser_session_key():
    """Leaves out the own keys of web UI sessions: named SESSION_KEY_NAME and either ended
    (revoked or expired) or owned by a live session row. A key someone named so by hand
    stays listed while it works."""
    owned = select(WebSession.api_key_id).where(
        WebSession.owns_key.is_(True), WebSession.api_key_id.is_not(None)
    )
    expired = ApiKey.expires_at.is_not(None) & (ApiKey.expires_at <= utcnow())
    ended = ApiKey.revoked_at.is_not(None) | expired | ApiKey.id.in_(owned)
    return ~((ApiKey.name == SESSION_KEY_NAME) & ended)


def list_keys(
    session: Session,
    principal: Principal,
    org_id: int,
    offset: int = 0,
    limit: int | None = None,
    hide_session_keys: bool = False,
) -> list[ApiKey]:
    """Active keys first, revoked ones below them, newest first within each (a page of them
    with `limit`). With `hide_session_keys` (the web UI's list), without the web sessions'
    own keys (the API lists every key)."""
    require_admin(principal, org_id, "API keys")
    query = (
        select(ApiKey)
        .where(ApiKey.org_id == org_id)
        .order_by(ApiKey.revoked_at.is_not(None), ApiKey.created_at.desc(), ApiKey.id.desc())
    )
    if hide_session_keys:
        query = query.where(_not_browser_session_key())
    if limit is not None:
        query = query.offset(offset).limit(limit)
    return list(session.scalars(query))


def count_keys(
    session: Session, principal: Principal, org_id: int, hide_session_keys: bool = False
) -> int:
    require_admin(principal, org_id, "API keys")
    query = select(func.count()).select_from(ApiKey).where(ApiKey.org_id == org_id)
    if hide_session_keys:
        query = query.where(_not_browser_session_key())
    return session.scalar(query)


def get_key(session: Session, principal: Principal, org_id: int, key_id: int) -> ApiKey:
    return admin_row(session, principal, org_id, ApiKey, key_id, ("API keys", "API key"))


def update_expiry(
    session: Session, principal: Principal, org_id: int, key_id: int, expires_in_days: int | None
) -> ApiKey:
    key = get_key(session, principal, org_id, key_id)
    if key.revoked_at is not None:
        raise BadRequest("Cannot update the expiry of a revoked key")
    key.expires_at = expiry_from_now(expires_in_days)
    return key


def revoke(session: Session, principal: Principal, org_id: int, key_id: int) -> ApiKey:
    """Revoke once: the first revocation's time stays, and revoking again answers the key as
    it is (the spec's no-op). One conditional UPDATE, so that of concurrent revocations
    exactly one writes; the others wait for its row lock (PostgreSQL) or the write lock
    (SQLite), match no row, and read the winner's revoked_at."""
    key = get_key(session, principal, org_id, key_id)
    if key.revoked_at is None:
        session.execute(
            update(ApiKey.__table__)
            .where(_KEYS.id == key_id, _KEYS.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
        session.refresh(key)
    return key


def creator_names(session: Session, keys: list[ApiKey]) -> dict[int, User]:
    ids = {k.created_by_id for k in keys if k.created_by_id is not None}
    if not ids:
        return {}
    # A removed user is no longer shown as the creator.
    return {
        u.id: u
        for u in session.scalars(select(User).where(User.id.in_(ids), User.removed_at.is_(None)))
    }
