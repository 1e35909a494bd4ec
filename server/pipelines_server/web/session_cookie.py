"""The web UI's session cookie as ASGI code reads it (before Flask parses anything): the UI's
rate limits and its live event stream both find the signed-in browser by it."""

from __future__ import annotations

COOKIE = "pipelines_session"  # ui.core.COOKIE, the cookie the sign-in sets


def token(scope) -> str | None:
    """The session cookie's value from the request's Cookie header(s), or None."""
    for key, value in scope.get("headers", []):
        if key != b"cookie":
            continue
        for part in value.decode("latin-1").split(";"):
            name, _, val = part.strip().partition("=")
            if name == COOKIE and val:
                return val.strip('"')
    return None
