from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credential import Credential
from ...models.credential_update import CredentialUpdate
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    org_id: int,
    credential_id: int,
    *,
    body: CredentialUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/organizations/{org_id}/credentials/{credential_id}".format(
            org_id=quote(str(org_id), safe=""),
            credential_id=quote(str(credential_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Credential | Error | None:
    if response.status_code == 200:
        response_200 = Credential.from_dict(response.json())

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
) -> Response[Credential | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org_id: int,
    credential_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CredentialUpdate,
) -> Response[Credential | Error]:
    """Change a credential's base URL or key

    Args:
        org_id (int):
        credential_id (int):
        body (CredentialUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Credential | Error]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        credential_id=credential_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org_id: int,
    credential_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CredentialUpdate,
) -> Credential | Error | None:
    """Change a credential's base URL or key

    Args:
        org_id (int):
        credential_id (int):
        body (CredentialUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Credential | Error
    """

    return sync_detailed(
        org_id=org_id,
        credential_id=credential_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    org_id: int,
    credential_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CredentialUpdate,
) -> Response[Credential | Error]:
    """Change a credential's base URL or key

    Args:
        org_id (int):
        credential_id (int):
        body (CredentialUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Credential | Error]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        credential_id=credential_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_id: int,
    credential_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CredentialUpdate,
) -> Credential | Error | None:
    """Change a credential's base URL or key

    Args:
        org_id (int):
        credential_id (int):
        body (CredentialUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Credential | Error
    """

    return (
        await asyncio_detailed(
            org_id=org_id,
            credential_id=credential_id,
            client=client,
            body=body,
        )
    ).parsed
