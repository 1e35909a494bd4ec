from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chat_history import ChatHistory
from ...models.detail import Detail
from ...models.validation_failure import ValidationFailure
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slug: str,
    *,
    limit: int | Unset = 10,
    before: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["before"] = before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/workflows/{slug}/chat/history".format(
            slug=quote(str(slug), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChatHistory | Detail | ValidationFailure | None:
    if response.status_code == 200:
        response_200 = ChatHistory.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Detail.from_dict(response.json())

        return response_400

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
) -> Response[ChatHistory | Detail | ValidationFailure]:
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
    limit: int | Unset = 10,
    before: str | Unset = UNSET,
) -> Response[ChatHistory | Detail | ValidationFailure]:
    """The caller's chat with the workflow

     Read from the thread's chat executions (this server keeps no LangGraph checkpoint): each gives the
    user's text and, once completed with a text output (`output` or `message` of final_output), the
    assistant's. Timestamps end in `Z`. `before` keeps strictly earlier messages (400 when unparsable,
    but only when the thread has messages, as upstream); the reply holds the last `limit` (`limit` <= 0:
    all).

    Args:
        slug (str):
        limit (int | Unset):  Default: 10.
        before (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatHistory | Detail | ValidationFailure]
    """

    kwargs = _get_kwargs(
        slug=slug,
        limit=limit,
        before=before,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 10,
    before: str | Unset = UNSET,
) -> ChatHistory | Detail | ValidationFailure | None:
    """The caller's chat with the workflow

     Read from the thread's chat executions (this server keeps no LangGraph checkpoint): each gives the
    user's text and, once completed with a text output (`output` or `message` of final_output), the
    assistant's. Timestamps end in `Z`. `before` keeps strictly earlier messages (400 when unparsable,
    but only when the thread has messages, as upstream); the reply holds the last `limit` (`limit` <= 0:
    all).

    Args:
        slug (str):
        limit (int | Unset):  Default: 10.
        before (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatHistory | Detail | ValidationFailure
    """

    return sync_detailed(
        slug=slug,
        client=client,
        limit=limit,
        before=before,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 10,
    before: str | Unset = UNSET,
) -> Response[ChatHistory | Detail | ValidationFailure]:
    """The caller's chat with the workflow

     Read from the thread's chat executions (this server keeps no LangGraph checkpoint): each gives the
    user's text and, once completed with a text output (`output` or `message` of final_output), the
    assistant's. Timestamps end in `Z`. `before` keeps strictly earlier messages (400 when unparsable,
    but only when the thread has messages, as upstream); the reply holds the last `limit` (`limit` <= 0:
    all).

    Args:
        slug (str):
        limit (int | Unset):  Default: 10.
        before (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatHistory | Detail | ValidationFailure]
    """

    kwargs = _get_kwargs(
        slug=slug,
        limit=limit,
        before=before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 10,
    before: str | Unset = UNSET,
) -> ChatHistory | Detail | ValidationFailure | None:
    """The caller's chat with the workflow

     Read from the thread's chat executions (this server keeps no LangGraph checkpoint): each gives the
    user's text and, once completed with a text output (`output` or `message` of final_output), the
    assistant's. Timestamps end in `Z`. `before` keeps strictly earlier messages (400 when unparsable,
    but only when the thread has messages, as upstream); the reply holds the last `limit` (`limit` <= 0:
    all).

    Args:
        slug (str):
        limit (int | Unset):  Default: 10.
        before (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatHistory | Detail | ValidationFailure
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            limit=limit,
            before=before,
        )
    ).parsed
