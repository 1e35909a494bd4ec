from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.workflow_chain import WorkflowChain
from ...models.workflow_chain_create import WorkflowChainCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: int,
    *,
    body: WorkflowChainCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/projects/{project_id}/workflow-chains".format(
            project_id=quote(str(project_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | WorkflowChain | None:
    if response.status_code == 201:
        response_201 = WorkflowChain.from_dict(response.json())

        return response_201

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
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowChainCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | WorkflowChain]:
    """Creates a chain (organization admins only; a member gets 403): when a task of the
    source workflow **finishes** (not when it fails or is cancelled), a task is created in
    the target workflow with the fields `field_mapping` takes from the finished task.

    `field_mapping` maps each target field name to a path in the finished source task:
    `output` (the task's output: its end node's value) or `output.<path>`; `fields` (its
    input record) or `fields.<name>[.<path>]` (`<name>` must be a field of the source
    workflow); `task_id` (the source task's id). A `<path>` is dotted: object members by
    name, array elements by index (`output.items.0.id`), as in gates and evaluations.

    Refused with 422, every reason listed: a workflow not in this project (or not in the
    caller's organization), a mapped field the target's schema does not have, a required
    target field left unmapped, a target with file upload fields (those tasks come from
    ZIP uploads only), a path that is not one of the forms above, and a chain that would
    close a cycle through chains (A -> B -> A, or A -> A; disabled chains count).

    Running: the task's finishing transaction queues one durable job per enabled chain
    (job id derived from `chain:<chain_id>:<task_id>:<n>`, n counting the task's finishes,
    so each finish creates at most one target task per chain). The job creates the target task as the
    chain's creator
    (validated against the target's field schema; a path that leads nowhere in a given
    task leaves that field unset) and writes `task.chained` on the source task's timeline:
    `{chain_id, target_task_id}`, or `{chain_id, error}` when the run failed (the target
    workflow not ACTIVE or PAUSED, mapped values the schema refuses, the chain disabled or
    deleted meanwhile). Latency: about a second in the embedded server (the job runner
    polls every second); under Celery, when the job sweeper sends the job to the workers,
    within about `PIPELINES_JOB_LEASE_SECONDS` (30 s by default) of the source task
    finishing. `stats` counts the target tasks created and the failed runs.

    Corrections: a revert or admin edit reopens a finished task (status in_progress, output
    cleared). A chain's run that finds its source task reopened creates nothing and fails
    nothing: `task.chained` `{chain_id, skipped: "the source task was reopened before the
    chain ran; it runs again when the task finishes"}`. When the task finishes again, that
    finish queues the chains again and a new target task is created from the corrected
    output (the target task of the earlier finish stays). A run of an earlier finish that
    comes after a later one is skipped the same way (`skipped`: the task finished again;
    the later finish's run creates the target task). Skipped runs count in neither
    `stats` figure.

    Args:
        project_id (int):
        idempotency_key (str | Unset):
        body (WorkflowChainCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkflowChain]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowChainCreate,
    idempotency_key: str | Unset = UNSET,
) -> Error | WorkflowChain | None:
    """Creates a chain (organization admins only; a member gets 403): when a task of the
    source workflow **finishes** (not when it fails or is cancelled), a task is created in
    the target workflow with the fields `field_mapping` takes from the finished task.

    `field_mapping` maps each target field name to a path in the finished source task:
    `output` (the task's output: its end node's value) or `output.<path>`; `fields` (its
    input record) or `fields.<name>[.<path>]` (`<name>` must be a field of the source
    workflow); `task_id` (the source task's id). A `<path>` is dotted: object members by
    name, array elements by index (`output.items.0.id`), as in gates and evaluations.

    Refused with 422, every reason listed: a workflow not in this project (or not in the
    caller's organization), a mapped field the target's schema does not have, a required
    target field left unmapped, a target with file upload fields (those tasks come from
    ZIP uploads only), a path that is not one of the forms above, and a chain that would
    close a cycle through chains (A -> B -> A, or A -> A; disabled chains count).

    Running: the task's finishing transaction queues one durable job per enabled chain
    (job id derived from `chain:<chain_id>:<task_id>:<n>`, n counting the task's finishes,
    so each finish creates at most one target task per chain). The job creates the target task as the
    chain's creator
    (validated against the target's field schema; a path that leads nowhere in a given
    task leaves that field unset) and writes `task.chained` on the source task's timeline:
    `{chain_id, target_task_id}`, or `{chain_id, error}` when the run failed (the target
    workflow not ACTIVE or PAUSED, mapped values the schema refuses, the chain disabled or
    deleted meanwhile). Latency: about a second in the embedded server (the job runner
    polls every second); under Celery, when the job sweeper sends the job to the workers,
    within about `PIPELINES_JOB_LEASE_SECONDS` (30 s by default) of the source task
    finishing. `stats` counts the target tasks created and the failed runs.

    Corrections: a revert or admin edit reopens a finished task (status in_progress, output
    cleared). A chain's run that finds its source task reopened creates nothing and fails
    nothing: `task.chained` `{chain_id, skipped: "the source task was reopened before the
    chain ran; it runs again when the task finishes"}`. When the task finishes again, that
    finish queues the chains again and a new target task is created from the corrected
    output (the target task of the earlier finish stays). A run of an earlier finish that
    comes after a later one is skipped the same way (`skipped`: the task finished again;
    the later finish's run creates the target task). Skipped runs count in neither
    `stats` figure.

    Args:
        project_id (int):
        idempotency_key (str | Unset):
        body (WorkflowChainCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkflowChain
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowChainCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | WorkflowChain]:
    """Creates a chain (organization admins only; a member gets 403): when a task of the
    source workflow **finishes** (not when it fails or is cancelled), a task is created in
    the target workflow with the fields `field_mapping` takes from the finished task.

    `field_mapping` maps each target field name to a path in the finished source task:
    `output` (the task's output: its end node's value) or `output.<path>`; `fields` (its
    input record) or `fields.<name>[.<path>]` (`<name>` must be a field of the source
    workflow); `task_id` (the source task's id). A `<path>` is dotted: object members by
    name, array elements by index (`output.items.0.id`), as in gates and evaluations.

    Refused with 422, every reason listed: a workflow not in this project (or not in the
    caller's organization), a mapped field the target's schema does not have, a required
    target field left unmapped, a target with file upload fields (those tasks come from
    ZIP uploads only), a path that is not one of the forms above, and a chain that would
    close a cycle through chains (A -> B -> A, or A -> A; disabled chains count).

    Running: the task's finishing transaction queues one durable job per enabled chain
    (job id derived from `chain:<chain_id>:<task_id>:<n>`, n counting the task's finishes,
    so each finish creates at most one target task per chain). The job creates the target task as the
    chain's creator
    (validated against the target's field schema; a path that leads nowhere in a given
    task leaves that field unset) and writes `task.chained` on the source task's timeline:
    `{chain_id, target_task_id}`, or `{chain_id, error}` when the run failed (the target
    workflow not ACTIVE or PAUSED, mapped values the schema refuses, the chain disabled or
    deleted meanwhile). Latency: about a second in the embedded server (the job runner
    polls every second); under Celery, when the job sweeper sends the job to the workers,
    within about `PIPELINES_JOB_LEASE_SECONDS` (30 s by default) of the source task
    finishing. `stats` counts the target tasks created and the failed runs.

    Corrections: a revert or admin edit reopens a finished task (status in_progress, output
    cleared). A chain's run that finds its source task reopened creates nothing and fails
    nothing: `task.chained` `{chain_id, skipped: "the source task was reopened before the
    chain ran; it runs again when the task finishes"}`. When the task finishes again, that
    finish queues the chains again and a new target task is created from the corrected
    output (the target task of the earlier finish stays). A run of an earlier finish that
    comes after a later one is skipped the same way (`skipped`: the task finished again;
    the later finish's run creates the target task). Skipped runs count in neither
    `stats` figure.

    Args:
        project_id (int):
        idempotency_key (str | Unset):
        body (WorkflowChainCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkflowChain]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowChainCreate,
    idempotency_key: str | Unset = UNSET,
) -> Error | WorkflowChain | None:
    """Creates a chain (organization admins only; a member gets 403): when a task of the
    source workflow **finishes** (not when it fails or is cancelled), a task is created in
    the target workflow with the fields `field_mapping` takes from the finished task.

    `field_mapping` maps each target field name to a path in the finished source task:
    `output` (the task's output: its end node's value) or `output.<path>`; `fields` (its
    input record) or `fields.<name>[.<path>]` (`<name>` must be a field of the source
    workflow); `task_id` (the source task's id). A `<path>` is dotted: object members by
    name, array elements by index (`output.items.0.id`), as in gates and evaluations.

    Refused with 422, every reason listed: a workflow not in this project (or not in the
    caller's organization), a mapped field the target's schema does not have, a required
    target field left unmapped, a target with file upload fields (those tasks come from
    ZIP uploads only), a path that is not one of the forms above, and a chain that would
    close a cycle through chains (A -> B -> A, or A -> A; disabled chains count).

    Running: the task's finishing transaction queues one durable job per enabled chain
    (job id derived from `chain:<chain_id>:<task_id>:<n>`, n counting the task's finishes,
    so each finish creates at most one target task per chain). The job creates the target task as the
    chain's creator
    (validated against the target's field schema; a path that leads nowhere in a given
    task leaves that field unset) and writes `task.chained` on the source task's timeline:
    `{chain_id, target_task_id}`, or `{chain_id, error}` when the run failed (the target
    workflow not ACTIVE or PAUSED, mapped values the schema refuses, the chain disabled or
    deleted meanwhile). Latency: about a second in the embedded server (the job runner
    polls every second); under Celery, when the job sweeper sends the job to the workers,
    within about `PIPELINES_JOB_LEASE_SECONDS` (30 s by default) of the source task
    finishing. `stats` counts the target tasks created and the failed runs.

    Corrections: a revert or admin edit reopens a finished task (status in_progress, output
    cleared). A chain's run that finds its source task reopened creates nothing and fails
    nothing: `task.chained` `{chain_id, skipped: "the source task was reopened before the
    chain ran; it runs again when the task finishes"}`. When the task finishes again, that
    finish queues the chains again and a new target task is created from the corrected
    output (the target task of the earlier finish stays). A run of an earlier finish that
    comes after a later one is skipped the same way (`skipped`: the task finished again;
    the later finish's run creates the target task). Skipped runs count in neither
    `stats` figure.

    Args:
        project_id (int):
        idempotency_key (str | Unset):
        body (WorkflowChainCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkflowChain
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
