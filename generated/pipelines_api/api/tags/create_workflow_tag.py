from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.tag import Tag
from ...models.tag_create import TagCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: int,
    workflow_id: int,
    *,
    body: TagCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/projects/{project_id}/workflows/{workflow_id}/tags".format(
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
) -> Error | Tag | None:
    if response.status_code == 201:
        response_201 = Tag.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

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
) -> Response[Error | Tag]:
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
    body: TagCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Tag]:
    """Create a tag of the workflow

     Any user of the organization may create a tag. The name (trimmed, 1 to 100 characters) is unique
    within the workflow (409 otherwise, compared exactly, case included); `color` is an optional hex
    color (`#rgb` or `#rrggbb`, stored lower case). The creator is recorded: they (or an organization
    admin) may delete it.

    Args:
        project_id (int):
        workflow_id (int):
        idempotency_key (str | Unset):
        body (TagCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Tag]
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
    body: TagCreate,
    idempotency_key: str | Unset = UNSET,
) -> Error | Tag | None:
    """Create a tag of the workflow

     Any user of the organization may create a tag. The name (trimmed, 1 to 100 characters) is unique
    within the workflow (409 otherwise, compared exactly, case included); `color` is an optional hex
    color (`#rgb` or `#rrggbb`, stored lower case). The creator is recorded: they (or an organization
    admin) may delete it.

    Args:
        project_id (int):
        workflow_id (int):
        idempotency_key (str | Unset):
        body (TagCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Tag
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
    body: TagCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Tag]:
    """Create a tag of the workflow

     Any user of the organization may create a tag. The name (trimmed, 1 to 100 characters) is unique
    within the workflow (409 otherwise, compared exactly, case included); `color` is an optional hex
    color (`#rgb` or `#rrggbb`, stored lower case). The creator is recorded: they (or an organization
    admin) may delete it.

    Args:
        project_id (int):
        workflow_id (int):
        idempotency_key (str | Unset):
        body (TagCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Tag]
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
    body: TagCreate,
    idempotency_key: str | Unset = UNSET,
) -> Error | Tag | None:
    """Create a tag of the workflow

     Any user of the organization may create a tag. The name (trimmed, 1 to 100 characters) is unique
    within the workflow (409 otherwise, compared exactly, case included); `color` is an optional hex
    color (`#rgb` or `#rrggbb`, stored lower case). The creator is recorded: they (or an organization
    admin) may delete it.

    Args:
        project_id (int):
        workflow_id (int):
        idempotency_key (str | Unset):
        body (TagCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Tag
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
