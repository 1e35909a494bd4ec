from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.configurable_fields import ConfigurableFields
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    project_id: int,
    workflow_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/projects/{project_id}/workflows/{workflow_id}/configurable-fields".format(
            project_id=quote(str(project_id), safe=""),
            workflow_id=quote(str(workflow_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConfigurableFields | Error | None:
    if response.status_code == 200:
        response_200 = ConfigurableFields.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
) -> Response[ConfigurableFields | Error]:
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
) -> Response[ConfigurableFields | Error]:
    """The node configs an experiment variant can swap

     Every node of the workflow's graph whose config a variant's `configOverrides` can
    swap, with its fields and their current values. llm nodes: `prompt` and `system`
    (override section `prompts`: a library prompt version) and `model` (section `models`:
    a model slug the organization can use); evaluation and review nodes: `evaluation`
    (section `evaluations`: a library evaluation version). `nodeId` is the graph node's
    `id`; `fieldId` is what an override names.

    Args:
        project_id (int):
        workflow_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConfigurableFields | Error]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
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
) -> ConfigurableFields | Error | None:
    """The node configs an experiment variant can swap

     Every node of the workflow's graph whose config a variant's `configOverrides` can
    swap, with its fields and their current values. llm nodes: `prompt` and `system`
    (override section `prompts`: a library prompt version) and `model` (section `models`:
    a model slug the organization can use); evaluation and review nodes: `evaluation`
    (section `evaluations`: a library evaluation version). `nodeId` is the graph node's
    `id`; `fieldId` is what an override names.

    Args:
        project_id (int):
        workflow_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConfigurableFields | Error
    """

    return sync_detailed(
        project_id=project_id,
        workflow_id=workflow_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    workflow_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ConfigurableFields | Error]:
    """The node configs an experiment variant can swap

     Every node of the workflow's graph whose config a variant's `configOverrides` can
    swap, with its fields and their current values. llm nodes: `prompt` and `system`
    (override section `prompts`: a library prompt version) and `model` (section `models`:
    a model slug the organization can use); evaluation and review nodes: `evaluation`
    (section `evaluations`: a library evaluation version). `nodeId` is the graph node's
    `id`; `fieldId` is what an override names.

    Args:
        project_id (int):
        workflow_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConfigurableFields | Error]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    workflow_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> ConfigurableFields | Error | None:
    """The node configs an experiment variant can swap

     Every node of the workflow's graph whose config a variant's `configOverrides` can
    swap, with its fields and their current values. llm nodes: `prompt` and `system`
    (override section `prompts`: a library prompt version) and `model` (section `models`:
    a model slug the organization can use); evaluation and review nodes: `evaluation`
    (section `evaluations`: a library evaluation version). `nodeId` is the graph node's
    `id`; `fieldId` is what an override names.

    Args:
        project_id (int):
        workflow_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConfigurableFields | Error
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            workflow_id=workflow_id,
            client=client,
        )
    ).parsed
