from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.my_work_page import MyWorkPage
from ...models.org_my_work_kind import OrgMyWorkKind
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org_id: int,
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    kind: OrgMyWorkKind | Unset = UNSET,
    tag: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["tag"] = tag

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/organizations/{org_id}/my-work".format(
            org_id=quote(str(org_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | MyWorkPage | None:
    if response.status_code == 200:
        response_200 = MyWorkPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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
) -> Response[Error | MyWorkPage]:
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
    kind: OrgMyWorkKind | Unset = UNSET,
    tag: str | Unset = UNSET,
) -> Response[Error | MyWorkPage]:
    """The caller's work in the organization's projects

     The same items as GET /my-work, for the organization named in the path: an API key belongs to one
    organization, so this is the caller's whole work list; another organization's id is 404.

    Args:
        org_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.
        kind (OrgMyWorkKind | Unset):
        tag (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MyWorkPage]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        page=page,
        page_size=page_size,
        kind=kind,
        tag=tag,
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
    kind: OrgMyWorkKind | Unset = UNSET,
    tag: str | Unset = UNSET,
) -> Error | MyWorkPage | None:
    """The caller's work in the organization's projects

     The same items as GET /my-work, for the organization named in the path: an API key belongs to one
    organization, so this is the caller's whole work list; another organization's id is 404.

    Args:
        org_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.
        kind (OrgMyWorkKind | Unset):
        tag (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MyWorkPage
    """

    return sync_detailed(
        org_id=org_id,
        client=client,
        page=page,
        page_size=page_size,
        kind=kind,
        tag=tag,
    ).parsed


async def asyncio_detailed(
    org_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    kind: OrgMyWorkKind | Unset = UNSET,
    tag: str | Unset = UNSET,
) -> Response[Error | MyWorkPage]:
    """The caller's work in the organization's projects

     The same items as GET /my-work, for the organization named in the path: an API key belongs to one
    organization, so this is the caller's whole work list; another organization's id is 404.

    Args:
        org_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.
        kind (OrgMyWorkKind | Unset):
        tag (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MyWorkPage]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        page=page,
        page_size=page_size,
        kind=kind,
        tag=tag,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    kind: OrgMyWorkKind | Unset = UNSET,
    tag: str | Unset = UNSET,
) -> Error | MyWorkPage | None:
    """The caller's work in the organization's projects

     The same items as GET /my-work, for the organization named in the path: an API key belongs to one
    organization, so this is the caller's whole work list; another organization's id is 404.

    Args:
        org_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.
        kind (OrgMyWorkKind | Unset):
        tag (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MyWorkPage
    """

    return (
        await asyncio_detailed(
            org_id=org_id,
            client=client,
            page=page,
            page_size=page_size,
            kind=kind,
            tag=tag,
        )
    ).parsed
