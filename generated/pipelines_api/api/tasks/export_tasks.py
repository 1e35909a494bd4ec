from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.tasks_export_request import TasksExportRequest
from ...types import Response


def _get_kwargs(
    project_id: int,
    workflow_id: int,
    *,
    body: TasksExportRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/projects/{project_id}/workflows/{workflow_id}/export-tasks".format(
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
) -> Error | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

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
) -> Response[Error | str]:
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
    body: TasksExportRequest,
) -> Response[Error | str]:
    """Export the workflow's tasks as CSV or JSONL

     One row (CSV) or line (JSONL) per task, by id: `id`, `status`, `created_at`,
    `finished_at`, the input fields (CSV: one column per field of the workflow's schema;
    JSONL: a `fields` object), `output` (CSV: JSON text) and, when asked with `include`,
    `error`. Tasks created after the export began are not in it.

    What comes back depends on `Accept`: a caller that accepts `text/csv`,
    `application/jsonl` or anything (`*/*`, or no Accept header) gets the file
    **streamed** (read from the database in chunks, so any size is fine). A caller that
    asks for `application/json` only (the pipelines-sdk does) gets one JSON body
    `{"format", "row_count", "filename", "content"}` with the file's text in `content`,
    up to PIPELINES_EXPORT_INLINE_MAX_ROWS tasks (10,000); over that it is 413: stream
    it or use `export-tasks-async`.

    Args:
        project_id (int):
        workflow_id (int):
        body (TasksExportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        body=body,
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
    body: TasksExportRequest,
) -> Error | str | None:
    """Export the workflow's tasks as CSV or JSONL

     One row (CSV) or line (JSONL) per task, by id: `id`, `status`, `created_at`,
    `finished_at`, the input fields (CSV: one column per field of the workflow's schema;
    JSONL: a `fields` object), `output` (CSV: JSON text) and, when asked with `include`,
    `error`. Tasks created after the export began are not in it.

    What comes back depends on `Accept`: a caller that accepts `text/csv`,
    `application/jsonl` or anything (`*/*`, or no Accept header) gets the file
    **streamed** (read from the database in chunks, so any size is fine). A caller that
    asks for `application/json` only (the pipelines-sdk does) gets one JSON body
    `{"format", "row_count", "filename", "content"}` with the file's text in `content`,
    up to PIPELINES_EXPORT_INLINE_MAX_ROWS tasks (10,000); over that it is 413: stream
    it or use `export-tasks-async`.

    Args:
        project_id (int):
        workflow_id (int):
        body (TasksExportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return sync_detailed(
        project_id=project_id,
        workflow_id=workflow_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    workflow_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: TasksExportRequest,
) -> Response[Error | str]:
    """Export the workflow's tasks as CSV or JSONL

     One row (CSV) or line (JSONL) per task, by id: `id`, `status`, `created_at`,
    `finished_at`, the input fields (CSV: one column per field of the workflow's schema;
    JSONL: a `fields` object), `output` (CSV: JSON text) and, when asked with `include`,
    `error`. Tasks created after the export began are not in it.

    What comes back depends on `Accept`: a caller that accepts `text/csv`,
    `application/jsonl` or anything (`*/*`, or no Accept header) gets the file
    **streamed** (read from the database in chunks, so any size is fine). A caller that
    asks for `application/json` only (the pipelines-sdk does) gets one JSON body
    `{"format", "row_count", "filename", "content"}` with the file's text in `content`,
    up to PIPELINES_EXPORT_INLINE_MAX_ROWS tasks (10,000); over that it is 413: stream
    it or use `export-tasks-async`.

    Args:
        project_id (int):
        workflow_id (int):
        body (TasksExportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    workflow_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: TasksExportRequest,
) -> Error | str | None:
    """Export the workflow's tasks as CSV or JSONL

     One row (CSV) or line (JSONL) per task, by id: `id`, `status`, `created_at`,
    `finished_at`, the input fields (CSV: one column per field of the workflow's schema;
    JSONL: a `fields` object), `output` (CSV: JSON text) and, when asked with `include`,
    `error`. Tasks created after the export began are not in it.

    What comes back depends on `Accept`: a caller that accepts `text/csv`,
    `application/jsonl` or anything (`*/*`, or no Accept header) gets the file
    **streamed** (read from the database in chunks, so any size is fine). A caller that
    asks for `application/json` only (the pipelines-sdk does) gets one JSON body
    `{"format", "row_count", "filename", "content"}` with the file's text in `content`,
    up to PIPELINES_EXPORT_INLINE_MAX_ROWS tasks (10,000); over that it is 413: stream
    it or use `export-tasks-async`.

    Args:
        project_id (int):
        workflow_id (int):
        body (TasksExportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            workflow_id=workflow_id,
            client=client,
            body=body,
        )
    ).parsed
