"""The device-style CLI login (RFC 8628 in spirit).

1. The CLI starts a session without a key: it gets a session id, a device code (a long
   random secret only it knows; stored as a SHA-256 digest, compared in constant time) and
   a short user code (XXXX-XXXX, consonants and digits without look-alikes) that the person
   types into the web page at the verification URL.
2. A signed-in user looks the request up by its user code and approves (or denies) it:
   approving binds their user and organization to the session.
3. The CLI polls with the device code. After the approval, its next poll mints an API key
   for the approving user in their organization ("CLI login (<hostname>)") and returns it,
   once: the key's plaintext is never stored; later polls say `consumed`.

Polls faster than the session's interval are 429 with Retry-After; starting sessions is
limited per client address. A wrong device code or an unknown session is 404 alike.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..shared.errors import Conflict, FieldError, NotFound, RateLimited, ValidationFailed
from ..shared.ids import canonical_uuid
from ..shared.principal import Principal, acting_user
from ..store.models import CliLoginSession, User, utcnow
from . import keys

PENDING, APPROVED, DENIED, CONSUMED, EXPIRED = (
    "pending",
    "approved",
    "denied",
    "consumed",
    "expired",
)
# RFC 8628's suggestion: no vowels (no words), and here no look-alikes (0/O, 1/I/L, 5/S...).
USER_CODE_ALPHABET = "BCDFGHJKMNPQRTVWXZ2346789"
USER_CODE_LENGTH = 8
HOSTNAME_MAX = 255
POLL_ON_TIME = 0.8  # a poll after this share of the interval counts as on time (jitter)
NOT_FOUND = "CLI login session not found"
REQUEST_NOT_FOUND = "No CLI login request with this code"


@dataclass(frozen=True)
class Policy:
    ttl_seconds: int = 600
    interval_seconds: int = 5
    starts_per_minute: int = 10


def hash_code(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def new_user_code() -> str:
    return "".join(secrets.choice(USER_CODE_ALPHABET) for _ in range(USER_CODE_LENGTH))


def format_user_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def normalize_user_code(raw: str | None) -> str | None:
    """What the person typed, as stored: upper case, without dashes or spaces; None when it
    cannot be a user code."""
    code = "".join(ch for ch in (raw or "").upper() if ch not in "- ")
    if len(code) != USER_CODE_LENGTH or any(ch not in USER_CODE_ALPHABET for ch in code):
        return None
    return code


def state_of(row: CliLoginSession, now: datetime) -> str:
    """The state a caller sees: a pending or approved session past its expiry is expired."""
    if row.status in (PENDING, APPROVED) and row.expires_at <= now:
        return EXPIRED
    return row.status


def start(
    session: Session,
    hostname: str | None,
    client_name: str | None,
    client_ip: str | None,
    policy: Policy,
    now: datetime | None = None,
) -> tuple[CliLoginSession, str]:
    """A new pending session and its device code (returned only here)."""
    now = now or utcnow()
    hostname = (hostname or "").strip()
    if not hostname or len(hostname) > HOSTNAME_MAX:
        raise ValidationFailed(
            f"hostname has 1 to {HOSTNAME_MAX} characters",
            [FieldError(f"1 to {HOSTNAME_MAX} characters", loc=("body", "hostname"))],
        )
    client_name = (client_name or "").strip()[:255] or None
    if client_ip:
        since = now - timedelta(seconds=60)
        recent = list(
            session.scalars(
                select(CliLoginSession.created_at)
                .where(CliLoginSession.client_ip == client_ip, CliLoginSession.created_at > since)
                .order_by(CliLoginSession.created_at)
            )
        )
        if len(recent) >= policy.starts_per_minute:
            oldest = recent[len(recent) - policy.starts_per_minute]
            retry = max(1, math.ceil((oldest + timedelta(seconds=60) - now).total_seconds()))
            raise RateLimited(
                f"Too many CLI logins started from this address; retry after {retry} seconds",
                retry,
            )
    for _ in range(10):
        user_code = new_user_code()
        taken = session.scalar(
            select(func.count())
            .select_from(CliLoginSession)
            .where(CliLoginSession.user_code == user_code, CliLoginSession.expires_at > now)
        )
        if not taken:
            break
    device_code = secrets.token_urlsafe(32)
    row = CliLoginSession(
        id=str(uuid.uuid4()),
        device_code_hash=hash_code(device_code),
        user_code=user_code,
        hostname=hostname[:HOSTNAME_MAX],
        client_name=client_name,
        status=PENDING,
        expires_at=now + timedelta(seconds=policy.ttl_seconds),
        client_ip=(client_ip or None) and client_ip[:64],
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row, device_code


def _by_device(session: Session, session_id: str, device_code: str | None) -> CliLoginSession:
    canonical = canonical_uuid(session_id)
    row = session.get(CliLoginSession, canonical) if canonical is not None else None
    # Compare digests in constant time; an unknown session costs the same work.
    presented = hash_code(device_code or "")
    stored = row.device_code_hash if row is not None else hash_code(secrets.token_hex(16))
    if not hmac.compare_digest(presented, stored) or row is None or not device_code:
        raise NotFound(NOT_FOUND)
    return row


def poll(
    session: Session,
    session_id: str,
    device_code: str | None,
    policy: Policy,
    now: datetime | None = None,
) -> dict:
    """`{"state": ...}`; `authorized` carries the new key, once."""
    now = now or utcnow()
    row = _by_device(session, session_id, device_code)
    if row.last_poll_at is not None:
        waited = (now - row.last_poll_at).total_seconds()
        if waited < policy.interval_seconds * POLL_ON_TIME:
            retry = max(1, math.ceil(policy.interval_seconds - waited))
            raise RateLimited(
                f"Polling faster than every {policy.interval_seconds} seconds; "
                f"retry after {retry} seconds",
                retry,
            )
    row.last_poll_at = now
    state = state_of(row, now)
    if state != APPROVED:
        session.flush()
        return {"state": state}
    user = session.get(User, row.user_id) if row.user_id is not None else None
    if user is None or user.removed_at is not None or user.org_id != row.org_id:
        row.status = DENIED  # the approving user left meanwhile: no key for anyone
        session.flush()
        return {"state": DENIED}
    # Only one poll wins the approved -> consumed step, even when two race.
    won = session.execute(
        update(CliLoginSession)
        .where(CliLoginSession.id == row.id, CliLoginSession.status == APPROVED)
        .values(status=CONSUMED, last_poll_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    if won != 1:
        session.refresh(row)
        return {"state": state_of(row, now)}
    key, raw = keys.new_key(session, row.org_id, row.user_id, f"CLI login ({row.hostname})"[:200])
    session.execute(
        update(CliLoginSession)
        .where(CliLoginSession.id == row.id)
        .values(api_key_id=key.id)
        .execution_options(synchronize_session=False)
    )
    return {"state": "authorized", "api_key": raw}


def _by_user_code(session: Session, principal: Principal, user_code: str) -> CliLoginSession:
    code = normalize_user_code(user_code)
    if code is None:
        raise NotFound(REQUEST_NOT_FOUND)
    row = session.scalar(
        select(CliLoginSession)
        .where(CliLoginSession.user_code == code)
        .order_by(CliLoginSession.created_at.desc())
        .limit(1)
    )
    # Once bound to an organization, a request is that organization's business only.
    if row is None or (row.org_id is not None and row.org_id != principal.org_id):
        raise NotFound(REQUEST_NOT_FOUND)
    return row


def describe(row: CliLoginSession, now: datetime | None = None) -> dict:
    return {
        "user_code": format_user_code(row.user_code),
        "hostname": row.hostname,
        "client_name": row.client_name,
        "state": state_of(row, now or utcnow()),
        "created_at": row.created_at,
        "expires_at": row.expires_at,
        "decided_at": row.approved_at,
        "approved_by_user_id": row.user_id,
    }


def get_request(session: Session, principal: Principal, user_code: str) -> dict:
    return describe(_by_user_code(session, principal, user_code))


def decide(session: Session, principal: Principal, user_code: str, approve: bool) -> dict:
    """Approve (bind the caller's user and organization) or deny a pending request."""
    user_id = acting_user(principal)
    now = utcnow()
    row = _by_user_code(session, principal, user_code)
    state = state_of(row, now)
    if state == EXPIRED:
        raise Conflict("This CLI login request has expired; run `pipelines auth login` again")
    if state != PENDING:
        raise Conflict(f"This CLI login request was already {state}")
    values = {"status": APPROVED if approve else DENIED, "approved_at": now}
    if approve:
        values.update(user_id=user_id, org_id=principal.org_id)
    won = session.execute(
        update(CliLoginSession)
        .where(CliLoginSession.id == row.id, CliLoginSession.status == PENDING)
        .values(**values)
        .execution_options(synchronize_session=False)
    ).rowcount
    if won != 1:
        raise Conflict("This CLI login request was decided meanwhile")
    session.refresh(row)
    return describe(row, now)
