from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.project_file import ProjectFile
from ...models.project_file_confirm import ProjectFileConfirm
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: int,
    file_id: str,
    *,
    body: ProjectFileConfirm | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/projects/{project_id}/files/{file_id}/confirm".format(
            project_id=quote(str(project_id), safe=""),
            file_id=quote(str(file_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ProjectFile | None:
    if response.status_code == 200:
        response_200 = ProjectFile.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

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
) -> Response[Error | ProjectFile]:
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
    body: ProjectFileConfirm | Unset = UNSET,
) -> Response[Error | ProjectFile]:
    """Marks an uploaded file ready (any member). The bytes must have arrived (else 409); `size_bytes`,
    when given, must equal the size received (else 409). The SHA-256 of the bytes is recorded.
    Confirming a ready file again answers it again.

    Args:
        project_id (int):
        file_id (str):
        body (ProjectFileConfirm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ProjectFile]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        file_id=file_id,
        body=body,
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
    body: ProjectFileConfirm | Unset = UNSET,
) -> Error | ProjectFile | None:
    """Marks an uploaded file ready (any member). The bytes must have arrived (else 409); `size_bytes`,
    when given, must equal the size received (else 409). The SHA-256 of the bytes is recorded.
    Confirming a ready file again answers it again.

    Args:
        project_id (int):
        file_id (str):
        body (ProjectFileConfirm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ProjectFile
    """

    return sync_detailed(
        project_id=project_id,
        file_id=file_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ProjectFileConfirm | Unset = UNSET,
) -> Response[Error | ProjectFile]:
    """Marks an uploaded file ready (any member). The bytes must have arrived (else 409); `size_bytes`,
    when given, must equal the size received (else 409). The SHA-256 of the bytes is recorded.
    Confirming a ready file again answers it again.

    Args:
        project_id (int):
        file_id (str):
        body (ProjectFileConfirm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ProjectFile]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        file_id=file_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ProjectFileConfirm | Unset = UNSET,
) -> Error | ProjectFile | None:
    """Marks an uploaded file ready (any member). The bytes must have arrived (else 409); `size_bytes`,
    when given, must equal the size received (else 409). The SHA-256 of the bytes is recorded.
    Confirming a ready file again answers it again.

    Args:
        project_id (int):
        file_id (str):
        body (ProjectFileConfirm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ProjectFile
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            file_id=file_id,
            client=client,
            body=body,
        )
    ).parsed
