from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.workflow_template import WorkflowTemplate
from ...models.workflow_template_create import WorkflowTemplateCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org_id: int,
    *,
    body: WorkflowTemplateCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/organizations/{org_id}/templates".format(
            org_id=quote(str(org_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | WorkflowTemplate | None:
    if response.status_code == 201:
        response_201 = WorkflowTemplate.from_dict(response.json())

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
) -> Response[Error | WorkflowTemplate]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowTemplateCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | WorkflowTemplate]:
    """Saves a template (org admins only), either from `graph` and `fields` (validated as a workflow's are:
    every reason listed in a 422) or from `workflow_id` (that workflow's current graph and fields; its
    name and description unless given). The template is a copy: later edits of the workflow do not
    change it. Create a workflow from it with POST /projects/{project_id}/workflows and `template_id`.

    Args:
        org_id (int):
        idempotency_key (str | Unset):
        body (WorkflowTemplateCreate): Either `graph` (and `fields`) or `workflow_id`; `name` is
            required with `graph`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkflowTemplate]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowTemplateCreate,
    idempotency_key: str | Unset = UNSET,
) -> Error | WorkflowTemplate | None:
    """Saves a template (org admins only), either from `graph` and `fields` (validated as a workflow's are:
    every reason listed in a 422) or from `workflow_id` (that workflow's current graph and fields; its
    name and description unless given). The template is a copy: later edits of the workflow do not
    change it. Create a workflow from it with POST /projects/{project_id}/workflows and `template_id`.

    Args:
        org_id (int):
        idempotency_key (str | Unset):
        body (WorkflowTemplateCreate): Either `graph` (and `fields`) or `workflow_id`; `name` is
            required with `graph`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkflowTemplate
    """

    return sync_detailed(
        org_id=org_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    org_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowTemplateCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | WorkflowTemplate]:
    """Saves a template (org admins only), either from `graph` and `fields` (validated as a workflow's are:
    every reason listed in a 422) or from `workflow_id` (that workflow's current graph and fields; its
    name and description unless given). The template is a copy: later edits of the workflow do not
    change it. Create a workflow from it with POST /projects/{project_id}/workflows and `template_id`.

    Args:
        org_id (int):
        idempotency_key (str | Unset):
        body (WorkflowTemplateCreate): Either `graph` (and `fields`) or `workflow_id`; `name` is
            required with `graph`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkflowTemplate]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowTemplateCreate,
    idempotency_key: str | Unset = UNSET,
) -> Error | WorkflowTemplate | None:
    """Saves a template (org admins only), either from `graph` and `fields` (validated as a workflow's are:
    every reason listed in a 422) or from `workflow_id` (that workflow's current graph and fields; its
    name and description unless given). The template is a copy: later edits of the workflow do not
    change it. Create a workflow from it with POST /projects/{project_id}/workflows and `template_id`.

    Args:
        org_id (int):
        idempotency_key (str | Unset):
        body (WorkflowTemplateCreate): Either `graph` (and `fields`) or `workflow_id`; `name` is
            required with `graph`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkflowTemplate
    """

    return (
        await asyncio_detailed(
            org_id=org_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
