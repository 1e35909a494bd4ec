from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.workflow_chain import WorkflowChain
from ...models.workflow_chain_update import WorkflowChainUpdate
from ...types import Response


def _get_kwargs(
    project_id: int,
    chain_id: int,
    *,
    body: WorkflowChainUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/projects/{project_id}/workflow-chains/{chain_id}".format(
            project_id=quote(str(project_id), safe=""),
            chain_id=quote(str(chain_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | WorkflowChain | None:
    if response.status_code == 200:
        response_200 = WorkflowChain.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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
) -> Response[Error | WorkflowChain]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: int,
    chain_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowChainUpdate,
) -> Response[Error | WorkflowChain]:
    """Renames, enables or disables a chain, or replaces its `field_mapping` (validated as at
    creation); the source and target workflows never change (create another chain).
    Organization admins only. Disabling a chain also stops its runs already queued (they
    fail with the reason on the source task's timeline).

    Args:
        project_id (int):
        chain_id (int):
        body (WorkflowChainUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkflowChain]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        chain_id=chain_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: int,
    chain_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowChainUpdate,
) -> Error | WorkflowChain | None:
    """Renames, enables or disables a chain, or replaces its `field_mapping` (validated as at
    creation); the source and target workflows never change (create another chain).
    Organization admins only. Disabling a chain also stops its runs already queued (they
    fail with the reason on the source task's timeline).

    Args:
        project_id (int):
        chain_id (int):
        body (WorkflowChainUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkflowChain
    """

    return sync_detailed(
        project_id=project_id,
        chain_id=chain_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    chain_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowChainUpdate,
) -> Response[Error | WorkflowChain]:
    """Renames, enables or disables a chain, or replaces its `field_mapping` (validated as at
    creation); the source and target workflows never change (create another chain).
    Organization admins only. Disabling a chain also stops its runs already queued (they
    fail with the reason on the source task's timeline).

    Args:
        project_id (int):
        chain_id (int):
        body (WorkflowChainUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkflowChain]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        chain_id=chain_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    chain_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowChainUpdate,
) -> Error | WorkflowChain | None:
    """Renames, enables or disables a chain, or replaces its `field_mapping` (validated as at
    creation); the source and target workflows never change (create another chain).
    Organization admins only. Disabling a chain also stops its runs already queued (they
    fail with the reason on the source task's timeline).

    Args:
        project_id (int):
        chain_id (int):
        body (WorkflowChainUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkflowChain
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            chain_id=chain_id,
            client=client,
            body=body,
        )
    ).parsed
