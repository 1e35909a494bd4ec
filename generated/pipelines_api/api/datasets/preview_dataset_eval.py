from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset_eval_preview import DatasetEvalPreview
from ...models.dataset_eval_request import DatasetEvalRequest
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    dataset_id: int,
    *,
    body: DatasetEvalRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/datasets/{dataset_id}/eval-preview".format(
            dataset_id=quote(str(dataset_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DatasetEvalPreview | Error | None:
    if response.status_code == 200:
        response_200 = DatasetEvalPreview.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
) -> Response[DatasetEvalPreview | Error]:
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
) -> Response[DatasetEvalPreview | Error]:
    """Score the first rows with a library evaluation, at once (nothing is stored)

     Scores `limit` rows (default 5, at most 20) from `offset`. LLM-judged criteria call the
    organization's OpenAI-compatible credential that serves their model.

    Args:
        dataset_id (int):
        body (DatasetEvalRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetEvalPreview | Error]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        body=body,
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
) -> DatasetEvalPreview | Error | None:
    """Score the first rows with a library evaluation, at once (nothing is stored)

     Scores `limit` rows (default 5, at most 20) from `offset`. LLM-judged criteria call the
    organization's OpenAI-compatible credential that serves their model.

    Args:
        dataset_id (int):
        body (DatasetEvalRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetEvalPreview | Error
    """

    return sync_detailed(
        dataset_id=dataset_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    dataset_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: DatasetEvalRequest,
) -> Response[DatasetEvalPreview | Error]:
    """Score the first rows with a library evaluation, at once (nothing is stored)

     Scores `limit` rows (default 5, at most 20) from `offset`. LLM-judged criteria call the
    organization's OpenAI-compatible credential that serves their model.

    Args:
        dataset_id (int):
        body (DatasetEvalRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetEvalPreview | Error]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dataset_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: DatasetEvalRequest,
) -> DatasetEvalPreview | Error | None:
    """Score the first rows with a library evaluation, at once (nothing is stored)

     Scores `limit` rows (default 5, at most 20) from `offset`. LLM-judged criteria call the
    organization's OpenAI-compatible credential that serves their model.

    Args:
        dataset_id (int):
        body (DatasetEvalRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetEvalPreview | Error
    """

    return (
        await asyncio_detailed(
            dataset_id=dataset_id,
            client=client,
            body=body,
        )
    ).parsed
