"""The web UI's rate limits, as ASGI middleware (the limiter is async and bound to the
server's event loop; here it is awaited where it lives; the edge middleware covers only the
API surfaces).

- `UiLimits`: every /ui request (and /cli-login) counts toward the same budgets as the APIs:
  a signed-in browser's toward PIPELINES_RATE_LIMIT_PER_KEY, keyed by its session's API key
  (every session of one pasted key shares it), an anonymous one's toward
  PIPELINES_RATE_LIMIT_PER_IP, keyed by the client address (the API's per-IP bucket). Past it:
  a 429 page with Retry-After. The UI's static files are not counted.
- `SignInLimits`: the sign-in pages (and the account page's password and TOTP setup forms,
  whose wrong current password is a refused password too) share the failed-authentication
  limit of every surface (PIPELINES_RATE_LIMIT_FAILED_AUTH, per client address, in Redis when
  configured). Each attempt is counted BEFORE its password or code is checked, so concurrent
  attempts cannot together pass the limit; an attempt that succeeds stays counted (a person
  signing in a few times a minute is far below the limit). While the address is blocked the
  forms answer 429 with Retry-After without checking anything."""

from __future__ import annotations

import anyio
from sqlalchemy import select

from ..domain import web_sessions
from ..runtime import current
from ..store.models import WebSession
from ..web import session_cookie
from ..web.auth import client_ip

SIGN_IN_PATHS = frozenset(
    {"/ui/sign-in", "/ui/sign-in/code", "/ui/account/password", "/ui/account/totp/setup"}
)
STATIC_PREFIX = "/ui/static/"


async def too_many(send, retry: int, message: str) -> None:
    """The 429 page (plain HTML: no template, no session needed)."""
    body = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Too many requests</title></head><body><main><h1>Too many requests</h1>"
        f"<p role='alert'>{message} Try again in {int(retry)} seconds.</p>"
        "<p><a href='/ui/'>Back</a></p></main></body></html>"
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 429,
            "headers": [
                (b"content-type", b"text/html; charset=utf-8"),
                (b"retry-after", str(int(retry)).encode()),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _session_key_id(token: str) -> int | None:
    """The API key a session cookie's session acts through (an ended session's too: it is
    counted under its key until its row is gone), or None for an unknown cookie."""
    if len(token) > 200:
        return None
    digest = web_sessions.hash_token(token)
    return current().db.read(
        lambda conn: conn.execute(
            select(WebSession.api_key_id).where(WebSession.token_hash == digest)
        ).scalar()
    )


def _ui_path(path: str) -> bool:
    if path.startswith(STATIC_PREFIX):
        return False
    return path == "/ui" or path.startswith("/ui/") or path.startswith("/cli-login")


class UiLimits:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not _ui_path(scope.get("path", "")):
            return await self.app(scope, receive, send)
        limits = current().limits
        token = session_cookie.token(scope)
        key_id = await anyio.to_thread.run_sync(_session_key_id, token) if token else None
        if key_id is not None:
            retry = await limits.hit(limits.per_key, "ui-key", str(key_id))
        else:
            retry = await limits.hit(limits.per_ip, "ip", client_ip(scope))
        if retry is not None:
            return await too_many(send, retry, "Too many requests from this browser.")
        return await self.app(scope, receive, send)


class SignInLimits:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if (
            scope["type"] != "http"
            or scope["method"] != "POST"
            or scope["path"] not in SIGN_IN_PATHS
        ):
            return await self.app(scope, receive, send)
        # Counted first (see above): a blocked address is refused without counting more.
        limits = current().limits
        ip = client_ip(scope)
        retry = await limits.auth_blocked(ip)
        if retry is None:
            retry = await limits.auth_failed(ip)
        if retry is not None:
            return await too_many(send, retry, "Too many sign-in attempts from this address.")
        return await self.app(scope, receive, send)
