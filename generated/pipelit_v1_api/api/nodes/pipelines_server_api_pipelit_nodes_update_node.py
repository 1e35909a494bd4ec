from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detail import Detail
from ...models.node_out import NodeOut
from ...models.node_patch import NodePatch
from ...models.validation_failure import ValidationFailure
from ...types import Response


def _get_kwargs(
    slug: str,
    node_id: str,
    *,
    body: NodePatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/workflows/{slug}/nodes/{node_id}/".format(
            slug=quote(str(slug), safe=""),
            node_id=quote(str(node_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Detail | NodeOut | ValidationFailure | None:
    if response.status_code == 200:
        response_200 = NodeOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Detail.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Detail.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Detail.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = ValidationFailure.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Detail | NodeOut | ValidationFailure]:
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
    body: NodePatch,
) -> Response[Detail | NodeOut | ValidationFailure]:
    """Change a node, config keys included (broadcasts node_updated)

     Renaming `node_id` does not update the edges that name the node.

    Args:
        slug (str):
        node_id (str):
        body (NodePatch): The fields given change (config keys too)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | NodeOut | ValidationFailure]
    """

    kwargs = _get_kwargs(
        slug=slug,
        node_id=node_id,
        body=body,
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
    body: NodePatch,
) -> Detail | NodeOut | ValidationFailure | None:
    """Change a node, config keys included (broadcasts node_updated)

     Renaming `node_id` does not update the edges that name the node.

    Args:
        slug (str):
        node_id (str):
        body (NodePatch): The fields given change (config keys too)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | NodeOut | ValidationFailure
    """

    return sync_detailed(
        slug=slug,
        node_id=node_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    slug: str,
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: NodePatch,
) -> Response[Detail | NodeOut | ValidationFailure]:
    """Change a node, config keys included (broadcasts node_updated)

     Renaming `node_id` does not update the edges that name the node.

    Args:
        slug (str):
        node_id (str):
        body (NodePatch): The fields given change (config keys too)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | NodeOut | ValidationFailure]
    """

    kwargs = _get_kwargs(
        slug=slug,
        node_id=node_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: NodePatch,
) -> Detail | NodeOut | ValidationFailure | None:
    """Change a node, config keys included (broadcasts node_updated)

     Renaming `node_id` does not update the edges that name the node.

    Args:
        slug (str):
        node_id (str):
        body (NodePatch): The fields given change (config keys too)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | NodeOut | ValidationFailure
    """

    return (
        await asyncio_detailed(
            slug=slug,
            node_id=node_id,
            client=client,
            body=body,
        )
    ).parsed
