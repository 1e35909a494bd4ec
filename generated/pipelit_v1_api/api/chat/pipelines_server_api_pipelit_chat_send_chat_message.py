from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chat_message_in import ChatMessageIn
from ...models.chat_message_out import ChatMessageOut
from ...models.detail import Detail
from ...models.validation_failure import ValidationFailure
from ...types import Response


def _get_kwargs(
    slug: str,
    *,
    body: ChatMessageIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/workflows/{slug}/chat/".format(
            slug=quote(str(slug), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChatMessageOut | Detail | ValidationFailure | None:
    if response.status_code == 200:
        response_200 = ChatMessageOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Detail.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Detail.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ValidationFailure.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ChatMessageOut | Detail | ValidationFailure]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatMessageIn,
) -> Response[ChatMessageOut | Detail | ValidationFailure]:
    """Send a chat message (starts an execution; the answer comes by socket or polling)

     Runs the given `trigger_chat` node, else the workflow's first, with payload `{text}` on the thread
    `<user id>:<workflow id>`; `is_active` is not checked (as upstream). The answer is the execution's
    final output.

    Args:
        slug (str):
        body (ChatMessageIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatMessageOut | Detail | ValidationFailure]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatMessageIn,
) -> ChatMessageOut | Detail | ValidationFailure | None:
    """Send a chat message (starts an execution; the answer comes by socket or polling)

     Runs the given `trigger_chat` node, else the workflow's first, with payload `{text}` on the thread
    `<user id>:<workflow id>`; `is_active` is not checked (as upstream). The answer is the execution's
    final output.

    Args:
        slug (str):
        body (ChatMessageIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatMessageOut | Detail | ValidationFailure
    """

    return sync_detailed(
        slug=slug,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatMessageIn,
) -> Response[ChatMessageOut | Detail | ValidationFailure]:
    """Send a chat message (starts an execution; the answer comes by socket or polling)

     Runs the given `trigger_chat` node, else the workflow's first, with payload `{text}` on the thread
    `<user id>:<workflow id>`; `is_active` is not checked (as upstream). The answer is the execution's
    final output.

    Args:
        slug (str):
        body (ChatMessageIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatMessageOut | Detail | ValidationFailure]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatMessageIn,
) -> ChatMessageOut | Detail | ValidationFailure | None:
    """Send a chat message (starts an execution; the answer comes by socket or polling)

     Runs the given `trigger_chat` node, else the workflow's first, with payload `{text}` on the thread
    `<user id>:<workflow id>`; `is_active` is not checked (as upstream). The answer is the execution's
    final output.

    Args:
        slug (str):
        body (ChatMessageIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatMessageOut | Detail | ValidationFailure
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            body=body,
        )
    ).parsed
