from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.project_file_download_url import ProjectFileDownloadUrl
from ...types import Response


def _get_kwargs(
    project_id: int,
    file_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/projects/{project_id}/files/{file_id}/url".format(
            project_id=quote(str(project_id), safe=""),
            file_id=quote(str(file_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ProjectFileDownloadUrl | None:
    if response.status_code == 200:
        response_200 = ProjectFileDownloadUrl.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

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
) -> Response[Error | ProjectFileDownloadUrl]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: int,
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | ProjectFileDownloadUrl]:
    """A signed download URL of a ready file, valid until `expires_at`
    (PIPELINES_PROJECT_FILE_URL_SECONDS). The download answers as an attachment (Content-Disposition
    with the sanitized name), with X-Content-Type-Options: nosniff, and with the claimed content type
    only when it is not one a browser runs (never text/html, SVG or XML; those are served as
    application/octet-stream). A file not yet confirmed is 409; a deleted one (gc requested) 404.

    Args:
        project_id (int):
        file_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ProjectFileDownloadUrl]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        file_id=file_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: int,
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | ProjectFileDownloadUrl | None:
    """A signed download URL of a ready file, valid until `expires_at`
    (PIPELINES_PROJECT_FILE_URL_SECONDS). The download answers as an attachment (Content-Disposition
    with the sanitized name), with X-Content-Type-Options: nosniff, and with the claimed content type
    only when it is not one a browser runs (never text/html, SVG or XML; those are served as
    application/octet-stream). A file not yet confirmed is 409; a deleted one (gc requested) 404.

    Args:
        project_id (int):
        file_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ProjectFileDownloadUrl
    """

    return sync_detailed(
        project_id=project_id,
        file_id=file_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | ProjectFileDownloadUrl]:
    """A signed download URL of a ready file, valid until `expires_at`
    (PIPELINES_PROJECT_FILE_URL_SECONDS). The download answers as an attachment (Content-Disposition
    with the sanitized name), with X-Content-Type-Options: nosniff, and with the claimed content type
    only when it is not one a browser runs (never text/html, SVG or XML; those are served as
    application/octet-stream). A file not yet confirmed is 409; a deleted one (gc requested) 404.

    Args:
        project_id (int):
        file_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ProjectFileDownloadUrl]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        file_id=file_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | ProjectFileDownloadUrl | None:
    """A signed download URL of a ready file, valid until `expires_at`
    (PIPELINES_PROJECT_FILE_URL_SECONDS). The download answers as an attachment (Content-Disposition
    with the sanitized name), with X-Content-Type-Options: nosniff, and with the claimed content type
    only when it is not one a browser runs (never text/html, SVG or XML; those are served as
    application/octet-stream). A file not yet confirmed is 409; a deleted one (gc requested) 404.

    Args:
        project_id (int):
        file_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ProjectFileDownloadUrl
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            file_id=file_id,
            client=client,
        )
    ).parsed
