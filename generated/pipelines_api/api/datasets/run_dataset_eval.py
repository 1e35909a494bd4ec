from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset_eval_request import DatasetEvalRequest
from ...models.dataset_eval_run import DatasetEvalRun
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dataset_id: int,
    *,
    body: DatasetEvalRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/datasets/{dataset_id}/eval-run".format(
            dataset_id=quote(str(dataset_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DatasetEvalRun | Error | None:
    if response.status_code == 202:
        response_202 = DatasetEvalRun.from_dict(response.json())

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
) -> Response[DatasetEvalRun | Error]:
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
    body: DatasetEvalRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[DatasetEvalRun | Error]:
    """Score the dataset's rows with a library evaluation (an async job)

     A `dataset_eval` job scores the rows (`offset`, `limit`; all by default) in steps of
    20 and stores each row's result; poll `GET .../eval-run/{job_id}`. The evaluation
    version is pinned when the run starts (the latest unless `version` is given). A row
    that cannot be scored is an error row; the run ends
    `completed_with_partial_results` if there were some. An unknown evaluation, version
    or column is 422 naming it.

    Args:
        dataset_id (int):
        idempotency_key (str | Unset):
        body (DatasetEvalRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetEvalRun | Error]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dataset_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: DatasetEvalRequest,
    idempotency_key: str | Unset = UNSET,
) -> DatasetEvalRun | Error | None:
    """Score the dataset's rows with a library evaluation (an async job)

     A `dataset_eval` job scores the rows (`offset`, `limit`; all by default) in steps of
    20 and stores each row's result; poll `GET .../eval-run/{job_id}`. The evaluation
    version is pinned when the run starts (the latest unless `version` is given). A row
    that cannot be scored is an error row; the run ends
    `completed_with_partial_results` if there were some. An unknown evaluation, version
    or column is 422 naming it.

    Args:
        dataset_id (int):
        idempotency_key (str | Unset):
        body (DatasetEvalRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetEvalRun | Error
    """

    return sync_detailed(
        dataset_id=dataset_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    dataset_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: DatasetEvalRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[DatasetEvalRun | Error]:
    """Score the dataset's rows with a library evaluation (an async job)

     A `dataset_eval` job scores the rows (`offset`, `limit`; all by default) in steps of
    20 and stores each row's result; poll `GET .../eval-run/{job_id}`. The evaluation
    version is pinned when the run starts (the latest unless `version` is given). A row
    that cannot be scored is an error row; the run ends
    `completed_with_partial_results` if there were some. An unknown evaluation, version
    or column is 422 naming it.

    Args:
        dataset_id (int):
        idempotency_key (str | Unset):
        body (DatasetEvalRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetEvalRun | Error]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dataset_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: DatasetEvalRequest,
    idempotency_key: str | Unset = UNSET,
) -> DatasetEvalRun | Error | None:
    """Score the dataset's rows with a library evaluation (an async job)

     A `dataset_eval` job scores the rows (`offset`, `limit`; all by default) in steps of
    20 and stores each row's result; poll `GET .../eval-run/{job_id}`. The evaluation
    version is pinned when the run starts (the latest unless `version` is given). A row
    that cannot be scored is an error row; the run ends
    `completed_with_partial_results` if there were some. An unknown evaluation, version
    or column is 422 naming it.

    Args:
        dataset_id (int):
        idempotency_key (str | Unset):
        body (DatasetEvalRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetEvalRun | Error
    """

    return (
        await asyncio_detailed(
            dataset_id=dataset_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
