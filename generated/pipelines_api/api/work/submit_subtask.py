from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.node_work import NodeWork
from ...models.subtask_submission import SubtaskSubmission
from ...types import Response


def _get_kwargs(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    *,
    body: SubtaskSubmission,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/projects/{project_id}/workflows/{workflow_id}/nodes/{node_db_id}/submit-subtask".format(
            project_id=quote(str(project_id), safe=""),
            workflow_id=quote(str(workflow_id), safe=""),
            node_db_id=quote(str(node_db_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

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
    body: SubtaskSubmission,
) -> Response[Error | NodeWork]:
    """Submit the values of a subtask the caller holds

     The values, over the node's prefilled ones, are validated against the node's fields (422 listing
    every field error). 409 when the caller does not hold the node or it was already submitted. A
    subtask that a review judges becomes `submitted` until the review passes; otherwise `finished`. The
    task moves on in the same transaction. A `file_upload` field's value is a reference `{"file_id":
    "<id>"}` to a file of the task's project, uploaded and confirmed first through POST
    /projects/{project_id}/files/upload-url, the PUT and .../confirm; it is stored as `{file_id,
    filename, content_type, size, sha256}` (other keys sent are ignored). Another project's or
    organization's file, one not confirmed or deleted (gc requested), or a value of another shape is a
    422 located at ["body", "values", "<field>"]. A file a submission refers to is kept: its enqueue-gc
    answers 409 while the task exists.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):
        body (SubtaskSubmission):

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
        body=body,
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
    body: SubtaskSubmission,
) -> Error | NodeWork | None:
    """Submit the values of a subtask the caller holds

     The values, over the node's prefilled ones, are validated against the node's fields (422 listing
    every field error). 409 when the caller does not hold the node or it was already submitted. A
    subtask that a review judges becomes `submitted` until the review passes; otherwise `finished`. The
    task moves on in the same transaction. A `file_upload` field's value is a reference `{"file_id":
    "<id>"}` to a file of the task's project, uploaded and confirmed first through POST
    /projects/{project_id}/files/upload-url, the PUT and .../confirm; it is stored as `{file_id,
    filename, content_type, size, sha256}` (other keys sent are ignored). Another project's or
    organization's file, one not confirmed or deleted (gc requested), or a value of another shape is a
    422 located at ["body", "values", "<field>"]. A file a submission refers to is kept: its enqueue-gc
    answers 409 while the task exists.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):
        body (SubtaskSubmission):

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
        body=body,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: SubtaskSubmission,
) -> Response[Error | NodeWork]:
    """Submit the values of a subtask the caller holds

     The values, over the node's prefilled ones, are validated against the node's fields (422 listing
    every field error). 409 when the caller does not hold the node or it was already submitted. A
    subtask that a review judges becomes `submitted` until the review passes; otherwise `finished`. The
    task moves on in the same transaction. A `file_upload` field's value is a reference `{"file_id":
    "<id>"}` to a file of the task's project, uploaded and confirmed first through POST
    /projects/{project_id}/files/upload-url, the PUT and .../confirm; it is stored as `{file_id,
    filename, content_type, size, sha256}` (other keys sent are ignored). Another project's or
    organization's file, one not confirmed or deleted (gc requested), or a value of another shape is a
    422 located at ["body", "values", "<field>"]. A file a submission refers to is kept: its enqueue-gc
    answers 409 while the task exists.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):
        body (SubtaskSubmission):

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
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: SubtaskSubmission,
) -> Error | NodeWork | None:
    """Submit the values of a subtask the caller holds

     The values, over the node's prefilled ones, are validated against the node's fields (422 listing
    every field error). 409 when the caller does not hold the node or it was already submitted. A
    subtask that a review judges becomes `submitted` until the review passes; otherwise `finished`. The
    task moves on in the same transaction. A `file_upload` field's value is a reference `{"file_id":
    "<id>"}` to a file of the task's project, uploaded and confirmed first through POST
    /projects/{project_id}/files/upload-url, the PUT and .../confirm; it is stored as `{file_id,
    filename, content_type, size, sha256}` (other keys sent are ignored). Another project's or
    organization's file, one not confirmed or deleted (gc requested), or a value of another shape is a
    422 located at ["body", "values", "<field>"]. A file a submission refers to is kept: its enqueue-gc
    answers 409 while the task exists.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):
        body (SubtaskSubmission):

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
            body=body,
        )
    ).parsed
