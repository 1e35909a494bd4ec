from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detail import Detail
from ...models.execution_page import ExecutionPage
from ...models.validation_failure import ValidationFailure
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    workflow_slug: str | Unset = UNSET,
    status: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["workflow_slug"] = workflow_slug

    params["status"] = status

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/executions/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Detail | ExecutionPage | ValidationFailure | None:
    if response.status_code == 200:
        response_200 = ExecutionPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Detail.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = ValidationFailure.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Detail | ExecutionPage | ValidationFailure]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    workflow_slug: str | Unset = UNSET,
    status: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[Detail | ExecutionPage | ValidationFailure]:
    """Executions the caller sees, newest start first (not started last)

    Args:
        workflow_slug (str | Unset):
        status (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | ExecutionPage | ValidationFailure]
    """

    kwargs = _get_kwargs(
        workflow_slug=workflow_slug,
        status=status,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    workflow_slug: str | Unset = UNSET,
    status: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Detail | ExecutionPage | ValidationFailure | None:
    """Executions the caller sees, newest start first (not started last)

    Args:
        workflow_slug (str | Unset):
        status (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | ExecutionPage | ValidationFailure
    """

    return sync_detailed(
        client=client,
        workflow_slug=workflow_slug,
        status=status,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    workflow_slug: str | Unset = UNSET,
    status: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[Detail | ExecutionPage | ValidationFailure]:
    """Executions the caller sees, newest start first (not started last)

    Args:
        workflow_slug (str | Unset):
        status (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | ExecutionPage | ValidationFailure]
    """

    kwargs = _get_kwargs(
        workflow_slug=workflow_slug,
        status=status,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    workflow_slug: str | Unset = UNSET,
    status: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Detail | ExecutionPage | ValidationFailure | None:
    """Executions the caller sees, newest start first (not started last)

    Args:
        workflow_slug (str | Unset):
        status (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | ExecutionPage | ValidationFailure
    """

    return (
        await asyncio_detailed(
            client=client,
            workflow_slug=workflow_slug,
            status=status,
            limit=limit,
            offset=offset,
        )
    ).parsed
