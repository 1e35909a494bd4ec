from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.evaluation_score import EvaluationScore
from ...models.evaluation_score_request import EvaluationScoreRequest
from ...types import Response


def _get_kwargs(
    evaluation_id: int,
    *,
    body: EvaluationScoreRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/evaluations/{evaluation_id}/score".format(
            evaluation_id=quote(str(evaluation_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | EvaluationScore | None:
    if response.status_code == 200:
        response_200 = EvaluationScore.from_dict(response.json())

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
) -> Response[Error | EvaluationScore]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    evaluation_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: EvaluationScoreRequest,
) -> Response[Error | EvaluationScore]:
    """Scores one record with an evaluation version (nothing is stored).

     `variables` are what the criteria see: `output` (the value scored), `expected` (for
    exact_match), and anything an llm_judge prompt names (e.g. `record`). llm_judge criteria
    call the organization's credential that serves their `model_slug`.

    Args:
        evaluation_id (int):
        body (EvaluationScoreRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | EvaluationScore]
    """

    kwargs = _get_kwargs(
        evaluation_id=evaluation_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    evaluation_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: EvaluationScoreRequest,
) -> Error | EvaluationScore | None:
    """Scores one record with an evaluation version (nothing is stored).

     `variables` are what the criteria see: `output` (the value scored), `expected` (for
    exact_match), and anything an llm_judge prompt names (e.g. `record`). llm_judge criteria
    call the organization's credential that serves their `model_slug`.

    Args:
        evaluation_id (int):
        body (EvaluationScoreRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | EvaluationScore
    """

    return sync_detailed(
        evaluation_id=evaluation_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    evaluation_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: EvaluationScoreRequest,
) -> Response[Error | EvaluationScore]:
    """Scores one record with an evaluation version (nothing is stored).

     `variables` are what the criteria see: `output` (the value scored), `expected` (for
    exact_match), and anything an llm_judge prompt names (e.g. `record`). llm_judge criteria
    call the organization's credential that serves their `model_slug`.

    Args:
        evaluation_id (int):
        body (EvaluationScoreRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | EvaluationScore]
    """

    kwargs = _get_kwargs(
        evaluation_id=evaluation_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    evaluation_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: EvaluationScoreRequest,
) -> Error | EvaluationScore | None:
    """Scores one record with an evaluation version (nothing is stored).

     `variables` are what the criteria see: `output` (the value scored), `expected` (for
    exact_match), and anything an llm_judge prompt names (e.g. `record`). llm_judge criteria
    call the organization's credential that serves their `model_slug`.

    Args:
        evaluation_id (int):
        body (EvaluationScoreRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | EvaluationScore
    """

    return (
        await asyncio_detailed(
            evaluation_id=evaluation_id,
            client=client,
            body=body,
        )
    ).parsed
