from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cli_login_poll import CliLoginPoll
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    session_id: str,
    *,
    x_device_code: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["X-Device-Code"] = x_device_code

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/cli-login/{session_id}".format(
            session_id=quote(str(session_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CliLoginPoll | Error | None:
    if response.status_code == 200:
        response_200 = CliLoginPoll.from_dict(response.json())

        return response_200

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
) -> Response[CliLoginPoll | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_device_code: str,
) -> Response[CliLoginPoll | Error]:
    """Poll a CLI login session with its device code (no auth)

     `{"state": "pending"}` until a person decides. After an approval the next poll mints an API key for
    the approving user in their organization (named `CLI login (<hostname>)`, no expiry, revocable like
    any key) and answers `{"state": "authorized", "api_key": "pk_live_..."}` exactly once; its plaintext
    is kept nowhere. Later polls answer `consumed`; a denied request `denied` (also when the approving
    user was removed before the key was minted); a session past its lifetime `expired`. These are 200s
    (the CLI keeps polling until its own deadline on any state but `authorized`). An unknown session or
    a wrong `X-Device-Code` is 404 alike; a poll sooner than `interval` seconds after the previous one
    is 429 with Retry-After.

    Args:
        session_id (str):
        x_device_code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CliLoginPoll | Error]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        x_device_code=x_device_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_device_code: str,
) -> CliLoginPoll | Error | None:
    """Poll a CLI login session with its device code (no auth)

     `{"state": "pending"}` until a person decides. After an approval the next poll mints an API key for
    the approving user in their organization (named `CLI login (<hostname>)`, no expiry, revocable like
    any key) and answers `{"state": "authorized", "api_key": "pk_live_..."}` exactly once; its plaintext
    is kept nowhere. Later polls answer `consumed`; a denied request `denied` (also when the approving
    user was removed before the key was minted); a session past its lifetime `expired`. These are 200s
    (the CLI keeps polling until its own deadline on any state but `authorized`). An unknown session or
    a wrong `X-Device-Code` is 404 alike; a poll sooner than `interval` seconds after the previous one
    is 429 with Retry-After.

    Args:
        session_id (str):
        x_device_code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CliLoginPoll | Error
    """

    return sync_detailed(
        session_id=session_id,
        client=client,
        x_device_code=x_device_code,
    ).parsed


async def asyncio_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_device_code: str,
) -> Response[CliLoginPoll | Error]:
    """Poll a CLI login session with its device code (no auth)

     `{"state": "pending"}` until a person decides. After an approval the next poll mints an API key for
    the approving user in their organization (named `CLI login (<hostname>)`, no expiry, revocable like
    any key) and answers `{"state": "authorized", "api_key": "pk_live_..."}` exactly once; its plaintext
    is kept nowhere. Later polls answer `consumed`; a denied request `denied` (also when the approving
    user was removed before the key was minted); a session past its lifetime `expired`. These are 200s
    (the CLI keeps polling until its own deadline on any state but `authorized`). An unknown session or
    a wrong `X-Device-Code` is 404 alike; a poll sooner than `interval` seconds after the previous one
    is 429 with Retry-After.

    Args:
        session_id (str):
        x_device_code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CliLoginPoll | Error]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        x_device_code=x_device_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_device_code: str,
) -> CliLoginPoll | Error | None:
    """Poll a CLI login session with its device code (no auth)

     `{"state": "pending"}` until a person decides. After an approval the next poll mints an API key for
    the approving user in their organization (named `CLI login (<hostname>)`, no expiry, revocable like
    any key) and answers `{"state": "authorized", "api_key": "pk_live_..."}` exactly once; its plaintext
    is kept nowhere. Later polls answer `consumed`; a denied request `denied` (also when the approving
    user was removed before the key was minted); a session past its lifetime `expired`. These are 200s
    (the CLI keeps polling until its own deadline on any state but `authorized`). An unknown session or
    a wrong `X-Device-Code` is 404 alike; a poll sooner than `interval` seconds after the previous one
    is 429 with Retry-After.

    Args:
        session_id (str):
        x_device_code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CliLoginPoll | Error
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
            x_device_code=x_device_code,
        )
    ).parsed
