from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.node_work import NodeWork
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    attempt_number: int,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/projects/{project_id}/workflows/{workflow_id}/nodes/{node_db_id}/revert/{attempt_number}".format(
            project_id=quote(str(project_id), safe=""),
            workflow_id=quote(str(workflow_id), safe=""),
            node_db_id=quote(str(node_db_id), safe=""),
            attempt_number=quote(str(attempt_number), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | NodeWork | None:
    if response.status_code == 200:
        response_200 = NodeWork.from_dict(response.json())

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
    attempt_number: int,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | NodeWork]:
    """Revert a subtask to one of its earlier submissions

     The subtask's output becomes the values of its submission `attempt_number` (see the node's history);
    a new submission is recorded with via=revert and the event `node.reverted` {to_attempt, submission}
    is written. Every node downstream of the subtask is reset and runs again with the reverted values (a
    review of the subtask judges them again, the subtask being `submitted` until it passes). A finished
    task reopens (status in_progress, its finished_at, output and error cleared, event `task.reopened`)
    and finishes again when its graph does; a task that finishes again starts its workflow chains again,
    with the corrected output. A reopened task does not go through admission again (the organization's
    limit of running tasks, org_max_running, does not hold it back): this is accepted, since the
    correction belongs to a task that was already admitted, and its machine nodes still wait their turn
    in the fair claim queue like every other task's. 409 when the task is cancelled or failed, when the
    subtask is pending, deferred or na (only submitted work, or work sent back for another round, is
    reverted), or when the subtask sits inside a loop's body. 404 when the node has no such submission,
    or is not a subtask. Org admins only (a member, or a key whose user was removed, is 403; another
    organization's node is 404); recorded as a node submission and a timeline event with the admin as
    actor. Takes an Idempotency-Key: a retry with the same key and body replays the first reply (header
    Idempotent-Replayed: true) without correcting again or re-running anything, the same key with
    another body is 409.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):
        attempt_number (int):
        idempotency_key (str | Unset):

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
        attempt_number=attempt_number,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    attempt_number: int,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> Error | NodeWork | None:
    """Revert a subtask to one of its earlier submissions

     The subtask's output becomes the values of its submission `attempt_number` (see the node's history);
    a new submission is recorded with via=revert and the event `node.reverted` {to_attempt, submission}
    is written. Every node downstream of the subtask is reset and runs again with the reverted values (a
    review of the subtask judges them again, the subtask being `submitted` until it passes). A finished
    task reopens (status in_progress, its finished_at, output and error cleared, event `task.reopened`)
    and finishes again when its graph does; a task that finishes again starts its workflow chains again,
    with the corrected output. A reopened task does not go through admission again (the organization's
    limit of running tasks, org_max_running, does not hold it back): this is accepted, since the
    correction belongs to a task that was already admitted, and its machine nodes still wait their turn
    in the fair claim queue like every other task's. 409 when the task is cancelled or failed, when the
    subtask is pending, deferred or na (only submitted work, or work sent back for another round, is
    reverted), or when the subtask sits inside a loop's body. 404 when the node has no such submission,
    or is not a subtask. Org admins only (a member, or a key whose user was removed, is 403; another
    organization's node is 404); recorded as a node submission and a timeline event with the admin as
    actor. Takes an Idempotency-Key: a retry with the same key and body replays the first reply (header
    Idempotent-Replayed: true) without correcting again or re-running anything, the same key with
    another body is 409.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):
        attempt_number (int):
        idempotency_key (str | Unset):

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
        attempt_number=attempt_number,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    attempt_number: int,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | NodeWork]:
    """Revert a subtask to one of its earlier submissions

     The subtask's output becomes the values of its submission `attempt_number` (see the node's history);
    a new submission is recorded with via=revert and the event `node.reverted` {to_attempt, submission}
    is written. Every node downstream of the subtask is reset and runs again with the reverted values (a
    review of the subtask judges them again, the subtask being `submitted` until it passes). A finished
    task reopens (status in_progress, its finished_at, output and error cleared, event `task.reopened`)
    and finishes again when its graph does; a task that finishes again starts its workflow chains again,
    with the corrected output. A reopened task does not go through admission again (the organization's
    limit of running tasks, org_max_running, does not hold it back): this is accepted, since the
    correction belongs to a task that was already admitted, and its machine nodes still wait their turn
    in the fair claim queue like every other task's. 409 when the task is cancelled or failed, when the
    subtask is pending, deferred or na (only submitted work, or work sent back for another round, is
    reverted), or when the subtask sits inside a loop's body. 404 when the node has no such submission,
    or is not a subtask. Org admins only (a member, or a key whose user was removed, is 403; another
    organization's node is 404); recorded as a node submission and a timeline event with the admin as
    actor. Takes an Idempotency-Key: a retry with the same key and body replays the first reply (header
    Idempotent-Replayed: true) without correcting again or re-running anything, the same key with
    another body is 409.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):
        attempt_number (int):
        idempotency_key (str | Unset):

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
        attempt_number=attempt_number,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    attempt_number: int,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> Error | NodeWork | None:
    """Revert a subtask to one of its earlier submissions

     The subtask's output becomes the values of its submission `attempt_number` (see the node's history);
    a new submission is recorded with via=revert and the event `node.reverted` {to_attempt, submission}
    is written. Every node downstream of the subtask is reset and runs again with the reverted values (a
    review of the subtask judges them again, the subtask being `submitted` until it passes). A finished
    task reopens (status in_progress, its finished_at, output and error cleared, event `task.reopened`)
    and finishes again when its graph does; a task that finishes again starts its workflow chains again,
    with the corrected output. A reopened task does not go through admission again (the organization's
    limit of running tasks, org_max_running, does not hold it back): this is accepted, since the
    correction belongs to a task that was already admitted, and its machine nodes still wait their turn
    in the fair claim queue like every other task's. 409 when the task is cancelled or failed, when the
    subtask is pending, deferred or na (only submitted work, or work sent back for another round, is
    reverted), or when the subtask sits inside a loop's body. 404 when the node has no such submission,
    or is not a subtask. Org admins only (a member, or a key whose user was removed, is 403; another
    organization's node is 404); recorded as a node submission and a timeline event with the admin as
    actor. Takes an Idempotency-Key: a retry with the same key and body replays the first reply (header
    Idempotent-Replayed: true) without correcting again or re-running anything, the same key with
    another body is 409.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):
        attempt_number (int):
        idempotency_key (str | Unset):

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
            attempt_number=attempt_number,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
