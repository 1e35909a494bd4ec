"""Pipelit's /auth routes: setup of the first admin, login (with MFA's second step), the
caller, and TOTP MFA (domain/pipelit/accounts.py, domain/mfa.py)."""

from __future__ import annotations

import asyncio
import ipaddress

from ...domain import mfa
from ...domain.pipelit import accounts
from ...runtime import current
from ...shared.errors import RateLimited, Unauthorized
from ...web.auth import caller_session, client_ip

TOO_MANY_FAILURES = "Too many failed authentication attempts from this address"
FORWARDING_HEADERS = (b"x-forwarded-for", b"forwarded")


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


def _login(username: str, password: str) -> tuple[str, bool]:
    with current().db.session() as session:
        return accounts.login(session, username, password)


async def token(body: dict):
    """A wrong password counts toward the address's failed-authentication limit, as a wrong
    key does (web/auth.py): while the address is blocked, 429 with Retry-After."""
    from connexion import request

    limits = current().limits
    ip = client_ip(request.scope)
    retry = await limits.auth_blocked(ip)
    if retry is not None:
        raise RateLimited(TOO_MANY_FAILURES, retry)
    try:
        key, requires_mfa = await asyncio.to_thread(_login, body["username"], body["password"])
    except Unauthorized:
        await limits.auth_failed(ip)
        raise
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


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return any(address in ipaddress.ip_network(p) for p in current().settings.trusted_proxies)


def _peer_is_loopback() -> bool:
    """The request comes from this machine itself, not through a proxy.

    The server resolves the client behind a configured trusted proxy
    (PIPELINES_TRUSTED_PROXIES) from X-Forwarded-For; a proxy on this machine that is not
    configured as trusted would otherwise make every caller it forwards look local. So a
    request that carries X-Forwarded-For or Forwarded and whose address is a loopback one
    that is not a trusted proxy is refused (a trusted one was resolved to the real client)."""
    from connexion import request

    client = request.scope.get("client")
    try:
        address = ipaddress.ip_address(client[0]) if client else None
    except ValueError:
        return False
    if address is None or not address.is_loopback:
        return False
    forwarded = any(name in FORWARDING_HEADERS for name, _ in request.scope.get("headers", []))
    return not forwarded or _trusted(address)


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
