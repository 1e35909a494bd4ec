"""Pipelit's /auth routes: setup of the first admin, login (with MFA's second step), the
caller, and TOTP MFA (domain/pipelit/accounts.py, domain/mfa.py)."""

from __future__ import annotations

import ipaddress

from ...domain import mfa
from ...domain.pipelit import accounts
from ...runtime import current
from ...web.auth import caller_session


def _guard() -> mfa.Guard:
    return mfa.guard(current().settings.redis_url)


def _token(key: str, requires_mfa: bool = False) -> dict:
    return {"key": key, "requires_mfa": requires_mfa}


def setup_status():
    rt = current()
    with rt.db.session() as session:
        needed = accounts.needs_setup(session, rt.settings.pipelit_org)
    return {"needs_setup": needed, "environment": None}, 200


def setup(body: dict):
    rt = current()
    with rt.db.session() as session:
        key = accounts.setup(session, rt.settings.pipelit_org, body["username"], body["password"])
    return _token(key), 200


def token(body: dict):
    with current().db.session() as session:
        key, requires_mfa = accounts.login(session, body["username"], body["password"])
    return _token(key, requires_mfa), 200


def me():
    with caller_session() as (session, principal):
        user = accounts.caller(session, principal)
        return {"username": accounts.display_name(user), "mfa_enabled": user.mfa_enabled}, 200


def mfa_setup():
    with caller_session() as (session, principal):
        user = accounts.caller(session, principal)
        return accounts.mfa_setup(session, user, current().credential_key), 200


def mfa_verify(body: dict):
    with caller_session() as (session, principal):
        user = accounts.caller(session, principal)
        accounts.mfa_verify(user, body["code"], current().credential_key, _guard())
    return {"mfa_enabled": True}, 200


def mfa_disable(body: dict):
    with caller_session() as (session, principal):
        user = accounts.caller(session, principal)
        accounts.mfa_disable(user, body["code"], current().credential_key, _guard())
    return {"mfa_enabled": False}, 200


def mfa_status():
    with caller_session() as (session, principal):
        return {"mfa_enabled": accounts.caller(session, principal).mfa_enabled}, 200


def _peer_is_loopback() -> bool:
    from connexion import request

    client = request.scope.get("client")
    try:
        return bool(client) and ipaddress.ip_address(client[0]).is_loopback
    except ValueError:
        return False


def mfa_reset():
    loopback = _peer_is_loopback()
    with caller_session() as (session, principal):
        accounts.mfa_reset(accounts.caller(session, principal), loopback)
    return {"mfa_enabled": False}, 200


def mfa_login_verify(body: dict):
    with current().db.session() as session:
        key = accounts.mfa_login(
            session, body["username"], body["code"], current().credential_key, _guard()
        )
    return _token(key), 200
