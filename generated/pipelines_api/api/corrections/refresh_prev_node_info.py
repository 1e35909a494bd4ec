from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.node_work import NodeWork
from ...types import Response


def _get_kwargs(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/projects/{project_id}/workflows/{workflow_id}/nodes/{node_db_id}/refresh-prev-node-info".format(
            project_id=quote(str(project_id), safe=""),
            workflow_id=quote(str(workflow_id), safe=""),
            node_db_id=quote(str(node_db_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | NodeWork | None:
    if response.status_code == 200:
        response_200 = NodeWork.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

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
) -> Response[Error | NodeWork]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | NodeWork]:
    """Recompute an open human node's input from its upstream nodes

     For an open (available or claimed) subtask or review: its input is recomputed from its upstream
    nodes' current outputs (after an upstream correction), and a subtask's static and task-input prefill
    with it (values an llm prefilled are kept). Nothing else changes: the claim and its lease stay.
    Event `node.refreshed` {changed}. Allowed for the user holding the node and for org admins (anyone
    else is 403; another organization's node is 404). 409 when the node is not open (pending, submitted,
    finished, ...) or an upstream node has no output.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | NodeWork]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        node_db_id=node_db_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Error | NodeWork | None:
    """Recompute an open human node's input from its upstream nodes

     For an open (available or claimed) subtask or review: its input is recomputed from its upstream
    nodes' current outputs (after an upstream correction), and a subtask's static and task-input prefill
    with it (values an llm prefilled are kept). Nothing else changes: the claim and its lease stay.
    Event `node.refreshed` {changed}. Allowed for the user holding the node and for org admins (anyone
    else is 403; another organization's node is 404). 409 when the node is not open (pending, submitted,
    finished, ...) or an upstream node has no output.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | NodeWork
    """

    return sync_detailed(
        project_id=project_id,
        workflow_id=workflow_id,
        node_db_id=node_db_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | NodeWork]:
    """Recompute an open human node's input from its upstream nodes

     For an open (available or claimed) subtask or review: its input is recomputed from its upstream
    nodes' current outputs (after an upstream correction), and a subtask's static and task-input prefill
    with it (values an llm prefilled are kept). Nothing else changes: the claim and its lease stay.
    Event `node.refreshed` {changed}. Allowed for the user holding the node and for org admins (anyone
    else is 403; another organization's node is 404). 409 when the node is not open (pending, submitted,
    finished, ...) or an upstream node has no output.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | NodeWork]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        node_db_id=node_db_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Error | NodeWork | None:
    """Recompute an open human node's input from its upstream nodes

     For an open (available or claimed) subtask or review: its input is recomputed from its upstream
    nodes' current outputs (after an upstream correction), and a subtask's static and task-input prefill
    with it (values an llm prefilled are kept). Nothing else changes: the claim and its lease stay.
    Event `node.refreshed` {changed}. Allowed for the user holding the node and for org admins (anyone
    else is 403; another organization's node is 404). 409 when the node is not open (pending, submitted,
    finished, ...) or an upstream node has no output.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | NodeWork
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            workflow_id=workflow_id,
            node_db_id=node_db_id,
            client=client,
        )
    ).parsed
