from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.project_file_upload_request import ProjectFileUploadRequest
from ...models.project_file_upload_url import ProjectFileUploadUrl
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: int,
    *,
    body: ProjectFileUploadRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/projects/{project_id}/files/upload-url".format(
            project_id=quote(str(project_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ProjectFileUploadUrl | None:
    if response.status_code == 201:
        response_201 = ProjectFileUploadUrl.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | ProjectFileUploadUrl]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ProjectFileUploadRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | ProjectFileUploadUrl]:
    """Starts an upload (any member): answers a signed, expiring, single-use `upload_url` served by this
    server. PUT the raw bytes to it (no API key needed; send `headers`); then confirm. The filename is
    reduced to its last path segment without control characters; the bytes are stored by file id, never
    under the given name. The size is capped by PIPELINES_PROJECT_FILE_MAX_BYTES (default 100 MiB) and,
    when `size_bytes` is given, by it. Reusing the URL answers 410; an expired or altered URL 403; an
    archived project 409.

    Args:
        project_id (int):
        idempotency_key (str | Unset):
        body (ProjectFileUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ProjectFileUploadUrl]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ProjectFileUploadRequest,
    idempotency_key: str | Unset = UNSET,
) -> Error | ProjectFileUploadUrl | None:
    """Starts an upload (any member): answers a signed, expiring, single-use `upload_url` served by this
    server. PUT the raw bytes to it (no API key needed; send `headers`); then confirm. The filename is
    reduced to its last path segment without control characters; the bytes are stored by file id, never
    under the given name. The size is capped by PIPELINES_PROJECT_FILE_MAX_BYTES (default 100 MiB) and,
    when `size_bytes` is given, by it. Reusing the URL answers 410; an expired or altered URL 403; an
    archived project 409.

    Args:
        project_id (int):
        idempotency_key (str | Unset):
        body (ProjectFileUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ProjectFileUploadUrl
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ProjectFileUploadRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | ProjectFileUploadUrl]:
    """Starts an upload (any member): answers a signed, expiring, single-use `upload_url` served by this
    server. PUT the raw bytes to it (no API key needed; send `headers`); then confirm. The filename is
    reduced to its last path segment without control characters; the bytes are stored by file id, never
    under the given name. The size is capped by PIPELINES_PROJECT_FILE_MAX_BYTES (default 100 MiB) and,
    when `size_bytes` is given, by it. Reusing the URL answers 410; an expired or altered URL 403; an
    archived project 409.

    Args:
        project_id (int):
        idempotency_key (str | Unset):
        body (ProjectFileUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ProjectFileUploadUrl]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ProjectFileUploadRequest,
    idempotency_key: str | Unset = UNSET,
) -> Error | ProjectFileUploadUrl | None:
    """Starts an upload (any member): answers a signed, expiring, single-use `upload_url` served by this
    server. PUT the raw bytes to it (no API key needed; send `headers`); then confirm. The filename is
    reduced to its last path segment without control characters; the bytes are stored by file id, never
    under the given name. The size is capped by PIPELINES_PROJECT_FILE_MAX_BYTES (default 100 MiB) and,
    when `size_bytes` is given, by it. Reusing the URL answers 410; an expired or altered URL 403; an
    archived project 409.

    Args:
        project_id (int):
        idempotency_key (str | Unset):
        body (ProjectFileUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ProjectFileUploadUrl
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
