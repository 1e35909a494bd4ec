from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.timeline_page import TimelinePage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: int,
    workflow_id: int,
    task_id: int,
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/projects/{project_id}/workflows/{workflow_id}/tasks/{task_id}/timeline".format(
            project_id=quote(str(project_id), safe=""),
            workflow_id=quote(str(workflow_id), safe=""),
            task_id=quote(str(task_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TimelinePage | None:
    if response.status_code == 200:
        response_200 = TimelinePage.from_dict(response.json())

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
) -> Response[Error | TimelinePage]:
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
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> Response[Error | TimelinePage]:
    """The task's events, oldest first

     Every step the task took: task.started, node.available, node.deferred (a retry scheduled, with the
    error and the delay), node.claimed, node.released, node.submitted, review.passed, review.rejected,
    node.iteration (a loop's next item), node.finished, node.na, node.failed, node.escalated,
    node.quarantined, and the task's own status changes (task.finished, task.failed, task.paused,
    task.resumed, task.cancelled, ...).

    Args:
        project_id (int):
        workflow_id (int):
        task_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TimelinePage]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        task_id=task_id,
        page=page,
        page_size=page_size,
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
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> Error | TimelinePage | None:
    """The task's events, oldest first

     Every step the task took: task.started, node.available, node.deferred (a retry scheduled, with the
    error and the delay), node.claimed, node.released, node.submitted, review.passed, review.rejected,
    node.iteration (a loop's next item), node.finished, node.na, node.failed, node.escalated,
    node.quarantined, and the task's own status changes (task.finished, task.failed, task.paused,
    task.resumed, task.cancelled, ...).

    Args:
        project_id (int):
        workflow_id (int):
        task_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TimelinePage
    """

    return sync_detailed(
        project_id=project_id,
        workflow_id=workflow_id,
        task_id=task_id,
        client=client,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    workflow_id: int,
    task_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> Response[Error | TimelinePage]:
    """The task's events, oldest first

     Every step the task took: task.started, node.available, node.deferred (a retry scheduled, with the
    error and the delay), node.claimed, node.released, node.submitted, review.passed, review.rejected,
    node.iteration (a loop's next item), node.finished, node.na, node.failed, node.escalated,
    node.quarantined, and the task's own status changes (task.finished, task.failed, task.paused,
    task.resumed, task.cancelled, ...).

    Args:
        project_id (int):
        workflow_id (int):
        task_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TimelinePage]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        task_id=task_id,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    workflow_id: int,
    task_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> Error | TimelinePage | None:
    """The task's events, oldest first

     Every step the task took: task.started, node.available, node.deferred (a retry scheduled, with the
    error and the delay), node.claimed, node.released, node.submitted, review.passed, review.rejected,
    node.iteration (a loop's next item), node.finished, node.na, node.failed, node.escalated,
    node.quarantined, and the task's own status changes (task.finished, task.failed, task.paused,
    task.resumed, task.cancelled, ...).

    Args:
        project_id (int):
        workflow_id (int):
        task_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TimelinePage
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            workflow_id=workflow_id,
            task_id=task_id,
            client=client,
            page=page,
            page_size=page_size,
        )
    ).parsed
