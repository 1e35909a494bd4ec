"""Whole JSON replies written straight to an ASGI `send`, for the layers that answer before
connexion does (the edge middleware, the live event endpoints)."""

from __future__ import annotations

import json


async def send_json(send, status: int, body: dict, headers: dict[str, str] | None = None) -> None:
    """One complete response: `body` as JSON with its Content-Length, plus `headers`."""
    payload = json.dumps(body).encode()
    raw_headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
    ]
    raw_headers += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": payload})
