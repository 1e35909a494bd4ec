from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credential_out import CredentialOut
from ...models.credential_update import CredentialUpdate
from ...models.detail import Detail
from ...models.validation_failure import ValidationFailure
from ...types import Response


def _get_kwargs(
    credential_id: int,
    *,
    body: CredentialUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/credentials/{credential_id}/".format(
            credential_id=quote(str(credential_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CredentialOut | Detail | ValidationFailure | None:
    if response.status_code == 200:
        response_200 = CredentialOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Detail.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Detail.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ValidationFailure.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CredentialOut | Detail | ValidationFailure]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    credential_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CredentialUpdate,
) -> Response[CredentialOut | Detail | ValidationFailure]:
    """Renames it and/or merges `detail` (the type's fields only)

    Args:
        credential_id (int):
        body (CredentialUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CredentialOut | Detail | ValidationFailure]
    """

    kwargs = _get_kwargs(
        credential_id=credential_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    credential_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CredentialUpdate,
) -> CredentialOut | Detail | ValidationFailure | None:
    """Renames it and/or merges `detail` (the type's fields only)

    Args:
        credential_id (int):
        body (CredentialUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CredentialOut | Detail | ValidationFailure
    """

    return sync_detailed(
        credential_id=credential_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    credential_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CredentialUpdate,
) -> Response[CredentialOut | Detail | ValidationFailure]:
    """Renames it and/or merges `detail` (the type's fields only)

    Args:
        credential_id (int):
        body (CredentialUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CredentialOut | Detail | ValidationFailure]
    """

    kwargs = _get_kwargs(
        credential_id=credential_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    credential_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CredentialUpdate,
) -> CredentialOut | Detail | ValidationFailure | None:
    """Renames it and/or merges `detail` (the type's fields only)

    Args:
        credential_id (int):
        body (CredentialUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CredentialOut | Detail | ValidationFailure
    """

    return (
        await asyncio_detailed(
            credential_id=credential_id,
            client=client,
            body=body,
        )
    ).parsed
