from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset_file_upload import DatasetFileUpload
from ...models.dataset_import_preview import DatasetImportPreview
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    body: DatasetFileUpload,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/datasets/import/file/preview",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DatasetImportPreview | Error | None:
    if response.status_code == 200:
        response_200 = DatasetImportPreview.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

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
) -> Response[DatasetImportPreview | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DatasetFileUpload,
) -> Response[DatasetImportPreview | Error]:
    """Preview a CSV or JSONL file before importing it (nothing is stored)

     Reads the first 256 KB of the file: the format (JSONL for `.jsonl`/`.ndjson`/`.json`
    files or text starting with `{`, else CSV with its delimiter sniffed among `, ; tab |`;
    a CSV's first line is its header), the columns with inferred types (`string`,
    `integer`, `number`, `boolean`, `json`, `null`; an empty CSV cell is null), up to 20
    sample rows, per-line errors, and an estimate of the number of rows.

    Args:
        body (DatasetFileUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetImportPreview | Error]
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
    body: DatasetFileUpload,
) -> DatasetImportPreview | Error | None:
    """Preview a CSV or JSONL file before importing it (nothing is stored)

     Reads the first 256 KB of the file: the format (JSONL for `.jsonl`/`.ndjson`/`.json`
    files or text starting with `{`, else CSV with its delimiter sniffed among `, ; tab |`;
    a CSV's first line is its header), the columns with inferred types (`string`,
    `integer`, `number`, `boolean`, `json`, `null`; an empty CSV cell is null), up to 20
    sample rows, per-line errors, and an estimate of the number of rows.

    Args:
        body (DatasetFileUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetImportPreview | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DatasetFileUpload,
) -> Response[DatasetImportPreview | Error]:
    """Preview a CSV or JSONL file before importing it (nothing is stored)

     Reads the first 256 KB of the file: the format (JSONL for `.jsonl`/`.ndjson`/`.json`
    files or text starting with `{`, else CSV with its delimiter sniffed among `, ; tab |`;
    a CSV's first line is its header), the columns with inferred types (`string`,
    `integer`, `number`, `boolean`, `json`, `null`; an empty CSV cell is null), up to 20
    sample rows, per-line errors, and an estimate of the number of rows.

    Args:
        body (DatasetFileUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetImportPreview | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DatasetFileUpload,
) -> DatasetImportPreview | Error | None:
    """Preview a CSV or JSONL file before importing it (nothing is stored)

     Reads the first 256 KB of the file: the format (JSONL for `.jsonl`/`.ndjson`/`.json`
    files or text starting with `{`, else CSV with its delimiter sniffed among `, ; tab |`;
    a CSV's first line is its header), the columns with inferred types (`string`,
    `integer`, `number`, `boolean`, `json`, `null`; an empty CSV cell is null), up to 20
    sample rows, per-line errors, and an estimate of the number of rows.

    Args:
        body (DatasetFileUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetImportPreview | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
