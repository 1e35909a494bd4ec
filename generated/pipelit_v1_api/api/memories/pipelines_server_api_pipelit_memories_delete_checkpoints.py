from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detail import Detail
from ...models.pipelines_server_api_pipelit_memories_delete_checkpoints_body import (
    PipelinesServerApiPipelitMemoriesDeleteCheckpointsBody,
)
from ...models.validation_failure import ValidationFailure
from ...types import Response


def _get_kwargs(
    *,
    body: PipelinesServerApiPipelitMemoriesDeleteCheckpointsBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/memories/checkpoints/batch-delete/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Detail | ValidationFailure | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 401:
        response_401 = Detail.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Detail.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = ValidationFailure.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Detail | ValidationFailure]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PipelinesServerApiPipelitMemoriesDeleteCheckpointsBody,
) -> Response[Any | Detail | ValidationFailure]:
    """Delete every checkpoint of thread_ids and the checkpoints checkpoint_ids (admins only)

    Args:
        body (PipelinesServerApiPipelitMemoriesDeleteCheckpointsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Detail | ValidationFailure]
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
    body: PipelinesServerApiPipelitMemoriesDeleteCheckpointsBody,
) -> Any | Detail | ValidationFailure | None:
    """Delete every checkpoint of thread_ids and the checkpoints checkpoint_ids (admins only)

    Args:
        body (PipelinesServerApiPipelitMemoriesDeleteCheckpointsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Detail | ValidationFailure
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PipelinesServerApiPipelitMemoriesDeleteCheckpointsBody,
) -> Response[Any | Detail | ValidationFailure]:
    """Delete every checkpoint of thread_ids and the checkpoints checkpoint_ids (admins only)

    Args:
        body (PipelinesServerApiPipelitMemoriesDeleteCheckpointsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Detail | ValidationFailure]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PipelinesServerApiPipelitMemoriesDeleteCheckpointsBody,
) -> Any | Detail | ValidationFailure | None:
    """Delete every checkpoint of thread_ids and the checkpoints checkpoint_ids (admins only)

    Args:
        body (PipelinesServerApiPipelitMemoriesDeleteCheckpointsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Detail | ValidationFailure
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
