from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detail import Detail
from ...models.pipelines_server_api_pipelit_settings_api_recheck_environment_response_200 import (
    PipelinesServerApiPipelitSettingsApiRecheckEnvironmentResponse200,
)
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/settings/recheck-environment/",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Detail | PipelinesServerApiPipelitSettingsApiRecheckEnvironmentResponse200 | None:
    if response.status_code == 200:
        response_200 = PipelinesServerApiPipelitSettingsApiRecheckEnvironmentResponse200.from_dict(
            response.json()
        )

        return response_200

    if response.status_code == 401:
        response_401 = Detail.from_dict(response.json())

        return response_401

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Detail | PipelinesServerApiPipelitSettingsApiRecheckEnvironmentResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Detail | PipelinesServerApiPipelitSettingsApiRecheckEnvironmentResponse200]:
    """Probe the environment again (sandbox, runtimes, tools)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | PipelinesServerApiPipelitSettingsApiRecheckEnvironmentResponse200]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Detail | PipelinesServerApiPipelitSettingsApiRecheckEnvironmentResponse200 | None:
    """Probe the environment again (sandbox, runtimes, tools)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | PipelinesServerApiPipelitSettingsApiRecheckEnvironmentResponse200
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Detail | PipelinesServerApiPipelitSettingsApiRecheckEnvironmentResponse200]:
    """Probe the environment again (sandbox, runtimes, tools)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | PipelinesServerApiPipelitSettingsApiRecheckEnvironmentResponse200]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Detail | PipelinesServerApiPipelitSettingsApiRecheckEnvironmentResponse200 | None:
    """Probe the environment again (sandbox, runtimes, tools)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | PipelinesServerApiPipelitSettingsApiRecheckEnvironmentResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
