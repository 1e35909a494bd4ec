"""Pipelit's accounts over this server's users and API keys: setup of the first admin (whose
key is named `default`, as upstream's, and survives logins), login by username and password
(rotating the user's `session` key; with MFA on, the TOTP step must follow the password step
within MFA_LOGIN_WINDOW), TOTP MFA, user management and named keys.

A Pipelit user is a user of this server: `admin` is an org admin, `normal` a member; its email
is synthesized as `<username>@pipelit.invalid` (the reserved `.invalid` domain: never
deliverable). Usernames are unique across the server, so login by username needs no
organization. A key is a native API key (`pk_live_...`, stored hashed) and works on every
surface; KeyOut's `prefix` is its first 12 characters. Deleting a user revokes their keys and
removes them as the native API does (they stay listed here, cannot log in again, and every
route of that user answers 404 "User not found.")."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...shared.errors import (
    BadRequest,
    Conflict,
    FieldError,
    Forbidden,
    NotFound,
    Unauthorized,
    ValidationFailed,
)
from ...shared.principal import MEMBER, ORG_ADMIN, Principal
from ...shared.timestamps import utcnow
from ...store.models import ApiKey, Organization, User
from .. import keys, mfa, orgs, passwords, user_mfa
from .access import MAX_INT64, iso, organization_id, page, require_admin

ROLE_OUT = {ORG_ADMIN: "admin", MEMBER: "normal"}
ROLE_IN = {"admin": ORG_ADMIN, "normal": MEMBER}
EMAIL_DOMAIN = "pipelit.invalid"
SESSION_KEY = "session"
SETUP_KEY = "default"  # the key setup issues: like upstream, a login does not revoke it
MFA_LOGIN_WINDOW = timedelta(minutes=5)  # from the password step to the TOTP step

SETUP_DONE = "Setup already completed."
INVALID_CREDENTIALS = "Invalid credentials."
INVALID_CODE = user_mfa.INVALID_CODE
MFA_ALREADY = user_mfa.ALREADY
MFA_NOT_ENABLED = user_mfa.NOT_ENABLED
SETUP_FIRST = "Call /mfa/setup/ first."
RESET_LOCAL_ONLY = "MFA reset only allowed from localhost."
USER_NOT_FOUND = "User not found."
KEY_NOT_FOUND = "API key not found."
USERNAME_TAKEN = "Username already exists."
LAST_ADMIN = "Cannot demote the last admin user."
EXPIRES_PAST = "expires_at must be in the future."


# -- setup and login -----------------------------------------------------------------------


def _has_password_user(session: Session, org_id: int) -> bool:
    return (
        session.scalar(
            select(User.id)
            .where(User.org_id == org_id, User.password_hash.is_not(None))
            .where(User.removed_at.is_(None))
            .limit(1)
        )
        is not None
    )


def needs_setup(session: Session, configured_org: str) -> bool:
    """True while the Pipelit organization has no user who can log in with a password (the
    bootstrap's key-only admin does not count)."""
    org_id = organization_id(session, configured_org)
    return org_id is None or not _has_password_user(session, org_id)


def setup(session: Session, configured_org: str, username: str, password: str) -> str:
    """The first username/password admin of the Pipelit organization (created too when there
    is none); returns their new key, named `default` as upstream names it (logins rotate only
    `session` keys, so it stays valid)."""
    org_id = organization_id(session, configured_org)
    if org_id is None:
        org = Organization(name=configured_org if configured_org.strip() else "Pipelit")
        if configured_org.isdigit():
            org.name = "Pipelit"
        session.add(org)
        session.flush()
        org_id = org.id
    else:
        # Two setups at once: the second waits for the first here (PostgreSQL's row lock;
        # SQLite writes one transaction at a time) and then finds its admin.
        session.execute(select(Organization.id).where(Organization.id == org_id).with_for_update())
    if _has_password_user(session, org_id):
        raise Conflict(SETUP_DONE)
    user = _new_user(session, org_id, username, password, ORG_ADMIN, None, None)
    _key, raw = _issue(session, user, SETUP_KEY, None)
    return raw


def _login_user(session: Session, username: str) -> User | None:
    user = session.scalar(select(User).where(User.username == username))
    if user is None or user.removed_at is not None:
        return None
    return user


def login(session: Session, username: str, password: str) -> tuple[str, bool]:
    """(key, requires_mfa): with MFA on, no key yet ("", True), and the TOTP step
    (`mfa_login`) may follow for MFA_LOGIN_WINDOW."""
    user = _login_user(session, username)
    if not passwords.verify_password(user.password_hash if user else None, password):
        raise Unauthorized(INVALID_CREDENTIALS)
    if user.mfa_enabled:
        user.mfa_login_pending_until = utcnow() + MFA_LOGIN_WINDOW
        return "", True
    return rotate_session_key(session, user), False


def rotate_session_key(session: Session, user: User) -> str:
    """A new key named `session` for the user; their previous session keys are revoked (each
    login ends the previous login's key; other named keys are untouched)."""
    session.execute(
        update(ApiKey)
        .where(ApiKey.created_by_id == user.id, ApiKey.name == SESSION_KEY)
        .where(ApiKey.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    _key, raw = _issue(session, user, SESSION_KEY, None)
    return raw


# -- MFA -------------------------------------------------------------------------------------


def caller(session: Session, principal: Principal) -> User:
    return user_mfa.caller(session, principal)


display_name = user_mfa.display_name


def mfa_setup(session: Session, user: User, secret_key: str) -> dict:
    return user_mfa.setup(user, secret_key)


def _check_code(user: User, code: str, secret_key: str, guard: mfa.Guard, error) -> None:
    user_mfa.check_code(user, code, secret_key, guard, error)


def mfa_verify(user: User, code: str, secret_key: str, guard: mfa.Guard) -> None:
    user_mfa.verify(user, code, secret_key, guard, setup_first=SETUP_FIRST)


def mfa_disable(user: User, code: str, secret_key: str, guard: mfa.Guard) -> None:
    user_mfa.disable(user, code, secret_key, guard)


def mfa_reset(user: User, peer_is_loopback: bool) -> None:
    if not peer_is_loopback:
        raise Forbidden(RESET_LOCAL_ONLY)
    user_mfa.clear(user)


def mfa_login(session: Session, username: str, code: str, secret_key: str, guard: mfa.Guard) -> str:
    """The TOTP step of a login: only after `login` accepted the user's password within
    MFA_LOGIN_WINDOW (a username and a code alone are not enough); consumes that window."""
    user = _login_user(session, username)
    if user is None or not user.mfa_enabled or not user.mfa_secret:
        raise Unauthorized(INVALID_CREDENTIALS)
    pending = user.mfa_login_pending_until
    if pending is None or _aware(pending) <= utcnow():
        raise Unauthorized(INVALID_CREDENTIALS)
    _check_code(user, code, secret_key, guard, Unauthorized)
    user.mfa_login_pending_until = None
    return rotate_session_key(session, user)


def _aware(when: datetime) -> datetime:
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


# -- users -----------------------------------------------------------------------------------


def _key_counts(session: Session, user_ids: list[int]) -> dict[int, int]:
    if not user_ids:
        return {}
    rows = session.execute(
        select(ApiKey.created_by_id, func.count())
        .where(ApiKey.created_by_id.in_(user_ids), ApiKey.revoked_at.is_(None))
        .group_by(ApiKey.created_by_id)
    )
    return {uid: n for uid, n in rows}


def user_out(user: User, key_count: int) -> dict:
    return {
        "id": user.id,
        "username": display_name(user),
        "role": ROLE_OUT.get(user.role, "normal"),
        "first_name": user.first_name or "",
        "last_name": user.last_name or "",
        "created_at": iso(user.created_at),
        "mfa_enabled": bool(user.mfa_enabled),
        "key_count": key_count,
    }


def users_out(session: Session, users: list[User]) -> list[dict]:
    counts = _key_counts(session, [u.id for u in users])
    return [user_out(u, counts.get(u.id, 0)) for u in users]


def one_user_out(session: Session, user: User) -> dict:
    return users_out(session, [user])[0]


def list_users(
    session: Session, principal: Principal, limit: int | None, offset: int | None
) -> tuple[list[User], int]:
    require_admin(principal)
    stmt = select(User).where(User.org_id == principal.org_id).order_by(User.id)
    return page(session, stmt, limit, offset)


def get_user(session: Session, principal: Principal, user_id: int) -> User:
    require_admin(principal)
    user = session.get(User, user_id) if 0 < user_id <= MAX_INT64 else None
    if user is None or user.org_id != principal.org_id or user.removed_at is not None:
        raise NotFound(USER_NOT_FOUND)  # a deleted user stays listed, but is not edited
    return user


def _new_user(
    session: Session,
    org_id: int,
    username: str,
    password: str,
    role: str,
    first_name: str | None,
    last_name: str | None,
) -> User:
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise Conflict(USERNAME_TAKEN)
    user = User(
        org_id=org_id,
        email=f"{username}@{EMAIL_DOMAIN}",
        name=(" ".join(p for p in (first_name, last_name) if p) or username)[:200],
        role=role,
        username=username,
        password_hash=passwords.hash_password(password),
        first_name=first_name or "",
        last_name=last_name or "",
    )
    session.add(user)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:  # a concurrent create, or the email of another user
        raise Conflict(USERNAME_TAKEN) from exc
    return user


def create_user(session: Session, principal: Principal, body: dict) -> User:
    require_admin(principal)
    return _new_user(
        session,
        principal.org_id,
        body["username"],
        body["password"],
        ROLE_IN[body.get("role") or "normal"],
        body.get("first_name"),
        body.get("last_name"),
    )


def _admins_left(session: Session, org_id: int, excluding: int) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.org_id == org_id, User.role == ORG_ADMIN, User.removed_at.is_(None))
            .where(User.id != excluding)
        )
        or 0
    )


