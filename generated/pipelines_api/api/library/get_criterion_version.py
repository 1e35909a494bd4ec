from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.criterion import Criterion
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    criterion_id: int,
    version: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/criteria/{criterion_id}/versions/{version}".format(
            criterion_id=quote(str(criterion_id), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Criterion | Error | None:
    if response.status_code == 200:
        response_200 = Criterion.from_dict(response.json())

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
) -> Response[Criterion | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    criterion_id: int,
    version: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Criterion | Error]:
    """One version of the criterion.

    Args:
        criterion_id (int):
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Criterion | Error]
    """

    kwargs = _get_kwargs(
        criterion_id=criterion_id,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    criterion_id: int,
    version: int,
    *,
    client: AuthenticatedClient | Client,
) -> Criterion | Error | None:
    """One version of the criterion.

    Args:
        criterion_id (int):
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Criterion | Error
    """

    return sync_detailed(
        criterion_id=criterion_id,
        version=version,
        client=client,
    ).parsed


async def asyncio_detailed(
    criterion_id: int,
    version: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Criterion | Error]:
    """One version of the criterion.

    Args:
        criterion_id (int):
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Criterion | Error]
    """

    kwargs = _get_kwargs(
        criterion_id=criterion_id,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    criterion_id: int,
    version: int,
    *,
    client: AuthenticatedClient | Client,
) -> Criterion | Error | None:
    """One version of the criterion.

    Args:
        criterion_id (int):
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Criterion | Error
    """

    return (
        await asyncio_detailed(
            criterion_id=criterion_id,
            version=version,
            client=client,
        )
    ).parsed
