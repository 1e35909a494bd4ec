from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.model_page import ModelPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org_id: int,
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/orgs/{org_id}/models".format(
            org_id=quote(str(org_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ModelPage | None:
    if response.status_code == 200:
        response_200 = ModelPage.from_dict(response.json())

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
) -> Response[Error | ModelPage]:
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
    page_size: int | Unset = 100,
) -> Response[Error | ModelPage]:
    """The models the organization can use.

     One item per model slug configured on the organization's OpenAI-compatible credentials
    (`models` of a credential), by slug. llm nodes may name a `model_slug` instead of a
    `credential` and a `model`. Any member may list them; another organization is 404.

    Args:
        org_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ModelPage]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        page=page,
        page_size=page_size,
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
    page_size: int | Unset = 100,
) -> Error | ModelPage | None:
    """The models the organization can use.

     One item per model slug configured on the organization's OpenAI-compatible credentials
    (`models` of a credential), by slug. llm nodes may name a `model_slug` instead of a
    `credential` and a `model`. Any member may list them; another organization is 404.

    Args:
        org_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ModelPage
    """

    return sync_detailed(
        org_id=org_id,
        client=client,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    org_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> Response[Error | ModelPage]:
    """The models the organization can use.

     One item per model slug configured on the organization's OpenAI-compatible credentials
    (`models` of a credential), by slug. llm nodes may name a `model_slug` instead of a
    `credential` and a `model`. Any member may list them; another organization is 404.

    Args:
        org_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ModelPage]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 100,
) -> Error | ModelPage | None:
    """The models the organization can use.

     One item per model slug configured on the organization's OpenAI-compatible credentials
    (`models` of a credential), by slug. llm nodes may name a `model_slug` instead of a
    `credential` and a `model`. Any member may list them; another organization is 404.

    Args:
        org_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ModelPage
    """

    return (
        await asyncio_detailed(
            org_id=org_id,
            client=client,
            page=page,
            page_size=page_size,
        )
    ).parsed
