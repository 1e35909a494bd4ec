"""Signed-in browsers of the web UI.

A browser signs in with a user's name (or email) and password, then a TOTP code when the user
turned MFA on, or by pasting an API key. The cookie carries a random token; only its SHA-256
digest is stored (like API keys: 256 random bits cannot be brute-forced). Every session acts
through a native API key, so every page calls the same domain functions with the same
`Principal` as the APIs do:

- after a password sign-in, a key of its own named `web session`, revoked when the session
  ends (sign-out, expiry seen at sign-out, or the user removed);
- after a key sign-in, the pasted key (sign-out ends the session, not the key).

Revoking the key, or removing the user, ends the session at its next request. Each session has
a CSRF token its forms and htmx requests must send back (`csrf_ok`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from ..engine.secrets import decrypt
from ..shared.errors import BadRequest, Forbidden, NotFound, Unauthorized
from ..shared.principal import Principal, require_admin
from ..store.models import ApiKey, User, WebSession, utcnow
from . import keys, mfa, passwords

SESSION_KEY_NAME = keys.SESSION_KEY_NAME
MFA_WINDOW = timedelta(minutes=5)  # the TOTP step must follow the password step within this
MIN_PASSWORD = 8
INVALID = "Invalid username or password"
WRONG_CURRENT_PASSWORD = "Your current password is not correct"
INVALID_CODE = "Invalid authentication code"
MFA_EXPIRED = "The sign-in took too long; enter your password again"


@dataclass(frozen=True)
class SignedIn:
    """What a page knows about its viewer."""

    session_id: int
    principal: Principal
    user_id: int
    display_name: str
    csrf_token: str

    @property
    def is_admin(self) -> bool:
        return self.principal.is_admin


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _aware(when: datetime) -> datetime:
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


def _new_row(session: Session, user: User, ttl: timedelta, **fields) -> tuple[str, WebSession]:
    # Sessions that ran out are cleared here, at the next sign-in (an indexed delete), so the
    # table never grows with abandoned browsers and their keys do not outlive them.
    purge_expired(session)
    token = secrets.token_urlsafe(32)
    row = WebSession(
        token_hash=hash_token(token),
        user_id=user.id,
        csrf_token=secrets.token_urlsafe(32),
        expires_at=utcnow() + ttl,
        **fields,
    )
    session.add(row)
    session.flush()
    return token, row


def _user_by_login(session: Session, login: str) -> User | None:
    login = (login or "").strip()
    if not login or "\x00" in login:
        return None
    user = session.scalar(
        select(User).where(or_(User.username == login, User.email == login.lower()))
    )
    if user is None or user.removed_at is not None:
        return None
    return user


def _own_key(session: Session, user: User, ttl: timedelta) -> int:
    """The session's own key; it expires with the session (an abandoned browser's key is
    dead even before the next sign-in clears the session)."""
    key, _raw = keys.new_key(
        session, user.org_id, user.id, SESSION_KEY_NAME, expires_at=utcnow() + ttl
    )
    return key.id


def sign_in_password(
    session: Session, login: str, password: str, ttl: timedelta
) -> tuple[str, bool]:
    """(token, mfa_due). With MFA on, the token is of a pending session that only
    `sign_in_code` can complete; otherwise it is the signed-in session's."""
    user = _user_by_login(session, login)
    if not passwords.verify_password(user.password_hash if user else None, password or ""):
        raise Unauthorized(INVALID)
    if user.mfa_enabled and user.mfa_secret:
        token, _row = _new_row(session, user, MFA_WINDOW, mfa_pending=True)
        return token, True
    token, _row = _new_row(
        session, user, ttl, api_key_id=_own_key(session, user, ttl), owns_key=True
    )
    return token, False


