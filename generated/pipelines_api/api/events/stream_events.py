from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.server_sent_event import ServerSentEvent
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
) -> Error | ServerSentEvent | str | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ServerSentEvent | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_1 = ServerSentEvent.from_dict(data)

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ServerSentEvent | str, data)

        response_200 = _parse_response_200(response.text)

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

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | ServerSentEvent | str]:
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
) -> Response[Error | ServerSentEvent | str]:
    """Live task and node events (Server-Sent Events) of the caller's organization

     A `text/event-stream`: one SSE message per timeline event, with `id` (the event id), `event` (its
    type, e.g. node.finished) and `data` (the TimelineEvent as JSON), and a `: keep-alive` comment every
    15 s when nothing happens. The stream starts after the newest event unless `after` or a `Last-Event-
    ID` header says where to resume; a reconnecting client misses nothing. Events come from the
    database, so the stream sees the work of every server process and every Celery worker.

    A stream ends within a few seconds when its key is revoked or expires, or when the user who created
    the key is removed; the server then sends a last message `event: stream.closed` with `data:
    {"detail": "<why>"}` (it has no `id`, so `Last-Event-ID` stays on the last event) and closes. It
    sends the same message when the server stops (reconnect and resume) or when the client reads too
    slowly to keep up (10,000 events queued). `max_seconds` ends it without that message.

    The same events are served over a WebSocket at `/api/events/ws` (not describable in OpenAPI 3.0):
    the same query parameters, `after` or a `Last-Event-ID` header to resume, and the key in the
    `Authorization: Bearer` or `X-API-Key` header, in a `token` query parameter, or as the first message
    `{"token": "pk_live_..."}` within 10 s. Each event is one text message holding the TimelineEvent
    JSON. The server closes the socket with code 1000 at `max_seconds`, 1001 when it stops, 1013 when
    the client fell behind, 1011 on an internal error, and 4000 + the HTTP status this operation would
    answer otherwise (4401 invalid, revoked or expired key, 4403 removed user, 4404 unknown task, 4422
    bad parameter, 4429 rate limited, 4503 too many streams), with the reason as close reason.

    Args:
        task_id (int | Unset):
        workflow_id (int | Unset):
        after (int | Unset):
        max_seconds (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ServerSentEvent | str]
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
) -> Error | ServerSentEvent | str | None:
    """Live task and node events (Server-Sent Events) of the caller's organization

     A `text/event-stream`: one SSE message per timeline event, with `id` (the event id), `event` (its
    type, e.g. node.finished) and `data` (the TimelineEvent as JSON), and a `: keep-alive` comment every
    15 s when nothing happens. The stream starts after the newest event unless `after` or a `Last-Event-
    ID` header says where to resume; a reconnecting client misses nothing. Events come from the
    database, so the stream sees the work of every server process and every Celery worker.

    A stream ends within a few seconds when its key is revoked or expires, or when the user who created
    the key is removed; the server then sends a last message `event: stream.closed` with `data:
    {"detail": "<why>"}` (it has no `id`, so `Last-Event-ID` stays on the last event) and closes. It
    sends the same message when the server stops (reconnect and resume) or when the client reads too
    slowly to keep up (10,000 events queued). `max_seconds` ends it without that message.

    The same events are served over a WebSocket at `/api/events/ws` (not describable in OpenAPI 3.0):
    the same query parameters, `after` or a `Last-Event-ID` header to resume, and the key in the
    `Authorization: Bearer` or `X-API-Key` header, in a `token` query parameter, or as the first message
    `{"token": "pk_live_..."}` within 10 s. Each event is one text message holding the TimelineEvent
    JSON. The server closes the socket with code 1000 at `max_seconds`, 1001 when it stops, 1013 when
    the client fell behind, 1011 on an internal error, and 4000 + the HTTP status this operation would
    answer otherwise (4401 invalid, revoked or expired key, 4403 removed user, 4404 unknown task, 4422
    bad parameter, 4429 rate limited, 4503 too many streams), with the reason as close reason.

    Args:
        task_id (int | Unset):
        workflow_id (int | Unset):
        after (int | Unset):
        max_seconds (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ServerSentEvent | str
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
) -> Response[Error | ServerSentEvent | str]:
    """Live task and node events (Server-Sent Events) of the caller's organization

     A `text/event-stream`: one SSE message per timeline event, with `id` (the event id), `event` (its
    type, e.g. node.finished) and `data` (the TimelineEvent as JSON), and a `: keep-alive` comment every
    15 s when nothing happens. The stream starts after the newest event unless `after` or a `Last-Event-
    ID` header says where to resume; a reconnecting client misses nothing. Events come from the
    database, so the stream sees the work of every server process and every Celery worker.

    A stream ends within a few seconds when its key is revoked or expires, or when the user who created
    the key is removed; the server then sends a last message `event: stream.closed` with `data:
    {"detail": "<why>"}` (it has no `id`, so `Last-Event-ID` stays on the last event) and closes. It
    sends the same message when the server stops (reconnect and resume) or when the client reads too
    slowly to keep up (10,000 events queued). `max_seconds` ends it without that message.

    The same events are served over a WebSocket at `/api/events/ws` (not describable in OpenAPI 3.0):
    the same query parameters, `after` or a `Last-Event-ID` header to resume, and the key in the
    `Authorization: Bearer` or `X-API-Key` header, in a `token` query parameter, or as the first message
    `{"token": "pk_live_..."}` within 10 s. Each event is one text message holding the TimelineEvent
    JSON. The server closes the socket with code 1000 at `max_seconds`, 1001 when it stops, 1013 when
    the client fell behind, 1011 on an internal error, and 4000 + the HTTP status this operation would
    answer otherwise (4401 invalid, revoked or expired key, 4403 removed user, 4404 unknown task, 4422
    bad parameter, 4429 rate limited, 4503 too many streams), with the reason as close reason.

    Args:
        task_id (int | Unset):
        workflow_id (int | Unset):
        after (int | Unset):
        max_seconds (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ServerSentEvent | str]
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
) -> Error | ServerSentEvent | str | None:
    """Live task and node events (Server-Sent Events) of the caller's organization

     A `text/event-stream`: one SSE message per timeline event, with `id` (the event id), `event` (its
    type, e.g. node.finished) and `data` (the TimelineEvent as JSON), and a `: keep-alive` comment every
    15 s when nothing happens. The stream starts after the newest event unless `after` or a `Last-Event-
    ID` header says where to resume; a reconnecting client misses nothing. Events come from the
    database, so the stream sees the work of every server process and every Celery worker.

    A stream ends within a few seconds when its key is revoked or expires, or when the user who created
    the key is removed; the server then sends a last message `event: stream.closed` with `data:
    {"detail": "<why>"}` (it has no `id`, so `Last-Event-ID` stays on the last event) and closes. It
    sends the same message when the server stops (reconnect and resume) or when the client reads too
    slowly to keep up (10,000 events queued). `max_seconds` ends it without that message.

    The same events are served over a WebSocket at `/api/events/ws` (not describable in OpenAPI 3.0):
    the same query parameters, `after` or a `Last-Event-ID` header to resume, and the key in the
    `Authorization: Bearer` or `X-API-Key` header, in a `token` query parameter, or as the first message
    `{"token": "pk_live_..."}` within 10 s. Each event is one text message holding the TimelineEvent
    JSON. The server closes the socket with code 1000 at `max_seconds`, 1001 when it stops, 1013 when
    the client fell behind, 1011 on an internal error, and 4000 + the HTTP status this operation would
    answer otherwise (4401 invalid, revoked or expired key, 4403 removed user, 4404 unknown task, 4422
    bad parameter, 4429 rate limited, 4503 too many streams), with the reason as close reason.

    Args:
        task_id (int | Unset):
        workflow_id (int | Unset):
        after (int | Unset):
        max_seconds (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ServerSentEvent | str
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
