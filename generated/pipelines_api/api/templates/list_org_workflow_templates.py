from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.workflow_template_page import WorkflowTemplatePage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org_id: int,
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    search: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["search"] = search

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/organizations/{org_id}/templates".format(
            org_id=quote(str(org_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | WorkflowTemplatePage | None:
    if response.status_code == 200:
        response_200 = WorkflowTemplatePage.from_dict(response.json())

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
) -> Response[Error | WorkflowTemplatePage]:
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
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    search: str | Unset = UNSET,
) -> Response[Error | WorkflowTemplatePage]:
    """The organization's workflow templates by name (any member); `search` matches the name or
    description, case-insensitively. Another organization's id is 404.

    Args:
        org_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkflowTemplatePage]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        page=page,
        page_size=page_size,
        search=search,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    search: str | Unset = UNSET,
) -> Error | WorkflowTemplatePage | None:
    """The organization's workflow templates by name (any member); `search` matches the name or
    description, case-insensitively. Another organization's id is 404.

    Args:
        org_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkflowTemplatePage
    """

    return sync_detailed(
        org_id=org_id,
        client=client,
        page=page,
        page_size=page_size,
        search=search,
    ).parsed


async def asyncio_detailed(
    org_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    search: str | Unset = UNSET,
) -> Response[Error | WorkflowTemplatePage]:
    """The organization's workflow templates by name (any member); `search` matches the name or
    description, case-insensitively. Another organization's id is 404.

    Args:
        org_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WorkflowTemplatePage]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        page=page,
        page_size=page_size,
        search=search,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    search: str | Unset = UNSET,
) -> Error | WorkflowTemplatePage | None:
    """The organization's workflow templates by name (any member); `search` matches the name or
    description, case-insensitively. Another organization's id is 404.

    Args:
        org_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WorkflowTemplatePage
    """

    return (
        await asyncio_detailed(
            org_id=org_id,
            client=client,
            page=page,
            page_size=page_size,
            search=search,
        )
    ).parsed
