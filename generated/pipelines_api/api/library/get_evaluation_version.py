from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.evaluation import Evaluation
from ...types import Response


def _get_kwargs(
    evaluation_id: int,
    version: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/evaluations/{evaluation_id}/versions/{version}".format(
            evaluation_id=quote(str(evaluation_id), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Evaluation | None:
    if response.status_code == 200:
        response_200 = Evaluation.from_dict(response.json())

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
) -> Response[Error | Evaluation]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    evaluation_id: int,
    version: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | Evaluation]:
    """One version of the evaluation.

    Args:
        evaluation_id (int):
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Evaluation]
    """

    kwargs = _get_kwargs(
        evaluation_id=evaluation_id,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    evaluation_id: int,
    version: int,
    *,
    client: AuthenticatedClient | Client,
) -> Error | Evaluation | None:
    """One version of the evaluation.

    Args:
        evaluation_id (int):
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Evaluation
    """

    return sync_detailed(
        evaluation_id=evaluation_id,
        version=version,
        client=client,
    ).parsed


async def asyncio_detailed(
    evaluation_id: int,
    version: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | Evaluation]:
    """One version of the evaluation.

    Args:
        evaluation_id (int):
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Evaluation]
    """

    kwargs = _get_kwargs(
        evaluation_id=evaluation_id,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    evaluation_id: int,
    version: int,
    *,
    client: AuthenticatedClient | Client,
) -> Error | Evaluation | None:
    """One version of the evaluation.

    Args:
        evaluation_id (int):
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Evaluation
    """

    return (
        await asyncio_detailed(
            evaluation_id=evaluation_id,
            version=version,
            client=client,
        )
    ).parsed
