from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.task_detail import TaskDetail
from ...types import Response


def _get_kwargs(
    project_id: int,
    workflow_id: int,
    task_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/projects/{project_id}/workflows/{workflow_id}/tasks/{task_id}/cancel".format(
            project_id=quote(str(project_id), safe=""),
            workflow_id=quote(str(workflow_id), safe=""),
            task_id=quote(str(task_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TaskDetail | None:
    if response.status_code == 200:
        response_200 = TaskDetail.from_dict(response.json())

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
) -> Response[Error | TaskDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: int,
    workflow_id: int,
    task_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | TaskDetail]:
    """Cancel a task; its open nodes become na and nothing more of it runs

     The task's status becomes `cancelled` (the External API v1 shows it as `failed`). A node already
    running finishes, but its result is not recorded. 409 when the task already ended.

    Args:
        project_id (int):
        workflow_id (int):
        task_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TaskDetail]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        task_id=task_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: int,
    workflow_id: int,
    task_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Error | TaskDetail | None:
    """Cancel a task; its open nodes become na and nothing more of it runs

     The task's status becomes `cancelled` (the External API v1 shows it as `failed`). A node already
    running finishes, but its result is not recorded. 409 when the task already ended.

    Args:
        project_id (int):
        workflow_id (int):
        task_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TaskDetail
    """

    return sync_detailed(
        project_id=project_id,
        workflow_id=workflow_id,
        task_id=task_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    workflow_id: int,
    task_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | TaskDetail]:
    """Cancel a task; its open nodes become na and nothing more of it runs

     The task's status becomes `cancelled` (the External API v1 shows it as `failed`). A node already
    running finishes, but its result is not recorded. 409 when the task already ended.

    Args:
        project_id (int):
        workflow_id (int):
        task_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TaskDetail]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        task_id=task_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    workflow_id: int,
    task_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Error | TaskDetail | None:
    """Cancel a task; its open nodes become na and nothing more of it runs

     The task's status becomes `cancelled` (the External API v1 shows it as `failed`). A node already
    running finishes, but its result is not recorded. 409 when the task already ended.

    Args:
        project_id (int):
        workflow_id (int):
        task_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TaskDetail
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            workflow_id=workflow_id,
            task_id=task_id,
            client=client,
        )
    ).parsed
