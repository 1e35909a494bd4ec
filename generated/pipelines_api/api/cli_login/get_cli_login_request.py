from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cli_login_request import CliLoginRequest
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    user_code: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/cli-login/requests/{user_code}".format(
            user_code=quote(str(user_code), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CliLoginRequest | Error | None:
    if response.status_code == 200:
        response_200 = CliLoginRequest.from_dict(response.json())

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
) -> Response[CliLoginRequest | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_code: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[CliLoginRequest | Error]:
    """Who asks to log in with this user code (for the approval page)

     The request's hostname, client name, times and state. The code is read case- and dash-insensitively.
    Unknown codes are 404, and so is a request already approved into another organization.

    Args:
        user_code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CliLoginRequest | Error]
    """

    kwargs = _get_kwargs(
        user_code=user_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_code: str,
    *,
    client: AuthenticatedClient | Client,
) -> CliLoginRequest | Error | None:
    """Who asks to log in with this user code (for the approval page)

     The request's hostname, client name, times and state. The code is read case- and dash-insensitively.
    Unknown codes are 404, and so is a request already approved into another organization.

    Args:
        user_code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CliLoginRequest | Error
    """

    return sync_detailed(
        user_code=user_code,
        client=client,
    ).parsed


async def asyncio_detailed(
    user_code: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[CliLoginRequest | Error]:
    """Who asks to log in with this user code (for the approval page)

     The request's hostname, client name, times and state. The code is read case- and dash-insensitively.
    Unknown codes are 404, and so is a request already approved into another organization.

    Args:
        user_code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CliLoginRequest | Error]
    """

    kwargs = _get_kwargs(
        user_code=user_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_code: str,
    *,
    client: AuthenticatedClient | Client,
) -> CliLoginRequest | Error | None:
    """Who asks to log in with this user code (for the approval page)

     The request's hostname, client name, times and state. The code is read case- and dash-insensitively.
    Unknown codes are 404, and so is a request already approved into another organization.

    Args:
        user_code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CliLoginRequest | Error
    """

    return (
        await asyncio_detailed(
            user_code=user_code,
            client=client,
        )
    ).parsed
