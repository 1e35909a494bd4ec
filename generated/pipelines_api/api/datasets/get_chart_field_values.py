from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chart_field_values import ChartFieldValues
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dataset_id: int,
    field_id: str,
    *,
    limit: int | Unset = 50,
    search: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["search"] = search

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/datasets/{dataset_id}/chart-fields/{field_id}/values".format(
            dataset_id=quote(str(dataset_id), safe=""),
            field_id=quote(str(field_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChartFieldValues | Error | None:
    if response.status_code == 200:
        response_200 = ChartFieldValues.from_dict(response.json())

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
) -> Response[ChartFieldValues | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dataset_id: int,
    field_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    search: str | Unset = UNSET,
) -> Response[ChartFieldValues | Error]:
    """A field's distinct values with their counts, most frequent first

     Values are typed (a CSV cell "3" is 3). `search` keeps values whose text contains it (case-
    insensitive). Up to 50,000 distinct values are tracked (`capped`).

    Args:
        dataset_id (int):
        field_id (str):
        limit (int | Unset):  Default: 50.
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChartFieldValues | Error]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        field_id=field_id,
        limit=limit,
        search=search,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dataset_id: int,
    field_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    search: str | Unset = UNSET,
) -> ChartFieldValues | Error | None:
    """A field's distinct values with their counts, most frequent first

     Values are typed (a CSV cell "3" is 3). `search` keeps values whose text contains it (case-
    insensitive). Up to 50,000 distinct values are tracked (`capped`).

    Args:
        dataset_id (int):
        field_id (str):
        limit (int | Unset):  Default: 50.
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChartFieldValues | Error
    """

    return sync_detailed(
        dataset_id=dataset_id,
        field_id=field_id,
        client=client,
        limit=limit,
        search=search,
    ).parsed


async def asyncio_detailed(
    dataset_id: int,
    field_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    search: str | Unset = UNSET,
) -> Response[ChartFieldValues | Error]:
    """A field's distinct values with their counts, most frequent first

     Values are typed (a CSV cell "3" is 3). `search` keeps values whose text contains it (case-
    insensitive). Up to 50,000 distinct values are tracked (`capped`).

    Args:
        dataset_id (int):
        field_id (str):
        limit (int | Unset):  Default: 50.
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChartFieldValues | Error]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        field_id=field_id,
        limit=limit,
        search=search,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dataset_id: int,
    field_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    search: str | Unset = UNSET,
) -> ChartFieldValues | Error | None:
    """A field's distinct values with their counts, most frequent first

     Values are typed (a CSV cell "3" is 3). `search` keeps values whose text contains it (case-
    insensitive). Up to 50,000 distinct values are tracked (`capped`).

    Args:
        dataset_id (int):
        field_id (str):
        limit (int | Unset):  Default: 50.
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChartFieldValues | Error
    """

    return (
        await asyncio_detailed(
            dataset_id=dataset_id,
            field_id=field_id,
            client=client,
            limit=limit,
            search=search,
        )
    ).parsed