def update_profile(user: User, body: dict) -> None:
    if body.get("password") is not None:
        user.password_hash = passwords.hash_password(body["password"])
    if body.get("first_name") is not None:
        user.first_name = body["first_name"]
    if body.get("last_name") is not None:
        user.last_name = body["last_name"]


def update_user(session: Session, principal: Principal, user_id: int, body: dict) -> User:
    user = get_user(session, principal, user_id)
    role = body.get("role")
    if role is not None:
        new_role = ROLE_IN[role]
        if (
            user.role == ORG_ADMIN
            and new_role != ORG_ADMIN
            and _admins_left(session, user.org_id, user.id) == 0
        ):
            raise Conflict(LAST_ADMIN)
        user.role = new_role
    update_profile(user, body)
    return user


def delete_user(session: Session, principal: Principal, user_id: int) -> None:
    """Deactivate: every key of the user revoked, the user removed as the native API removes
    (still listed here; can no longer log in). The last admin stays."""
    user = get_user(session, principal, user_id)  # a deleted user: 404
    if user.role == ORG_ADMIN and _admins_left(session, user.org_id, user.id) == 0:
        raise Conflict(LAST_ADMIN)
    session.execute(
        update(ApiKey)
        .where(ApiKey.created_by_id == user.id, ApiKey.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    orgs.remove_user(session, principal, user.org_id, user.id)


# -- keys ------------------------------------------------------------------------------------


def key_out(key: ApiKey, raw: str | None = None) -> dict:
    out = {
        "id": key.id,
        "name": key.name,
        "prefix": key.prefix or (keys.PREFIX + "…" + key.last4),
        "created_at": iso(key.created_at),
        "last_used_at": iso(key.last_used_at),
        "expires_at": iso(key.expires_at),
        "is_active": key.revoked_at is None,
    }
    if raw is not None:
        out["key"] = raw
    return out


def parse_expiry(value: str | None) -> datetime | None:
    """Pipelit's `expires_at`: ISO-8601, UTC when it has no offset; in the future."""
    if value is None:
        return None
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValidationFailed(
            "expires_at",
            [FieldError("Input should be a valid datetime", loc=("body", "expires_at"))],
        ) from None
    try:
        when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00, 9999-12-31T23:59-01:00: outside UTC's range
        raise ValidationFailed(
            "expires_at",
            [FieldError("Input should be a valid datetime", loc=("body", "expires_at"))],
        ) from None
    if when <= utcnow():
        raise BadRequest(EXPIRES_PAST)
    return when


def _issue(
    session: Session, user: User, name: str, expires_at: datetime | None
) -> tuple[ApiKey, str]:
    return keys.new_key(session, user.org_id, user.id, name, expires_at)


def create_key(session: Session, user: User, body: dict) -> tuple[ApiKey, str]:
    return _issue(session, user, body["name"], parse_expiry(body.get("expires_at")))


def list_keys(session: Session, user: User) -> list[ApiKey]:
    return list(
        session.scalars(
            select(ApiKey)
            .where(ApiKey.created_by_id == user.id)
            .order_by(ApiKey.created_at.desc(), ApiKey.id.desc())
        )
    )


def revoke_key(session: Session, user: User, key_id: int) -> None:
    key = session.get(ApiKey, key_id) if 0 < key_id <= MAX_INT64 else None
    if key is None or key.created_by_id != user.id:
        raise NotFound(KEY_NOT_FOUND)
    if key.revoked_at is None:
        key.revoked_at = utcnow()
