from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.tasks_create_request import TasksCreateRequest
from ...models.tasks_create_result import TasksCreateResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: int,
    workflow_id: int,
    *,
    body: TasksCreateRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/projects/{project_id}/workflows/{workflow_id}/create-tasks".format(
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
) -> Error | TasksCreateResult | None:
    if response.status_code == 200:
        response_200 = TasksCreateResult.from_dict(response.json())

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
) -> Response[Error | TasksCreateResult]:
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
    body: TasksCreateRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | TasksCreateResult]:
    """Create 1–5,000 tasks from JSON rows

     The body is the External API v1 batch's (`{"tasks": [{"fields": {...}}]}`): a v1 caller
    only changes the URL. Partial success: a 200 means at least one task was created;
    `errors` lists every bad row (`index` from 0). When every row is bad, or the workflow
    is not ACTIVE or PAUSED, or it has file-upload fields (use the ZIP upload flow, see
    `creation-mode`), the answer is 422 with each problem located at
    `["body", "tasks", i, "fields", name]`. The workflow must belong to the project.

    Args:
        project_id (int):
        workflow_id (int):
        idempotency_key (str | Unset):
        body (TasksCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TasksCreateResult]
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
    body: TasksCreateRequest,
    idempotency_key: str | Unset = UNSET,
) -> Error | TasksCreateResult | None:
    """Create 1–5,000 tasks from JSON rows

     The body is the External API v1 batch's (`{"tasks": [{"fields": {...}}]}`): a v1 caller
    only changes the URL. Partial success: a 200 means at least one task was created;
    `errors` lists every bad row (`index` from 0). When every row is bad, or the workflow
    is not ACTIVE or PAUSED, or it has file-upload fields (use the ZIP upload flow, see
    `creation-mode`), the answer is 422 with each problem located at
    `["body", "tasks", i, "fields", name]`. The workflow must belong to the project.

    Args:
        project_id (int):
        workflow_id (int):
        idempotency_key (str | Unset):
        body (TasksCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TasksCreateResult
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
    body: TasksCreateRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | TasksCreateResult]:
    """Create 1–5,000 tasks from JSON rows

     The body is the External API v1 batch's (`{"tasks": [{"fields": {...}}]}`): a v1 caller
    only changes the URL. Partial success: a 200 means at least one task was created;
    `errors` lists every bad row (`index` from 0). When every row is bad, or the workflow
    is not ACTIVE or PAUSED, or it has file-upload fields (use the ZIP upload flow, see
    `creation-mode`), the answer is 422 with each problem located at
    `["body", "tasks", i, "fields", name]`. The workflow must belong to the project.

    Args:
        project_id (int):
        workflow_id (int):
        idempotency_key (str | Unset):
        body (TasksCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TasksCreateResult]
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
    body: TasksCreateRequest,
    idempotency_key: str | Unset = UNSET,
) -> Error | TasksCreateResult | None:
    """Create 1–5,000 tasks from JSON rows

     The body is the External API v1 batch's (`{"tasks": [{"fields": {...}}]}`): a v1 caller
    only changes the URL. Partial success: a 200 means at least one task was created;
    `errors` lists every bad row (`index` from 0). When every row is bad, or the workflow
    is not ACTIVE or PAUSED, or it has file-upload fields (use the ZIP upload flow, see
    `creation-mode`), the answer is 422 with each problem located at
    `["body", "tasks", i, "fields", name]`. The workflow must belong to the project.

    Args:
        project_id (int):
        workflow_id (int):
        idempotency_key (str | Unset):
        body (TasksCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TasksCreateResult
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
