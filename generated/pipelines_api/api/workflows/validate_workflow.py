from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.workflow_update import WorkflowUpdate
from ...models.workflow_validation import WorkflowValidation
from ...types import Response


def _get_kwargs(
    project_id: int,
    *,
    body: WorkflowUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/projects/{project_id}/workflows/validate".format(
            project_id=quote(str(project_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | WorkflowValidation | None:
    if response.status_code == 200:
        response_200 = WorkflowValidation.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

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
) -> Response[Error | WorkflowValidation]:
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
    body: WorkflowUpdate,
) -> Response[Error | WorkflowValidation]:
    """Check a workflow definition without saving it (a dry run of create)

     Runs every check a create would run on these fields and this graph (field schema, graph rules and
    port types, assignees, library references, model slugs) and lists every reason it would be refused,
    located in the body as a create's 422 would locate them. Nothing is saved. A body that breaks the
    contract itself (wrong types) is 422 as for any request.

    Args:
        project_id (int):
        body (WorkflowUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkflowValidation]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowUpdate,
) -> Error | WorkflowValidation | None:
    """Check a workflow definition without saving it (a dry run of create)

     Runs every check a create would run on these fields and this graph (field schema, graph rules and
    port types, assignees, library references, model slugs) and lists every reason it would be refused,
    located in the body as a create's 422 would locate them. Nothing is saved. A body that breaks the
    contract itself (wrong types) is 422 as for any request.

    Args:
        project_id (int):
        body (WorkflowUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkflowValidation
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowUpdate,
) -> Response[Error | WorkflowValidation]:
    """Check a workflow definition without saving it (a dry run of create)

     Runs every check a create would run on these fields and this graph (field schema, graph rules and
    port types, assignees, library references, model slugs) and lists every reason it would be refused,
    located in the body as a create's 422 would locate them. Nothing is saved. A body that breaks the
    contract itself (wrong types) is 422 as for any request.

    Args:
        project_id (int):
        body (WorkflowUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkflowValidation]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowUpdate,
) -> Error | WorkflowValidation | None:
    """Check a workflow definition without saving it (a dry run of create)

     Runs every check a create would run on these fields and this graph (field schema, graph rules and
    port types, assignees, library references, model slugs) and lists every reason it would be refused,
    located in the body as a create's 422 would locate them. Nothing is saved. A body that breaks the
    contract itself (wrong types) is 422 as for any request.

    Args:
        project_id (int):
        body (WorkflowUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkflowValidation
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            body=body,
        )
    ).parsed
