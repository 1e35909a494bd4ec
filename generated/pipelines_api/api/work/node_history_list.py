from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.node_history_page import NodeHistoryPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/projects/{project_id}/workflows/{workflow_id}/nodes/{node_db_id}/history".format(
            project_id=quote(str(project_id), safe=""),
            workflow_id=quote(str(workflow_id), safe=""),
            node_db_id=quote(str(node_db_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | NodeHistoryPage | None:
    if response.status_code == 200:
        response_200 = NodeHistoryPage.from_dict(response.json())

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
) -> Response[Error | NodeHistoryPage]:
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
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> Response[Error | NodeHistoryPage]:
    """Everything that happened to a node, oldest first

     The node instance's events, oldest first: every `node.*` and `review.*` event of the node (claims,
    releases, submissions, verdicts, escalation and quarantine, admin edits, reverts and resolutions;
    types added later appear without change), and, for a subtask, the verdicts the review nodes that
    judge it gave (review.passed / review.rejected, on the review node). Each names who (user id and
    email, null for the engine) and when, and carries the submission the event recorded (attempt number,
    `via`, values) when there is one. Any member of the organization may read it; another organization's
    node, or a node of another workflow or project, is 404.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | NodeHistoryPage]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        node_db_id=node_db_id,
        page=page,
        page_size=page_size,
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
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> Error | NodeHistoryPage | None:
    """Everything that happened to a node, oldest first

     The node instance's events, oldest first: every `node.*` and `review.*` event of the node (claims,
    releases, submissions, verdicts, escalation and quarantine, admin edits, reverts and resolutions;
    types added later appear without change), and, for a subtask, the verdicts the review nodes that
    judge it gave (review.passed / review.rejected, on the review node). Each names who (user id and
    email, null for the engine) and when, and carries the submission the event recorded (attempt number,
    `via`, values) when there is one. Any member of the organization may read it; another organization's
    node, or a node of another workflow or project, is 404.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | NodeHistoryPage
    """

    return sync_detailed(
        project_id=project_id,
        workflow_id=workflow_id,
        node_db_id=node_db_id,
        client=client,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> Response[Error | NodeHistoryPage]:
    """Everything that happened to a node, oldest first

     The node instance's events, oldest first: every `node.*` and `review.*` event of the node (claims,
    releases, submissions, verdicts, escalation and quarantine, admin edits, reverts and resolutions;
    types added later appear without change), and, for a subtask, the verdicts the review nodes that
    judge it gave (review.passed / review.rejected, on the review node). Each names who (user id and
    email, null for the engine) and when, and carries the submission the event recorded (attempt number,
    `via`, values) when there is one. Any member of the organization may read it; another organization's
    node, or a node of another workflow or project, is 404.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | NodeHistoryPage]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        node_db_id=node_db_id,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> Error | NodeHistoryPage | None:
    """Everything that happened to a node, oldest first

     The node instance's events, oldest first: every `node.*` and `review.*` event of the node (claims,
    releases, submissions, verdicts, escalation and quarantine, admin edits, reverts and resolutions;
    types added later appear without change), and, for a subtask, the verdicts the review nodes that
    judge it gave (review.passed / review.rejected, on the review node). Each names who (user id and
    email, null for the engine) and when, and carries the submission the event recorded (attempt number,
    `via`, values) when there is one. Any member of the organization may read it; another organization's
    node, or a node of another workflow or project, is 404.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | NodeHistoryPage
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            workflow_id=workflow_id,
            node_db_id=node_db_id,
            client=client,
            page=page,
            page_size=page_size,
        )
    ).parsed
