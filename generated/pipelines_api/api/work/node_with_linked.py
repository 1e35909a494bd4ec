from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.node_with_linked import NodeWithLinked
from ...types import Response


def _get_kwargs(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/projects/{project_id}/workflows/{workflow_id}/nodes/{node_db_id}/with-linked".format(
            project_id=quote(str(project_id), safe=""),
            workflow_id=quote(str(workflow_id), safe=""),
            node_db_id=quote(str(node_db_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | NodeWithLinked | None:
    if response.status_code == 200:
        response_200 = NodeWithLinked.from_dict(response.json())

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
) -> Response[Error | NodeWithLinked]:
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
) -> Response[Error | NodeWithLinked]:
    """A node with the nodes it depends on and the nodes it feeds

     The node's view (read-only) with the views of its direct upstream nodes (the sources of its incoming
    edges, a loop's back-edges included) in `upstream`, and of its direct downstream nodes (the targets
    of its outgoing edges) in `downstream`, each once, in the graph's edge order. A human node's view is
    the form view of GET .../subtask/view or .../review/view; a machine node's view has the keys every
    node view has (with its route and error); a node the task has not reached yet is `pending` with a
    null `node_db_id`. Any member of the organization may read it; another organization's node, or a
    node of another workflow or project, is 404.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | NodeWithLinked]
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
) -> Error | NodeWithLinked | None:
    """A node with the nodes it depends on and the nodes it feeds

     The node's view (read-only) with the views of its direct upstream nodes (the sources of its incoming
    edges, a loop's back-edges included) in `upstream`, and of its direct downstream nodes (the targets
    of its outgoing edges) in `downstream`, each once, in the graph's edge order. A human node's view is
    the form view of GET .../subtask/view or .../review/view; a machine node's view has the keys every
    node view has (with its route and error); a node the task has not reached yet is `pending` with a
    null `node_db_id`. Any member of the organization may read it; another organization's node, or a
    node of another workflow or project, is 404.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | NodeWithLinked
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
) -> Response[Error | NodeWithLinked]:
    """A node with the nodes it depends on and the nodes it feeds

     The node's view (read-only) with the views of its direct upstream nodes (the sources of its incoming
    edges, a loop's back-edges included) in `upstream`, and of its direct downstream nodes (the targets
    of its outgoing edges) in `downstream`, each once, in the graph's edge order. A human node's view is
    the form view of GET .../subtask/view or .../review/view; a machine node's view has the keys every
    node view has (with its route and error); a node the task has not reached yet is `pending` with a
    null `node_db_id`. Any member of the organization may read it; another organization's node, or a
    node of another workflow or project, is 404.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | NodeWithLinked]
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
) -> Error | NodeWithLinked | None:
    """A node with the nodes it depends on and the nodes it feeds

     The node's view (read-only) with the views of its direct upstream nodes (the sources of its incoming
    edges, a loop's back-edges included) in `upstream`, and of its direct downstream nodes (the targets
    of its outgoing edges) in `downstream`, each once, in the graph's edge order. A human node's view is
    the form view of GET .../subtask/view or .../review/view; a machine node's view has the keys every
    node view has (with its route and error); a node the task has not reached yet is `pending` with a
    null `node_db_id`. Any member of the organization may read it; another organization's node, or a
    node of another workflow or project, is 404.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | NodeWithLinked
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            workflow_id=workflow_id,
            node_db_id=node_db_id,
            client=client,
        )
    ).parsed
