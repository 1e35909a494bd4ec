from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.tasks_create_async_request import TasksCreateAsyncRequest
from ...models.tasks_create_job import TasksCreateJob
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: int,
    workflow_id: int,
    *,
    body: TasksCreateAsyncRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/projects/{project_id}/workflows/{workflow_id}/seeded-data/create-tasks-async".format(
            project_id=quote(str(project_id), safe=""),
            workflow_id=quote(str(workflow_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TasksCreateJob | None:
    if response.status_code == 202:
        response_202 = TasksCreateJob.from_dict(response.json())

        return response_202

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
) -> Response[Error | TasksCreateJob]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: int,
    workflow_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: TasksCreateAsyncRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | TasksCreateJob]:
    """Create tasks from JSON rows as a job

     The same body as `create-tasks`, with any number of rows up to the request body cap
    (PIPELINES_MAX_BODY_BYTES). Answers 202 with the job (`create_tasks`) to poll at
    `seeded-data/create-tasks-status/{job_id}`. The job inserts the rows in steps
    (PIPELINES_JOB_STEP_ROWS, 500), survives a restart, and ends `completed`,
    `completed_with_partial_results` (some rows bad), `failed` (every row bad, or the
    workflow stopped accepting tasks) or `cancelled`.

    Args:
        project_id (int):
        workflow_id (int):
        idempotency_key (str | Unset):
        body (TasksCreateAsyncRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TasksCreateJob]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: int,
    workflow_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: TasksCreateAsyncRequest,
    idempotency_key: str | Unset = UNSET,
) -> Error | TasksCreateJob | None:
    """Create tasks from JSON rows as a job

     The same body as `create-tasks`, with any number of rows up to the request body cap
    (PIPELINES_MAX_BODY_BYTES). Answers 202 with the job (`create_tasks`) to poll at
    `seeded-data/create-tasks-status/{job_id}`. The job inserts the rows in steps
    (PIPELINES_JOB_STEP_ROWS, 500), survives a restart, and ends `completed`,
    `completed_with_partial_results` (some rows bad), `failed` (every row bad, or the
    workflow stopped accepting tasks) or `cancelled`.

    Args:
        project_id (int):
        workflow_id (int):
        idempotency_key (str | Unset):
        body (TasksCreateAsyncRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TasksCreateJob
    """

    return sync_detailed(
        project_id=project_id,
        workflow_id=workflow_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    workflow_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: TasksCreateAsyncRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | TasksCreateJob]:
    """Create tasks from JSON rows as a job

     The same body as `create-tasks`, with any number of rows up to the request body cap
    (PIPELINES_MAX_BODY_BYTES). Answers 202 with the job (`create_tasks`) to poll at
    `seeded-data/create-tasks-status/{job_id}`. The job inserts the rows in steps
    (PIPELINES_JOB_STEP_ROWS, 500), survives a restart, and ends `completed`,
    `completed_with_partial_results` (some rows bad), `failed` (every row bad, or the
    workflow stopped accepting tasks) or `cancelled`.

    Args:
        project_id (int):
        workflow_id (int):
        idempotency_key (str | Unset):
        body (TasksCreateAsyncRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TasksCreateJob]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    workflow_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: TasksCreateAsyncRequest,
    idempotency_key: str | Unset = UNSET,
) -> Error | TasksCreateJob | None:
    """Create tasks from JSON rows as a job

     The same body as `create-tasks`, with any number of rows up to the request body cap
    (PIPELINES_MAX_BODY_BYTES). Answers 202 with the job (`create_tasks`) to poll at
    `seeded-data/create-tasks-status/{job_id}`. The job inserts the rows in steps
    (PIPELINES_JOB_STEP_ROWS, 500), survives a restart, and ends `completed`,
    `completed_with_partial_results` (some rows bad), `failed` (every row bad, or the
    workflow stopped accepting tasks) or `cancelled`.

    Args:
        project_id (int):
        workflow_id (int):
        idempotency_key (str | Unset):
        body (TasksCreateAsyncRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TasksCreateJob
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            workflow_id=workflow_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
