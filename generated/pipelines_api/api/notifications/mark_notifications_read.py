from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.notification_mark_read import NotificationMarkRead
from ...models.notification_mark_read_result import NotificationMarkReadResult
from ...types import Response


def _get_kwargs(
    *,
    body: NotificationMarkRead,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/notifications/mark-read",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | NotificationMarkReadResult | None:
    if response.status_code == 200:
        response_200 = NotificationMarkReadResult.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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
) -> Response[Error | NotificationMarkReadResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NotificationMarkRead,
) -> Response[Error | NotificationMarkReadResult]:
    """Marks the caller's notifications read

     `{"notification_ids": [...]}` marks those of the caller's notifications read;
    `{"all": true}` marks every unread one of the caller read. Ids of other users' or other
    organizations' notifications, or of none, are ignored (never an error, which would tell
    that they exist). Marking is idempotent (no Idempotency-Key: it creates nothing): an
    already read notification keeps its `read_at` and is not counted. `updated` is how many
    changed from unread to read, `unread_count` how many stay unread. Neither ids nor
    `all: true`, or both, is 422.

    Args:
        body (NotificationMarkRead):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | NotificationMarkReadResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: NotificationMarkRead,
) -> Error | NotificationMarkReadResult | None:
    """Marks the caller's notifications read

     `{"notification_ids": [...]}` marks those of the caller's notifications read;
    `{"all": true}` marks every unread one of the caller read. Ids of other users' or other
    organizations' notifications, or of none, are ignored (never an error, which would tell
    that they exist). Marking is idempotent (no Idempotency-Key: it creates nothing): an
    already read notification keeps its `read_at` and is not counted. `updated` is how many
    changed from unread to read, `unread_count` how many stay unread. Neither ids nor
    `all: true`, or both, is 422.

    Args:
        body (NotificationMarkRead):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | NotificationMarkReadResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NotificationMarkRead,
) -> Response[Error | NotificationMarkReadResult]:
    """Marks the caller's notifications read

     `{"notification_ids": [...]}` marks those of the caller's notifications read;
    `{"all": true}` marks every unread one of the caller read. Ids of other users' or other
    organizations' notifications, or of none, are ignored (never an error, which would tell
    that they exist). Marking is idempotent (no Idempotency-Key: it creates nothing): an
    already read notification keeps its `read_at` and is not counted. `updated` is how many
    changed from unread to read, `unread_count` how many stay unread. Neither ids nor
    `all: true`, or both, is 422.

    Args:
        body (NotificationMarkRead):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | NotificationMarkReadResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: NotificationMarkRead,
) -> Error | NotificationMarkReadResult | None:
    """Marks the caller's notifications read

     `{"notification_ids": [...]}` marks those of the caller's notifications read;
    `{"all": true}` marks every unread one of the caller read. Ids of other users' or other
    organizations' notifications, or of none, are ignored (never an error, which would tell
    that they exist). Marking is idempotent (no Idempotency-Key: it creates nothing): an
    already read notification keeps its `read_at` and is not counted. `updated` is how many
    changed from unread to read, `unread_count` how many stay unread. Neither ids nor
    `all: true`, or both, is 422.

    Args:
        body (NotificationMarkRead):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | NotificationMarkReadResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
