from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.project_file_gc import ProjectFileGc
from ...types import Response


def _get_kwargs(
    project_id: int,
    file_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/projects/{project_id}/files/{file_id}/enqueue-gc".format(
            project_id=quote(str(project_id), safe=""),
            file_id=quote(str(file_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ProjectFileGc | None:
    if response.status_code == 200:
        response_200 = ProjectFileGc.from_dict(response.json())

        return response_200

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
) -> Response[Error | ProjectFileGc]:
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
) -> Response[Error | ProjectFileGc]:
    """Deletes a file the deferred way (org admins, or the member who uploaded it; others 403): it stops
    being downloadable at once (URLs already handed out answer 410) and its bytes are removed once
    `gc_after` has passed (PIPELINES_PROJECT_FILE_GC_GRACE_SECONDS, default 3600) by one sweeper across
    the server's processes. Asking again keeps the first `gc_after`. A file that a subtask submission's
    `file_upload` field refers to is kept while that submission's task exists: 409.

    Args:
        project_id (int):
        file_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ProjectFileGc]
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
) -> Error | ProjectFileGc | None:
    """Deletes a file the deferred way (org admins, or the member who uploaded it; others 403): it stops
    being downloadable at once (URLs already handed out answer 410) and its bytes are removed once
    `gc_after` has passed (PIPELINES_PROJECT_FILE_GC_GRACE_SECONDS, default 3600) by one sweeper across
    the server's processes. Asking again keeps the first `gc_after`. A file that a subtask submission's
    `file_upload` field refers to is kept while that submission's task exists: 409.

    Args:
        project_id (int):
        file_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ProjectFileGc
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
) -> Response[Error | ProjectFileGc]:
    """Deletes a file the deferred way (org admins, or the member who uploaded it; others 403): it stops
    being downloadable at once (URLs already handed out answer 410) and its bytes are removed once
    `gc_after` has passed (PIPELINES_PROJECT_FILE_GC_GRACE_SECONDS, default 3600) by one sweeper across
    the server's processes. Asking again keeps the first `gc_after`. A file that a subtask submission's
    `file_upload` field refers to is kept while that submission's task exists: 409.

    Args:
        project_id (int):
        file_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ProjectFileGc]
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
) -> Error | ProjectFileGc | None:
    """Deletes a file the deferred way (org admins, or the member who uploaded it; others 403): it stops
    being downloadable at once (URLs already handed out answer 410) and its bytes are removed once
    `gc_after` has passed (PIPELINES_PROJECT_FILE_GC_GRACE_SECONDS, default 3600) by one sweeper across
    the server's processes. Asking again keeps the first `gc_after`. A file that a subtask submission's
    `file_upload` field refers to is kept while that submission's task exists: 409.

    Args:
        project_id (int):
        file_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ProjectFileGc
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            file_id=file_id,
            client=client,
        )
    ).parsed
