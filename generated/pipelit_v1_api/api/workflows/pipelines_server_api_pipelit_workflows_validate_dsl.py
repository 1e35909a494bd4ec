from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detail import Detail
from ...models.dsl_validation import DslValidation
from ...models.pipelines_server_api_pipelit_workflows_validate_dsl_body import (
    PipelinesServerApiPipelitWorkflowsValidateDslBody,
)
from ...models.validation_failure import ValidationFailure
from ...types import Response


def _get_kwargs(
    *,
    body: PipelinesServerApiPipelitWorkflowsValidateDslBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/workflows/validate-dsl/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Detail | DslValidation | ValidationFailure | None:
    if response.status_code == 200:
        response_200 = DslValidation.from_dict(response.json())

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
) -> Response[Detail | DslValidation | ValidationFailure]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PipelinesServerApiPipelitWorkflowsValidateDslBody,
) -> Response[Detail | DslValidation | ValidationFailure]:
    """Dry-run a workflow DSL document (nothing is saved)

     Upstream's parse rules and stage prefixes ("Parse error: ", "Model resolution error: ",
    "Graph build error: "); `node_count` and `edge_count` are what the compiler would
    create. Kept modest: model `discover` and `capability` resolve to the caller's first
    llm credential without asking providers for their models, `inherit` has no parent
    node here, and fork mode (`based_on`, `patches`) only checks that the source exists.

    Args:
        body (PipelinesServerApiPipelitWorkflowsValidateDslBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | DslValidation | ValidationFailure]
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
    body: PipelinesServerApiPipelitWorkflowsValidateDslBody,
) -> Detail | DslValidation | ValidationFailure | None:
    """Dry-run a workflow DSL document (nothing is saved)

     Upstream's parse rules and stage prefixes ("Parse error: ", "Model resolution error: ",
    "Graph build error: "); `node_count` and `edge_count` are what the compiler would
    create. Kept modest: model `discover` and `capability` resolve to the caller's first
    llm credential without asking providers for their models, `inherit` has no parent
    node here, and fork mode (`based_on`, `patches`) only checks that the source exists.

    Args:
        body (PipelinesServerApiPipelitWorkflowsValidateDslBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | DslValidation | ValidationFailure
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PipelinesServerApiPipelitWorkflowsValidateDslBody,
) -> Response[Detail | DslValidation | ValidationFailure]:
    """Dry-run a workflow DSL document (nothing is saved)

     Upstream's parse rules and stage prefixes ("Parse error: ", "Model resolution error: ",
    "Graph build error: "); `node_count` and `edge_count` are what the compiler would
    create. Kept modest: model `discover` and `capability` resolve to the caller's first
    llm credential without asking providers for their models, `inherit` has no parent
    node here, and fork mode (`based_on`, `patches`) only checks that the source exists.

    Args:
        body (PipelinesServerApiPipelitWorkflowsValidateDslBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | DslValidation | ValidationFailure]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PipelinesServerApiPipelitWorkflowsValidateDslBody,
) -> Detail | DslValidation | ValidationFailure | None:
    """Dry-run a workflow DSL document (nothing is saved)

     Upstream's parse rules and stage prefixes ("Parse error: ", "Model resolution error: ",
    "Graph build error: "); `node_count` and `edge_count` are what the compiler would
    create. Kept modest: model `discover` and `capability` resolve to the caller's first
    llm credential without asking providers for their models, `inherit` has no parent
    node here, and fork mode (`based_on`, `patches`) only checks that the source exists.

    Args:
        body (PipelinesServerApiPipelitWorkflowsValidateDslBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | DslValidation | ValidationFailure
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
