"""The sign-in pages (and the account page's password form, whose wrong current password is
a refused password too) share the failed-authentication limit of every surface
(PIPELINES_RATE_LIMIT_FAILED_AUTH, per client address, in Redis when configured): a refused
password, code or key counts as a failed authentication, and while the address is blocked the
sign-in forms answer 429 with Retry-After without checking anything.

This is ASGI middleware rather than code in the Flask views because the limiter is async and
bound to the server's event loop; here it is awaited where it lives."""

from __future__ import annotations

from ..runtime import current
from ..web.auth import client_ip

# A wrong current password on the account page's password and TOTP setup forms counts too
# (401).
SIGN_IN_PATHS = frozenset(
    {"/ui/sign-in", "/ui/sign-in/code", "/ui/account/password", "/ui/account/totp/setup"}
)
FAILED = 401


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
        limits = current().limits
        ip = client_ip(scope)
        retry = await limits.auth_blocked(ip)
        if retry is not None:
            body = (
                "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
                "<title>Too many attempts</title></head><body><main><h1>Too many attempts</h1>"
                f"<p role='alert'>Too many failed sign-ins from this address; try again in "
                f"{int(retry)} seconds.</p><p><a href='/ui/sign-in'>Back to sign in</a></p>"
                "</main></body></html>"
            ).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 429,
                    "headers": [
                        (b"content-type", b"text/html; charset=utf-8"),
                        (b"retry-after", str(int(retry)).encode()),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return None
        status = {}

        async def watch(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        await self.app(scope, receive, watch)
        if status.get("code") == FAILED:
            await limits.auth_failed(ip)
        return None
