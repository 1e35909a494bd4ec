from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.task_tags import TaskTags
from ...models.task_tags_set import TaskTagsSet
from ...types import Response


def _get_kwargs(
    project_id: int,
    workflow_id: int,
    task_id: int,
    *,
    body: TaskTagsSet,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/projects/{project_id}/workflows/{workflow_id}/tasks/{task_id}/tags".format(
            project_id=quote(str(project_id), safe=""),
            workflow_id=quote(str(workflow_id), safe=""),
            task_id=quote(str(task_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TaskTags | None:
    if response.status_code == 200:
        response_200 = TaskTags.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
) -> Response[Error | TaskTags]:
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
    body: TaskTagsSet,
) -> Response[Error | TaskTags]:
    """Set the task's tags (replaces them all)

     Any user of the organization may set a task's tags. Every id must be a tag of the task's own
    workflow: otherwise 422, naming each wrong id's position in `tag_ids`. Repeated ids count once; an
    empty list removes every tag. Answers the task's tags.

    Args:
        project_id (int):
        workflow_id (int):
        task_id (int):
        body (TaskTagsSet):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TaskTags]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        task_id=task_id,
        body=body,
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
    body: TaskTagsSet,
) -> Error | TaskTags | None:
    """Set the task's tags (replaces them all)

     Any user of the organization may set a task's tags. Every id must be a tag of the task's own
    workflow: otherwise 422, naming each wrong id's position in `tag_ids`. Repeated ids count once; an
    empty list removes every tag. Answers the task's tags.

    Args:
        project_id (int):
        workflow_id (int):
        task_id (int):
        body (TaskTagsSet):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TaskTags
    """

    return sync_detailed(
        project_id=project_id,
        workflow_id=workflow_id,
        task_id=task_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    workflow_id: int,
    task_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: TaskTagsSet,
) -> Response[Error | TaskTags]:
    """Set the task's tags (replaces them all)

     Any user of the organization may set a task's tags. Every id must be a tag of the task's own
    workflow: otherwise 422, naming each wrong id's position in `tag_ids`. Repeated ids count once; an
    empty list removes every tag. Answers the task's tags.

    Args:
        project_id (int):
        workflow_id (int):
        task_id (int):
        body (TaskTagsSet):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TaskTags]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        task_id=task_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    workflow_id: int,
    task_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: TaskTagsSet,
) -> Error | TaskTags | None:
    """Set the task's tags (replaces them all)

     Any user of the organization may set a task's tags. Every id must be a tag of the task's own
    workflow: otherwise 422, naming each wrong id's position in `tag_ids`. Repeated ids count once; an
    empty list removes every tag. Answers the task's tags.

    Args:
        project_id (int):
        workflow_id (int):
        task_id (int):
        body (TaskTagsSet):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TaskTags
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            workflow_id=workflow_id,
            task_id=task_id,
            client=client,
            body=body,
        )
    ).parsed
