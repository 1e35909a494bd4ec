from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.correction_inline_edit import CorrectionInlineEdit
from ...models.error import Error
from ...models.node_work import NodeWork
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    *,
    body: CorrectionInlineEdit,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/projects/{project_id}/workflows/{workflow_id}/nodes/{node_db_id}/admin-inline-edit".format(
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
    body: CorrectionInlineEdit,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | NodeWork]:
    """Change one field of a submitted or finished subtask

     `field` names one of the subtask's fields (422 otherwise); the value is validated against that field
    (422 with the reason). Recorded with via=inline_edit, event `node.inline_edited` {submission,
    field}; every node downstream is reset and runs again as a revert does (a finished task reopens; a
    task that finishes again starts its chains again, with the corrected output). A value equal to the
    field's current one changes nothing: no submission, no event, nothing runs again, and the reply is
    the node as it is. 409 when the subtask has not been submitted, or its task is cancelled or failed.
    Org admins only (a member, or a key whose user was removed, is 403; another organization's node is
    404); recorded as a node submission and a timeline event with the admin as actor. Takes an
    Idempotency-Key: a retry with the same key and body replays the first reply (header Idempotent-
    Replayed: true) without correcting again or re-running anything, the same key with another body is
    409.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):
        idempotency_key (str | Unset):
        body (CorrectionInlineEdit):

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
    *,
    client: AuthenticatedClient | Client,
    body: CorrectionInlineEdit,
    idempotency_key: str | Unset = UNSET,
) -> Error | NodeWork | None:
    """Change one field of a submitted or finished subtask

     `field` names one of the subtask's fields (422 otherwise); the value is validated against that field
    (422 with the reason). Recorded with via=inline_edit, event `node.inline_edited` {submission,
    field}; every node downstream is reset and runs again as a revert does (a finished task reopens; a
    task that finishes again starts its chains again, with the corrected output). A value equal to the
    field's current one changes nothing: no submission, no event, nothing runs again, and the reply is
    the node as it is. 409 when the subtask has not been submitted, or its task is cancelled or failed.
    Org admins only (a member, or a key whose user was removed, is 403; another organization's node is
    404); recorded as a node submission and a timeline event with the admin as actor. Takes an
    Idempotency-Key: a retry with the same key and body replays the first reply (header Idempotent-
    Replayed: true) without correcting again or re-running anything, the same key with another body is
    409.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):
        idempotency_key (str | Unset):
        body (CorrectionInlineEdit):

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
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CorrectionInlineEdit,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | NodeWork]:
    """Change one field of a submitted or finished subtask

     `field` names one of the subtask's fields (422 otherwise); the value is validated against that field
    (422 with the reason). Recorded with via=inline_edit, event `node.inline_edited` {submission,
    field}; every node downstream is reset and runs again as a revert does (a finished task reopens; a
    task that finishes again starts its chains again, with the corrected output). A value equal to the
    field's current one changes nothing: no submission, no event, nothing runs again, and the reply is
    the node as it is. 409 when the subtask has not been submitted, or its task is cancelled or failed.
    Org admins only (a member, or a key whose user was removed, is 403; another organization's node is
    404); recorded as a node submission and a timeline event with the admin as actor. Takes an
    Idempotency-Key: a retry with the same key and body replays the first reply (header Idempotent-
    Replayed: true) without correcting again or re-running anything, the same key with another body is
    409.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):
        idempotency_key (str | Unset):
        body (CorrectionInlineEdit):

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
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CorrectionInlineEdit,
    idempotency_key: str | Unset = UNSET,
) -> Error | NodeWork | None:
    """Change one field of a submitted or finished subtask

     `field` names one of the subtask's fields (422 otherwise); the value is validated against that field
    (422 with the reason). Recorded with via=inline_edit, event `node.inline_edited` {submission,
    field}; every node downstream is reset and runs again as a revert does (a finished task reopens; a
    task that finishes again starts its chains again, with the corrected output). A value equal to the
    field's current one changes nothing: no submission, no event, nothing runs again, and the reply is
    the node as it is. 409 when the subtask has not been submitted, or its task is cancelled or failed.
    Org admins only (a member, or a key whose user was removed, is 403; another organization's node is
    404); recorded as a node submission and a timeline event with the admin as actor. Takes an
    Idempotency-Key: a retry with the same key and body replays the first reply (header Idempotent-
    Replayed: true) without correcting again or re-running anything, the same key with another body is
    409.

    Args:
        project_id (int):
        workflow_id (int):
        node_db_id (int):
        idempotency_key (str | Unset):
        body (CorrectionInlineEdit):

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
            idempotency_key=idempotency_key,
        )
    ).parsed
