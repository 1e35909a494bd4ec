"""The ASGI edge in front of connexion: per-surface headers, the body size cap, rate limits,
and the signed upload URL (a streaming PUT that never goes through the JSON stack)."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qs

import anyio

from ..domain import uploads
from ..runtime import current
from ..shared.errors import DomainError
from ..web.auth import client_ip, presented_keys
from ..web.errors import HttpError, to_http_error
from ..web.replies import send_json
from . import storage_files, surfaces
from .httpproto import too_large_error
from .storage_files import BodyTooLarge
from .surfaces import Surface

STORAGE_PREFIX = "/storage/uploads/"


def _bucket(raw_headers: list[tuple[bytes, bytes]]) -> str | None:
    """The per-key bucket: the one key the request presents, as authentication reads it.
    None without a key, and also with several different ones, which authentication refuses
    (else a valid key plus a junk one would be counted under the junk one)."""
    presented = presented_keys(raw_headers)
    if len(presented) != 1:
        return None
    return "key:" + hashlib.sha256(presented.pop()).hexdigest()[:32]


class EdgeMiddleware:
    def __init__(self, app):
        # The body cap and the rate limits apply per surface: with no surface registered they
        # would silently apply to nothing, so refuse to start instead (fail closed).
        if not surfaces.registered():
            raise RuntimeError("EdgeMiddleware: no surfaces registered (edge.surfaces.register)")
        self.app = app

    async def respond(self, send, surface: Surface | None, err: HttpError) -> None:
        # Surface headers (Deprecation, Link) are added by the wrapped `send`.
        await send_json(send, *surfaces.shape(surface, err))

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope["path"]
        rt = current()
        limit = rt.settings.max_header_bytes
        if sum(len(k) + len(v) + 4 for k, v in scope["headers"]) > limit:
            surface = surfaces.find("/api/v1" if path.startswith(STORAGE_PREFIX) else path)
            if surface is not None and surface.headers:
                send = _with_headers(send, surface.headers)
            return await self.respond(send, surface, too_large_error(limit))
        if path.startswith(STORAGE_PREFIX):
            return await self.storage_put(scope, receive, send)
        if path.startswith(storage_files.PROJECT_FILES_PREFIX):
            return await storage_files.serve_project_file(scope, receive, send)
        surface = surfaces.find(path)
        if surface is None:
            return await self.app(scope, receive, send)
        headers = dict(scope["headers"])

        if surface.headers:
            send = _with_headers(send, surface.headers)

        cap = rt.settings.max_body_bytes
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > cap:
            return await self.respond(send, surface, _too_large(cap))

        # Per key when one key is supplied (valid or not), per client IP otherwise.
        bucket = _bucket(scope["headers"])
        if bucket is not None:
            retry = await rt.limits.hit(rt.limits.per_key, bucket)
        else:
            retry = await rt.limits.hit(rt.limits.per_ip, "ip", client_ip(scope))
        if retry is not None:
            return await self.respond(
                send,
                surface,
                HttpError(
                    429,
                    "rate_limit_exceeded",
                    f"Rate limit exceeded; retry after {retry} seconds",
                    retry_after=retry,
                ),
            )

        if length is None and scope["method"] in ("POST", "PUT", "PATCH"):
            # A chunked body: read it here, within the cap, and hand it on with a
            # Content-Length (connexion treats a body without one as absent).
            chunks, size = [], 0
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if size > cap:
                    return await self.respond(send, surface, _too_large(cap))
                if not message.get("more_body", False):
                    break
            body = b"".join(chunks)
            scope = {
                **scope,
                "headers": [
                    (k, v)
                    for k, v in scope["headers"]
                    if k not in (b"transfer-encoding", b"content-length")
                ]
                + [(b"content-length", str(len(body)).encode())],
            }
            replayed = False
            inner_receive = receive

            async def receive():  # noqa: F811 - replays the buffered body once
                nonlocal replayed
                if replayed:
                    return await inner_receive()  # then only the eventual disconnect
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}

        seen = 0

        async def capped_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:  # a body longer than its Content-Length claimed
                    raise BodyTooLarge(_too_large(cap).message)
            return message

        await self.app(scope, capped_receive, send)

    async def storage_put(self, scope, receive, send):
        """PUT /storage/uploads/{upload_id}?expires=..&signature=..: the presigned URL of the
        ZIP flow. Streams to disk with its own size cap, not the JSON body cap."""
        rt = current()
        surface = surfaces.find("/api/v1")
        upload_id = scope["path"][len(STORAGE_PREFIX) :]
        if scope["method"] != "PUT":
            return await self.respond(
                send,
                surface,
                HttpError(405, "invalid_request", "Use PUT to upload the archive to this URL"),
            )
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        cfg = rt.uploads

        def check():
            with rt.db.session() as session:
                uploads.check_signature(
                    session,
                    cfg,
                    upload_id,
                    (query.get("expires") or [""])[0],
                    (query.get("signature") or [None])[0],
                )

        try:
            await anyio.to_thread.run_sync(check)
        except DomainError as exc:
            return await self.respond(send, surface, to_http_error(exc))
        try:
            size, sha = await storage_files.receive_to_file(
                receive, cfg.archive_path(upload_id), cfg.max_upload_bytes, "The archive"
            )
        except BodyTooLarge as exc:
            return await self.respond(send, surface, to_http_error(exc))
        except ConnectionError:
            return

        def record():
            with rt.db.session() as session:
                uploads.record_received(session, upload_id, size)

        await anyio.to_thread.run_sync(record)
        await send_json(
            send,
            200,
            {"upload_id": upload_id, "size": size, "sha256": sha},
            {"etag": f'"{sha}"'},
        )


def _with_headers(send, headers: dict[str, str]):
    """`send`, decorating the response with a surface's own headers (Deprecation, Link)."""
    extra = [(k.lower().encode(), v.encode()) for k, v in headers.items()]

    async def decorated(message):
        if message["type"] == "http.response.start":
            message = {**message, "headers": list(message.get("headers", [])) + extra}
        await send(message)

    return decorated


def _too_large(cap: int) -> HttpError:
    return HttpError(413, "payload_too_large", f"Request body exceeds the limit of {cap} bytes")
