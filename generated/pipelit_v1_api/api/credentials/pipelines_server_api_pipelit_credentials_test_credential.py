from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credential_test_out import CredentialTestOut
from ...models.detail import Detail
from ...models.validation_failure import ValidationFailure
from ...types import Response


def _get_kwargs(
    credential_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/credentials/{credential_id}/test/".format(
            credential_id=quote(str(credential_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CredentialTestOut | Detail | ValidationFailure | None:
    if response.status_code == 200:
        response_200 = CredentialTestOut.from_dict(response.json())

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
) -> Response[CredentialTestOut | Detail | ValidationFailure]:
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
) -> Response[CredentialTestOut | Detail | ValidationFailure]:
    """Probes an llm credential's provider (GET <base_url>/models, or Anthropic's messages API) through the
    outbound policy

    Args:
        credential_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CredentialTestOut | Detail | ValidationFailure]
    """

    kwargs = _get_kwargs(
        credential_id=credential_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    credential_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> CredentialTestOut | Detail | ValidationFailure | None:
    """Probes an llm credential's provider (GET <base_url>/models, or Anthropic's messages API) through the
    outbound policy

    Args:
        credential_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CredentialTestOut | Detail | ValidationFailure
    """

    return sync_detailed(
        credential_id=credential_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    credential_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[CredentialTestOut | Detail | ValidationFailure]:
    """Probes an llm credential's provider (GET <base_url>/models, or Anthropic's messages API) through the
    outbound policy

    Args:
        credential_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CredentialTestOut | Detail | ValidationFailure]
    """

    kwargs = _get_kwargs(
        credential_id=credential_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    credential_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> CredentialTestOut | Detail | ValidationFailure | None:
    """Probes an llm credential's provider (GET <base_url>/models, or Anthropic's messages API) through the
    outbound policy

    Args:
        credential_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CredentialTestOut | Detail | ValidationFailure
    """

    return (
        await asyncio_detailed(
            credential_id=credential_id,
            client=client,
        )
    ).parsed
