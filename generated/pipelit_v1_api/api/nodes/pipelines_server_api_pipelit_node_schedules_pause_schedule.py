from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detail import Detail
from ...models.node_out import NodeOut
from ...types import Response


def _get_kwargs(
    slug: str,
    node_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/workflows/{slug}/nodes/{node_id}/schedule/pause/".format(
            slug=quote(str(slug), safe=""),
            node_id=quote(str(node_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Detail | NodeOut | None:
    if response.status_code == 200:
        response_200 = NodeOut.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Detail | NodeOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Detail | NodeOut]:
    """Pauses a trigger_schedule node's schedule (is_active becomes false)

    Args:
        slug (str):
        node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | NodeOut]
    """

    kwargs = _get_kwargs(
        slug=slug,
        node_id=node_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Detail | NodeOut | None:
    """Pauses a trigger_schedule node's schedule (is_active becomes false)

    Args:
        slug (str):
        node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | NodeOut
    """

    return sync_detailed(
        slug=slug,
        node_id=node_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    slug: str,
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Detail | NodeOut]:
    """Pauses a trigger_schedule node's schedule (is_active becomes false)

    Args:
        slug (str):
        node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | NodeOut]
    """

    kwargs = _get_kwargs(
        slug=slug,
        node_id=node_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Detail | NodeOut | None:
    """Pauses a trigger_schedule node's schedule (is_active becomes false)

    Args:
        slug (str):
        node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | NodeOut
    """

    return (
        await asyncio_detailed(
            slug=slug,
            node_id=node_id,
            client=client,
        )
    ).parsed
