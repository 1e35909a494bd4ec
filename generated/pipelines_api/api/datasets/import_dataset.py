from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset_import_form import DatasetImportForm
from ...models.dataset_import_started import DatasetImportStarted
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: DatasetImportForm,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/datasets/import/file",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DatasetImportStarted | Error | None:
    if response.status_code == 202:
        response_202 = DatasetImportStarted.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

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
) -> Response[DatasetImportStarted | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DatasetImportForm,
    idempotency_key: str | Unset = UNSET,
) -> Response[DatasetImportStarted | Error]:
    """Import a CSV or JSONL file as a new dataset (an async job)

     The file is stored and a `dataset_import` job parses it in steps of 1,000 records:
    poll `GET /datasets/import/jobs/{job_id}`. A line that does not parse (a CSV row with
    another number of fields than the header, a JSONL line that is not a JSON object) is a
    per-line error (the first 100 are listed, all are counted) and the import goes on; the
    job ends `completed_with_partial_results` if there were some, `failed` if no row
    parsed. `org_id` is optional (the caller's organization; another one is 404). The
    file is kept under `PIPELINES_DATA_DIR/datasets/` until the import ends: with Celery
    workers (`PIPELINES_EXECUTOR=celery`) the server and the workers must share that
    directory. The request body cap (`PIPELINES_MAX_BODY_BYTES`) bounds the file.

    Args:
        idempotency_key (str | Unset):
        body (DatasetImportForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetImportStarted | Error]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: DatasetImportForm,
    idempotency_key: str | Unset = UNSET,
) -> DatasetImportStarted | Error | None:
    """Import a CSV or JSONL file as a new dataset (an async job)

     The file is stored and a `dataset_import` job parses it in steps of 1,000 records:
    poll `GET /datasets/import/jobs/{job_id}`. A line that does not parse (a CSV row with
    another number of fields than the header, a JSONL line that is not a JSON object) is a
    per-line error (the first 100 are listed, all are counted) and the import goes on; the
    job ends `completed_with_partial_results` if there were some, `failed` if no row
    parsed. `org_id` is optional (the caller's organization; another one is 404). The
    file is kept under `PIPELINES_DATA_DIR/datasets/` until the import ends: with Celery
    workers (`PIPELINES_EXECUTOR=celery`) the server and the workers must share that
    directory. The request body cap (`PIPELINES_MAX_BODY_BYTES`) bounds the file.

    Args:
        idempotency_key (str | Unset):
        body (DatasetImportForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetImportStarted | Error
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DatasetImportForm,
    idempotency_key: str | Unset = UNSET,
) -> Response[DatasetImportStarted | Error]:
    """Import a CSV or JSONL file as a new dataset (an async job)

     The file is stored and a `dataset_import` job parses it in steps of 1,000 records:
    poll `GET /datasets/import/jobs/{job_id}`. A line that does not parse (a CSV row with
    another number of fields than the header, a JSONL line that is not a JSON object) is a
    per-line error (the first 100 are listed, all are counted) and the import goes on; the
    job ends `completed_with_partial_results` if there were some, `failed` if no row
    parsed. `org_id` is optional (the caller's organization; another one is 404). The
    file is kept under `PIPELINES_DATA_DIR/datasets/` until the import ends: with Celery
    workers (`PIPELINES_EXECUTOR=celery`) the server and the workers must share that
    directory. The request body cap (`PIPELINES_MAX_BODY_BYTES`) bounds the file.

    Args:
        idempotency_key (str | Unset):
        body (DatasetImportForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetImportStarted | Error]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DatasetImportForm,
    idempotency_key: str | Unset = UNSET,
) -> DatasetImportStarted | Error | None:
    """Import a CSV or JSONL file as a new dataset (an async job)

     The file is stored and a `dataset_import` job parses it in steps of 1,000 records:
    poll `GET /datasets/import/jobs/{job_id}`. A line that does not parse (a CSV row with
    another number of fields than the header, a JSONL line that is not a JSON object) is a
    per-line error (the first 100 are listed, all are counted) and the import goes on; the
    job ends `completed_with_partial_results` if there were some, `failed` if no row
    parsed. `org_id` is optional (the caller's organization; another one is 404). The
    file is kept under `PIPELINES_DATA_DIR/datasets/` until the import ends: with Celery
    workers (`PIPELINES_EXECUTOR=celery`) the server and the workers must share that
    directory. The request body cap (`PIPELINES_MAX_BODY_BYTES`) bounds the file.

    Args:
        idempotency_key (str | Unset):
        body (DatasetImportForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetImportStarted | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