def sign_in_code(
    session: Session, pending_token: str, code: str, secret_key: str, guard: mfa.Guard, ttl
) -> str:
    """The TOTP step: completes a pending session into a new one (a new token: the pending
    token, which travelled before the second factor, is never the signed-in one)."""
    row = session.scalar(
        select(WebSession).where(WebSession.token_hash == hash_token(pending_token or ""))
    )
    if row is None or not row.mfa_pending:
        raise Unauthorized(MFA_EXPIRED)
    if _aware(row.expires_at) <= utcnow():
        session.delete(row)
        raise Unauthorized(MFA_EXPIRED)
    user = session.get(User, row.user_id)
    if user is None or user.removed_at is not None or not user.mfa_secret:
        raise Unauthorized(INVALID)
    step = mfa.verify(
        decrypt(user.mfa_secret, secret_key),
        (code or "").strip(),
        user.id,
        user.mfa_last_step,
        guard,
    )
    if step is None:
        raise Unauthorized(INVALID_CODE)
    user.mfa_last_step = step
    session.delete(row)
    token, _row = _new_row(
        session, user, ttl, api_key_id=_own_key(session, user, ttl), owns_key=True
    )
    return token


def sign_in_key(session: Session, raw_key: str, ttl: timedelta) -> str:
    """A session acting through a pasted API key (of a user who still exists)."""
    principal, _due = keys.lookup(session, (raw_key or "").strip())
    if principal.user_id is None:
        raise Unauthorized("The user who created this API key has been removed")
    user = session.get(User, principal.user_id)
    token, _row = _new_row(session, user, ttl, api_key_id=principal.api_key_id, owns_key=False)
    return token


def resolve(session: Session, token: str | None, now: datetime | None = None) -> SignedIn | None:
    """The signed-in viewer a cookie token stands for, or None (unknown, expired, pending MFA,
    its key revoked or expired, its user removed)."""
    if not token or len(token) > 200:
        return None
    now = now or utcnow()
    row = session.execute(
        select(WebSession, ApiKey, User)
        .join(ApiKey, ApiKey.id == WebSession.api_key_id)
        .join(User, User.id == WebSession.user_id)
        .where(WebSession.token_hash == hash_token(token))
    ).first()
    if row is None:
        return None
    web, key, user = row
    if web.mfa_pending or _aware(web.expires_at) <= now:
        return None
    if key.revoked_at is not None or (key.expires_at and _aware(key.expires_at) <= now):
        return None
    if user.removed_at is not None or key.created_by_id != user.id:
        return None
    principal = Principal(org_id=key.org_id, api_key_id=key.id, user_id=user.id, role=user.role)
    return SignedIn(
        session_id=web.id,
        principal=principal,
        user_id=user.id,
        display_name=user.username or user.name or user.email,
        csrf_token=web.csrf_token,
    )


def csrf_ok(expected: str, presented: str | None) -> bool:
    return bool(presented) and hmac.compare_digest(expected.encode(), presented.encode())


