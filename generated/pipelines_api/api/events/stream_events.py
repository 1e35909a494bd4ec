from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    task_id: int | Unset = UNSET,
    workflow_id: int | Unset = UNSET,
    after: int | Unset = UNSET,
    max_seconds: float | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["task_id"] = task_id

    params["workflow_id"] = workflow_id

    params["after"] = after

    params["max_seconds"] = max_seconds

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | str | None:
    if response.status_code == 200:
        response_200 = response.text
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
) -> Response[Error | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    task_id: int | Unset = UNSET,
    workflow_id: int | Unset = UNSET,
    after: int | Unset = UNSET,
    max_seconds: float | Unset = UNSET,
) -> Response[Error | str]:
    """Live task and node events (Server-Sent Events) of the caller's organization

     A `text/event-stream`: one SSE message per timeline event, with `id` (the event id), `event` (its
    type, e.g. node.finished) and `data` (the TimelineEvent as JSON), and a `: keep-alive` comment every
    15 s when nothing happens. The stream starts after the newest event unless `after` or a `Last-Event-
    ID` header says where to resume; a reconnecting client misses nothing. Events come from the
    database, so the stream sees the work of every server process and every Celery worker.

    Args:
        task_id (int | Unset):
        workflow_id (int | Unset):
        after (int | Unset):
        max_seconds (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        workflow_id=workflow_id,
        after=after,
        max_seconds=max_seconds,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    task_id: int | Unset = UNSET,
    workflow_id: int | Unset = UNSET,
    after: int | Unset = UNSET,
    max_seconds: float | Unset = UNSET,
) -> Error | str | None:
    """Live task and node events (Server-Sent Events) of the caller's organization

     A `text/event-stream`: one SSE message per timeline event, with `id` (the event id), `event` (its
    type, e.g. node.finished) and `data` (the TimelineEvent as JSON), and a `: keep-alive` comment every
    15 s when nothing happens. The stream starts after the newest event unless `after` or a `Last-Event-
    ID` header says where to resume; a reconnecting client misses nothing. Events come from the
    database, so the stream sees the work of every server process and every Celery worker.

    Args:
        task_id (int | Unset):
        workflow_id (int | Unset):
        after (int | Unset):
        max_seconds (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return sync_detailed(
        client=client,
        task_id=task_id,
        workflow_id=workflow_id,
        after=after,
        max_seconds=max_seconds,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    task_id: int | Unset = UNSET,
    workflow_id: int | Unset = UNSET,
    after: int | Unset = UNSET,
    max_seconds: float | Unset = UNSET,
) -> Response[Error | str]:
    """Live task and node events (Server-Sent Events) of the caller's organization

     A `text/event-stream`: one SSE message per timeline event, with `id` (the event id), `event` (its
    type, e.g. node.finished) and `data` (the TimelineEvent as JSON), and a `: keep-alive` comment every
    15 s when nothing happens. The stream starts after the newest event unless `after` or a `Last-Event-
    ID` header says where to resume; a reconnecting client misses nothing. Events come from the
    database, so the stream sees the work of every server process and every Celery worker.

    Args:
        task_id (int | Unset):
        workflow_id (int | Unset):
        after (int | Unset):
        max_seconds (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        workflow_id=workflow_id,
        after=after,
        max_seconds=max_seconds,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    task_id: int | Unset = UNSET,
    workflow_id: int | Unset = UNSET,
    after: int | Unset = UNSET,
    max_seconds: float | Unset = UNSET,
) -> Error | str | None:
    """Live task and node events (Server-Sent Events) of the caller's organization

     A `text/event-stream`: one SSE message per timeline event, with `id` (the event id), `event` (its
    type, e.g. node.finished) and `data` (the TimelineEvent as JSON), and a `: keep-alive` comment every
    15 s when nothing happens. The stream starts after the newest event unless `after` or a `Last-Event-
    ID` header says where to resume; a reconnecting client misses nothing. Events come from the
    database, so the stream sees the work of every server process and every Celery worker.

    Args:
        task_id (int | Unset):
        workflow_id (int | Unset):
        after (int | Unset):
        max_seconds (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return (
        await asyncio_detailed(
            client=client,
            task_id=task_id,
            workflow_id=workflow_id,
            after=after,
            max_seconds=max_seconds,
        )
    ).parsed
