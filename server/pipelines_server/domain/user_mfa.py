"""A user's TOTP second factor, turned on and off: the rules the Pipelit surface's /mfa routes
and the web UI's account page share.

Setup stores a new secret, encrypted with the server's credential key, without turning MFA on;
a code of that secret turns it on (so a person who lost the secret before confirming is never
locked out); turning it off takes a current code too. Codes go through `mfa.verify` (replay
guard and per-user attempt limits) and the accepted step is remembered."""

from __future__ import annotations

from sqlalchemy.orm import Session, object_session

from ..engine.secrets import decrypt, encrypt
from ..shared.errors import BadRequest, Unauthorized
from ..shared.principal import Principal
from ..store.models import User
from . import mfa, web_sessions

ALREADY = "MFA is already enabled."
NOT_ENABLED = "MFA is not enabled."
INVALID_CODE = "Invalid TOTP code."
SETUP_FIRST = "Start the MFA setup first."
USER_NOT_FOUND = "User not found."


def caller(session: Session, principal: Principal) -> User:
    """The calling user (Unauthorized for a key whose user was removed)."""
    user = session.get(User, principal.user_id) if principal.user_id else None
    if user is None or user.removed_at is not None:
        raise Unauthorized(USER_NOT_FOUND)
    return user


def display_name(user: User) -> str:
    return user.username or user.email


def setup(user: User, secret_key: str, issuer: str = mfa.ISSUER) -> dict:
    """A new secret for the user (stored encrypted, not yet on): `{secret, provisioning_uri}`,
    shown to the person once to add to an authenticator app."""
    if user.mfa_enabled:
        raise BadRequest(ALREADY)
    secret = mfa.new_secret()
    user.mfa_secret = encrypt(secret, secret_key)
    return {
        "secret": secret,
        "provisioning_uri": mfa.provisioning_uri(secret, display_name(user), issuer),
    }


def check_code(user: User, code: str, secret_key: str, guard: mfa.Guard, error=BadRequest) -> None:
    """Accepts a code of the user's secret (remembering its step) or raises `error`."""
    secret = decrypt(user.mfa_secret, secret_key) if user.mfa_secret else None
    step = (
        mfa.verify(secret, code or "", user.id, user.mfa_last_step, guard)
        if secret is not None
        else None
    )
    if step is None:
        raise error(INVALID_CODE)
    user.mfa_last_step = step


def verify(
    user: User,
    code: str,
    secret_key: str,
    guard: mfa.Guard,
    setup_first: str = SETUP_FIRST,
    keep_session_id: int | None = None,
) -> None:
    """Turns MFA on with a code of the secret `setup` stored. The user's web UI sessions but
    `keep_session_id` (the one that turned it on) end: they were signed in without the second
    factor."""
    if user.mfa_enabled:
        raise BadRequest(ALREADY)
    if not user.mfa_secret:
        raise BadRequest(setup_first)
    check_code(user, code, secret_key, guard)
    user.mfa_enabled = True
    session = object_session(user)
    if session is not None:
        web_sessions.end_sessions(session, user.id, keep_session_id)


def clear(user: User) -> None:
    user.mfa_secret = None
    user.mfa_enabled = False
    user.mfa_last_step = None
    user.mfa_login_pending_until = None


def disable(user: User, code: str, secret_key: str, guard: mfa.Guard) -> None:
    """Turns MFA off with a current code."""
    if not user.mfa_enabled:
        raise BadRequest(NOT_ENABLED)
    check_code(user, code, secret_key, guard)
    clear(user)


def pending(user: User, secret_key: str, issuer: str = mfa.ISSUER) -> dict | None:
    """The secret `setup` stored and no code has confirmed yet (shown again to its own user
    when a confirmation failed), or None."""
    if user.mfa_enabled or not user.mfa_secret:
        return None
    secret = decrypt(user.mfa_secret, secret_key)
    return {
        "secret": secret,
        "provisioning_uri": mfa.provisioning_uri(secret, display_name(user), issuer),
    }
