"""Project files: one call uploads a file (ask for a signed URL, PUT the bytes, confirm)."""

from __future__ import annotations

import mimetypes
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import httpx
from pipelines_api.api.files import (
    confirm_project_file_upload,
    get_project_file_url,
    list_project_files,
    request_project_file_upload_url,
)
from pipelines_api.models import ProjectFileConfirm, ProjectFileUploadRequest

from ..errors import raise_for_status

CHUNK = 256 * 1024


def signed_url(client, url: str) -> str:
    """A signed URL as the server gave it: absolute, or under the server's root."""
    return url if "://" in url else client.base_url + url


def chunks(
    path: Path, progress: Callable[[int, int | None], None] | None, total: int
) -> Iterator[bytes]:
    sent = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            sent += len(chunk)
            yield chunk
            if progress:
                progress(sent, total)


async def achunks(
    path: Path, progress: Callable[[int, int | None], None] | None, total: int
) -> AsyncIterator[bytes]:
    for chunk in chunks(path, progress, total):
        yield chunk


def put_signed(client, url: str, headers: dict, path: Path, progress, *, timeout: float = 300):
    """PUT a file's bytes to a signed URL: no API key goes with it (the URL is the grant)."""
    total = path.stat().st_size
    headers = {"Content-Length": str(total), **headers}
    with httpx.Client(timeout=timeout, verify=getattr(client, "verify", True)) as plain:
        return raise_for_status(
            plain.put(
                signed_url(client, url), headers=headers, content=chunks(path, progress, total)
            )
        )


async def aput_signed(client, url: str, headers: dict, path: Path, progress, *, timeout=300.0):
    total = path.stat().st_size
    headers = {"Content-Length": str(total), **headers}
    async with httpx.AsyncClient(timeout=timeout, verify=getattr(client, "verify", True)) as plain:
        return raise_for_status(
            await plain.put(
                signed_url(client, url), headers=headers, content=achunks(path, progress, total)
            )
        )


def _request(path: Path, content_type: str | None) -> ProjectFileUploadRequest:
    kind = content_type or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return ProjectFileUploadRequest(
        filename=path.name, content_type=kind, size_bytes=path.stat().st_size
    )


def _put_headers(grant) -> dict:
    headers = grant.headers.to_dict() if hasattr(grant.headers, "to_dict") else grant.headers
    return dict(headers or {})


class Files:
    def __init__(self, client):
        self._client = client

    def list(self, project_id: int, **filters):
        return self._client.paginate(list_project_files, project_id=project_id, **filters)

    def url(self, project_id: int, file_id: str):
        return self._client.call(get_project_file_url, project_id=project_id, file_id=file_id)

    def upload(
        self,
        project_id: int,
        path: str | Path,
        *,
        content_type: str | None = None,
        progress: Callable[[int, int | None], None] | None = None,
        idempotency_key: str | None = None,
    ):
        """Upload a file to the project in one call; progress(bytes sent, total). The file.
        `idempotency_key` makes asking for the upload repeatable across calls."""
        path = Path(path)
        grant = self._client.call(
            request_project_file_upload_url,
            project_id=project_id,
            body=_request(path, content_type),
            idempotency_key=idempotency_key,
        )
        put_signed(self._client, grant.upload_url, _put_headers(grant), path, progress)
        return self._client.call(
            confirm_project_file_upload,
            project_id=project_id,
            file_id=grant.file_id,
            body=ProjectFileConfirm(size_bytes=path.stat().st_size),
        )


class AsyncFiles(Files):
    async def upload(
        self,
        project_id: int,
        path: str | Path,
        *,
        content_type: str | None = None,
        progress: Callable[[int, int | None], None] | None = None,
        idempotency_key: str | None = None,
    ):
        path = Path(path)
        grant = await self._client.call(
            request_project_file_upload_url,
            project_id=project_id,
            body=_request(path, content_type),
            idempotency_key=idempotency_key,
        )
        await aput_signed(self._client, grant.upload_url, _put_headers(grant), path, progress)
        return await self._client.call(
            confirm_project_file_upload,
            project_id=project_id,
            file_id=grant.file_id,
            body=ProjectFileConfirm(size_bytes=path.stat().st_size),
        )
