"""Raw bodies of the signed storage URLs, outside the JSON stack: streaming a PUT to disk
within a cap (the ZIP flow's archive and project files share it), and the project files'
signed PUT and GET (/storage/project-files/{file_id}?op=put|get&expires=..&signature=..)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from urllib.parse import parse_qs

import anyio

from ..domain import project_files
from ..runtime import current
from ..shared.errors import DomainError, Forbidden, PayloadTooLarge
from ..web.errors import HttpError, to_http_error
from ..web.replies import send_json

PROJECT_FILES_PREFIX = "/storage/project-files/"
CHUNK = 256 * 1024


class BodyTooLarge(PayloadTooLarge):
    pass


async def receive_to_file(receive, final: Path, cap: int, what: str) -> tuple[int, str]:
    """Streams the request body to `final` (through a part file, renamed at the end): its
    size and SHA-256. BodyTooLarge past `cap` bytes, ConnectionError when the client goes
    away; either way nothing is left behind."""
    final.parent.mkdir(parents=True, exist_ok=True)
    part = final.with_name(f"{final.name}.part-{os.getpid()}-{id(receive)}")
    size = 0
    digest = hashlib.sha256()
    try:
        async with await anyio.open_file(part, "wb") as fh:
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    raise ConnectionError("client went away")
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > cap:
                    raise BodyTooLarge(f"{what} exceeds the upload limit of {cap} bytes")
                digest.update(chunk)
                await fh.write(chunk)
                if not message.get("more_body", False):
                    break
        os.replace(part, final)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return size, digest.hexdigest()


def _error_body(err: HttpError) -> tuple[int, dict]:
    return err.status, {"detail": err.message}


async def serve_project_file(scope, receive, send) -> None:
    rt = current()
    cfg = rt.project_files
    file_id = scope["path"][len(PROJECT_FILES_PREFIX) :]
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    op = (query.get("op") or [""])[0]
    method = scope["method"]
    wanted = {"PUT": "put", "GET": "get", "HEAD": "get"}.get(method)
    if wanted is None:
        return await send_json(
            send, 405, {"detail": "Use PUT to upload or GET to download"}, {"allow": "GET, PUT"}
        )
    try:
        if op != wanted:
            raise Forbidden("This URL is not for this method")
        file_id = project_files.check_url(
            cfg,
            op,
            file_id,
            (query.get("expires") or [""])[0],
            (query.get("signature") or [None])[0],
        )
    except DomainError as exc:
        return await send_json(send, *_error_body(to_http_error(exc)))
    if wanted == "put":
        return await _put(rt, cfg, file_id, receive, send)
    return await _get(rt, cfg, file_id, send, head=method == "HEAD")


async def _put(rt, cfg, file_id, receive, send) -> None:
    def begin():
        with rt.db.session() as session:
            return project_files.begin_put(session, file_id)

    def end(size, sha):
        with rt.db.session() as session:
            project_files.end_put(session, file_id, size, sha)

    try:
        declared = await anyio.to_thread.run_sync(begin)
    except DomainError as exc:
        return await send_json(send, *_error_body(to_http_error(exc)))
    cap = cfg.max_bytes if declared is None else min(declared, cfg.max_bytes)
    try:
        size, sha = await receive_to_file(receive, cfg.path(file_id), cap, "The file")
    except BodyTooLarge as exc:
        await anyio.to_thread.run_sync(end, None, None)
        return await send_json(send, *_error_body(to_http_error(exc)))
    except ConnectionError:
        await anyio.to_thread.run_sync(end, None, None)
        return
    except BaseException:
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(end, None, None)
        raise
    await anyio.to_thread.run_sync(end, size, sha)
    await send_json(
        send, 200, {"file_id": file_id, "size_bytes": size, "sha256": sha}, {"etag": f'"{sha}"'}
    )


async def _get(rt, cfg, file_id, send, head: bool) -> None:
    def find():
        with rt.db.session() as session:
            f = project_files.downloadable(session, file_id)
            return f.filename, f.content_type, f.sha256

    try:
        filename, content_type, sha = await anyio.to_thread.run_sync(find)
    except DomainError as exc:
        return await send_json(send, *_error_body(to_http_error(exc)))
    path = cfg.path(file_id)
    try:
        fh = await anyio.open_file(path, "rb")
    except FileNotFoundError:
        return await send_json(send, 410, {"detail": "This file has been deleted"})
    async with fh:
        size = os.fstat(fh.wrapped.fileno()).st_size
        headers = [
            (b"content-type", project_files.served_content_type(content_type).encode()),
            (b"content-length", str(size).encode()),
            (b"content-disposition", project_files.content_disposition(filename).encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"content-security-policy", b"default-src 'none'; sandbox"),
            (b"cache-control", b"private, no-store"),
        ]
        if sha:
            headers.append((b"etag", f'"{sha}"'.encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        if head:
            return await send({"type": "http.response.body", "body": b""})
        while True:
            chunk = await fh.read(CHUNK)
            more = len(chunk) == CHUNK
            await send({"type": "http.response.body", "body": chunk, "more_body": more})
            if not more:
                break
