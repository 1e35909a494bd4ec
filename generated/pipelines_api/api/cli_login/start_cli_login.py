from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cli_login_session import CliLoginSession
from ...models.cli_login_start import CliLoginStart
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    body: CliLoginStart,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/cli-login",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CliLoginSession | Error | None:
    if response.status_code == 201:
        response_201 = CliLoginSession.from_dict(response.json())

        return response_201

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
) -> Response[CliLoginSession | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CliLoginStart,
) -> Response[CliLoginSession | Error]:
    """Start a CLI login session (no auth)

     The `pipelines auth login` device flow. Answers a session id, a device code (a secret for the CLI's
    polls only; the server keeps its SHA-256 digest), a user code (`XXXX-XXXX`) for the person to type,
    and `verification_url`: the server's public base (PIPELINES_PUBLIC_URL, else the address the
    connection was accepted on, never the Host header) + `/cli-login`, the web UI page where a signed-in
    person enters the code and approves; the URL never carries a code. The session lives
    PIPELINES_CLI_LOGIN_TTL_SECONDS (`expires_in`); poll no faster than `interval` seconds
    (PIPELINES_CLI_LOGIN_INTERVAL_SECONDS). Each client address may start
    PIPELINES_CLI_LOGIN_STARTS_PER_MINUTE sessions a minute (then 429 with Retry-After). Takes no
    Idempotency-Key: the reply holds a secret (the device code) that a replay would have to store, the
    caller has no organization to keep keys in, and starting again only makes another session (unused
    ones expire).

    Args:
        body (CliLoginStart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CliLoginSession | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CliLoginStart,
) -> CliLoginSession | Error | None:
    """Start a CLI login session (no auth)

     The `pipelines auth login` device flow. Answers a session id, a device code (a secret for the CLI's
    polls only; the server keeps its SHA-256 digest), a user code (`XXXX-XXXX`) for the person to type,
    and `verification_url`: the server's public base (PIPELINES_PUBLIC_URL, else the address the
    connection was accepted on, never the Host header) + `/cli-login`, the web UI page where a signed-in
    person enters the code and approves; the URL never carries a code. The session lives
    PIPELINES_CLI_LOGIN_TTL_SECONDS (`expires_in`); poll no faster than `interval` seconds
    (PIPELINES_CLI_LOGIN_INTERVAL_SECONDS). Each client address may start
    PIPELINES_CLI_LOGIN_STARTS_PER_MINUTE sessions a minute (then 429 with Retry-After). Takes no
    Idempotency-Key: the reply holds a secret (the device code) that a replay would have to store, the
    caller has no organization to keep keys in, and starting again only makes another session (unused
    ones expire).

    Args:
        body (CliLoginStart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CliLoginSession | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CliLoginStart,
) -> Response[CliLoginSession | Error]:
    """Start a CLI login session (no auth)

     The `pipelines auth login` device flow. Answers a session id, a device code (a secret for the CLI's
    polls only; the server keeps its SHA-256 digest), a user code (`XXXX-XXXX`) for the person to type,
    and `verification_url`: the server's public base (PIPELINES_PUBLIC_URL, else the address the
    connection was accepted on, never the Host header) + `/cli-login`, the web UI page where a signed-in
    person enters the code and approves; the URL never carries a code. The session lives
    PIPELINES_CLI_LOGIN_TTL_SECONDS (`expires_in`); poll no faster than `interval` seconds
    (PIPELINES_CLI_LOGIN_INTERVAL_SECONDS). Each client address may start
    PIPELINES_CLI_LOGIN_STARTS_PER_MINUTE sessions a minute (then 429 with Retry-After). Takes no
    Idempotency-Key: the reply holds a secret (the device code) that a replay would have to store, the
    caller has no organization to keep keys in, and starting again only makes another session (unused
    ones expire).

    Args:
        body (CliLoginStart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CliLoginSession | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CliLoginStart,
) -> CliLoginSession | Error | None:
    """Start a CLI login session (no auth)

     The `pipelines auth login` device flow. Answers a session id, a device code (a secret for the CLI's
    polls only; the server keeps its SHA-256 digest), a user code (`XXXX-XXXX`) for the person to type,
    and `verification_url`: the server's public base (PIPELINES_PUBLIC_URL, else the address the
    connection was accepted on, never the Host header) + `/cli-login`, the web UI page where a signed-in
    person enters the code and approves; the URL never carries a code. The session lives
    PIPELINES_CLI_LOGIN_TTL_SECONDS (`expires_in`); poll no faster than `interval` seconds
    (PIPELINES_CLI_LOGIN_INTERVAL_SECONDS). Each client address may start
    PIPELINES_CLI_LOGIN_STARTS_PER_MINUTE sessions a minute (then 429 with Retry-After). Takes no
    Idempotency-Key: the reply holds a secret (the device code) that a replay would have to store, the
    caller has no organization to keep keys in, and starting again only makes another session (unused
    ones expire).

    Args:
        body (CliLoginStart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CliLoginSession | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