def sign_out(session: Session, token: str | None) -> None:
    """Ends the session; its own key is revoked (a pasted key is not)."""
    if not token:
        return
    row = session.scalar(select(WebSession).where(WebSession.token_hash == hash_token(token)))
    if row is None:
        return
    if row.owns_key and row.api_key_id is not None:
        session.execute(
            update(ApiKey)
            .where(ApiKey.id == row.api_key_id, ApiKey.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
    session.delete(row)


def purge_expired(session: Session, now: datetime | None = None) -> int:
    """Deletes expired sessions (their own keys revoked); returns how many."""
    now = now or utcnow()
    rows = session.scalars(select(WebSession).where(WebSession.expires_at <= now)).all()
    return _end(session, rows, now)


def _end(session: Session, rows: list[WebSession], now: datetime) -> int:
    """Deletes the sessions and revokes their own keys (not pasted ones); how many ended."""
    owned = [r.api_key_id for r in rows if r.owns_key and r.api_key_id is not None]
    if owned:
        session.execute(
            update(ApiKey)
            .where(ApiKey.id.in_(owned), ApiKey.revoked_at.is_(None))
            .values(revoked_at=now)
        )
    if rows:
        session.execute(delete(WebSession).where(WebSession.id.in_([r.id for r in rows])))
    return len(rows)


def end_sessions(session: Session, user_id: int, keep_session_id: int | None = None) -> int:
    """Ends every session of the user but `keep_session_id` (pending sign-ins too): the rows
    are deleted and the sessions' own `web session` keys revoked (pasted keys are not: they
    are the user's to revoke). Returns how many ended. After a password change, a password
    reset, or TOTP turned on, no browser keeps what the old credentials opened."""
    now = utcnow()
    query = select(WebSession).where(WebSession.user_id == user_id)
    if keep_session_id is not None:
        query = query.where(WebSession.id != keep_session_id)
    rows = session.scalars(query).all()
    return _end(session, rows, now)


def _org_sessions(org_id: int, now: datetime):
    """The signed-in (not pending, not expired) sessions of the organization's users."""
    return (
        select(WebSession)
        .join(User, User.id == WebSession.user_id)
        .where(
            User.org_id == org_id,
            WebSession.mfa_pending.is_(False),
            WebSession.expires_at > now,
        )
    )


def count_org_sessions(session: Session, principal: Principal, org_id: int) -> int:
    """How many browsers are signed in to the organization (org admins)."""
    require_admin(principal, org_id, "web sessions")
    query = _org_sessions(org_id, utcnow()).with_only_columns(func.count(WebSession.id))
    return session.scalar(query) or 0


def end_org_sessions(
    session: Session, principal: Principal, org_id: int, keep_session_id: int | None = None
) -> int:
    """Signs every browser of the organization out (org admins) but `keep_session_id` (the
    admin's own); their own keys are revoked. Returns how many ended."""
    require_admin(principal, org_id, "web sessions")
    users = session.scalars(
        select(WebSession.user_id)
        .join(User, User.id == WebSession.user_id)
        .where(User.org_id == org_id)
        .distinct()
    ).all()
    return sum(end_sessions(session, user_id, keep_session_id) for user_id in users)


def set_password(
    session: Session,
    principal: Principal,
    user_id: int,
    password: str,
    current_password: str | None = None,
    keep_session_id: int | None = None,
) -> None:
    """A user sets their own password; an org admin sets any password of their organization
    (to invite someone to the UI). At least MIN_PASSWORD characters. Changing one's own
    password takes the current one (a session left open is not enough to take the account
    over); a user who has none yet (signed in with a key) just sets one.

    The user's other sessions end (`end_sessions`); `keep_session_id`, the session that made
    the change, stays when it is the user's own."""
    user = session.get(User, user_id)
    if user is None or user.removed_at is not None or user.org_id != principal.org_id:
        raise NotFound("User not found")
    if principal.user_id != user_id and not principal.is_admin:
        raise Forbidden("Only organization admins can set another user's password")
    if principal.user_id == user_id:
        check_current_password(user, current_password)
    user.password_hash = _checked_hash(password)
    end_sessions(session, user_id, keep_session_id if principal.user_id == user_id else None)


def check_current_password(user: User, current_password: str | None) -> None:
    """Re-authentication for a change to one's own sign-in (password, TOTP setup): the
    current password, when the user has one (a session left open is not enough)."""
    if user.password_hash is not None:
        if not passwords.verify_password(user.password_hash, current_password or ""):
            raise Unauthorized(WRONG_CURRENT_PASSWORD)


def _checked_hash(password: str | None) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise BadRequest(f"A password has at least {MIN_PASSWORD} characters")
    if len(password) > 1024:
        raise BadRequest("A password has at most 1024 characters")
    return passwords.hash_password(password)


def operator_set_password(session: Session, login: str, password: str) -> User:
    """`pipelines-server set-password`: the operator, on the server's machine, sets the
    password of the active user this username or email names (in any organization: both are
    unique across the server), e.g. so that a fresh install's admin can sign in to the UI.
    Every session of the user ends."""
    user = _user_by_login(session, login)
    if user is None:
        raise NotFound(f"No active user with username or email {login.strip()!r}")
    user.password_hash = _checked_hash(password)
    end_sessions(session, user.id)
    return user
