from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.export_dataset_format import ExportDatasetFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dataset_id: int,
    *,
    format_: ExportDatasetFormat | Unset = ExportDatasetFormat.CSV,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/datasets/{dataset_id}/export".format(
            dataset_id=quote(str(dataset_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | str | None:
    if response.status_code == 200:
        response_200 = response.text
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
) -> Response[Error | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dataset_id: int,
    *,
    client: AuthenticatedClient | Client,
    format_: ExportDatasetFormat | Unset = ExportDatasetFormat.CSV,
) -> Response[Error | str]:
    """Download the dataset (streamed)

     `csv`: a header of the columns, then one line per row (JSON values as JSON text);
    `json`: one JSON array of row objects; `zip` / `zip-json`: the same in a ZIP archive.
    The body is streamed as it is read, never built whole.

    Args:
        dataset_id (int):
        format_ (ExportDatasetFormat | Unset):  Default: ExportDatasetFormat.CSV.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dataset_id: int,
    *,
    client: AuthenticatedClient | Client,
    format_: ExportDatasetFormat | Unset = ExportDatasetFormat.CSV,
) -> Error | str | None:
    """Download the dataset (streamed)

     `csv`: a header of the columns, then one line per row (JSON values as JSON text);
    `json`: one JSON array of row objects; `zip` / `zip-json`: the same in a ZIP archive.
    The body is streamed as it is read, never built whole.

    Args:
        dataset_id (int):
        format_ (ExportDatasetFormat | Unset):  Default: ExportDatasetFormat.CSV.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return sync_detailed(
        dataset_id=dataset_id,
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    dataset_id: int,
    *,
    client: AuthenticatedClient | Client,
    format_: ExportDatasetFormat | Unset = ExportDatasetFormat.CSV,
) -> Response[Error | str]:
    """Download the dataset (streamed)

     `csv`: a header of the columns, then one line per row (JSON values as JSON text);
    `json`: one JSON array of row objects; `zip` / `zip-json`: the same in a ZIP archive.
    The body is streamed as it is read, never built whole.

    Args:
        dataset_id (int):
        format_ (ExportDatasetFormat | Unset):  Default: ExportDatasetFormat.CSV.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dataset_id: int,
    *,
    client: AuthenticatedClient | Client,
    format_: ExportDatasetFormat | Unset = ExportDatasetFormat.CSV,
) -> Error | str | None:
    """Download the dataset (streamed)

     `csv`: a header of the columns, then one line per row (JSON values as JSON text);
    `json`: one JSON array of row objects; `zip` / `zip-json`: the same in a ZIP archive.
    The body is streamed as it is read, never built whole.

    Args:
        dataset_id (int):
        format_ (ExportDatasetFormat | Unset):  Default: ExportDatasetFormat.CSV.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return (
        await asyncio_detailed(
            dataset_id=dataset_id,
            client=client,
            format_=format_,
        )
    ).parsed
