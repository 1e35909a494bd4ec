from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detail import Detail
from ...models.validation_failure import ValidationFailure
from ...models.workflow_in import WorkflowIn
from ...models.workflow_out import WorkflowOut
from ...types import Response


def _get_kwargs(
    *,
    body: WorkflowIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/workflows/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Detail | ValidationFailure | WorkflowOut | None:
    if response.status_code == 201:
        response_201 = WorkflowOut.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Detail.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = Detail.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = ValidationFailure.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Detail | ValidationFailure | WorkflowOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowIn,
) -> Response[Detail | ValidationFailure | WorkflowOut]:
    """Create a workflow (a taken slug is 409, not renamed)

     The workflow is backed by a native workflow in the project "Pipelit" of the caller's
    organization (created on first use).

    Args:
        body (WorkflowIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | ValidationFailure | WorkflowOut]
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
    body: WorkflowIn,
) -> Detail | ValidationFailure | WorkflowOut | None:
    """Create a workflow (a taken slug is 409, not renamed)

     The workflow is backed by a native workflow in the project "Pipelit" of the caller's
    organization (created on first use).

    Args:
        body (WorkflowIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | ValidationFailure | WorkflowOut
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowIn,
) -> Response[Detail | ValidationFailure | WorkflowOut]:
    """Create a workflow (a taken slug is 409, not renamed)

     The workflow is backed by a native workflow in the project "Pipelit" of the caller's
    organization (created on first use).

    Args:
        body (WorkflowIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | ValidationFailure | WorkflowOut]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowIn,
) -> Detail | ValidationFailure | WorkflowOut | None:
    """Create a workflow (a taken slug is 409, not renamed)

     The workflow is backed by a native workflow in the project "Pipelit" of the caller's
    organization (created on first use).

    Args:
        body (WorkflowIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | ValidationFailure | WorkflowOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
