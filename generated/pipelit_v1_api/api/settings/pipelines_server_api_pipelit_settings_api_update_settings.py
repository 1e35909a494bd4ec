from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detail import Detail
from ...models.pipelines_server_api_pipelit_settings_api_update_settings_response_200 import (
    PipelinesServerApiPipelitSettingsApiUpdateSettingsResponse200,
)
from ...models.pit_settings_patch import PitSettingsPatch
from ...models.validation_failure import ValidationFailure
from ...types import Response


def _get_kwargs(
    *,
    body: PitSettingsPatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/settings/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    Detail
    | PipelinesServerApiPipelitSettingsApiUpdateSettingsResponse200
    | ValidationFailure
    | None
):
    if response.status_code == 200:
        response_200 = PipelinesServerApiPipelitSettingsApiUpdateSettingsResponse200.from_dict(
            response.json()
        )

        return response_200

    if response.status_code == 401:
        response_401 = Detail.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Detail.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = ValidationFailure.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    Detail | PipelinesServerApiPipelitSettingsApiUpdateSettingsResponse200 | ValidationFailure
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PitSettingsPatch,
) -> Response[
    Detail | PipelinesServerApiPipelitSettingsApiUpdateSettingsResponse200 | ValidationFailure
]:
    """Record the organization's requested values (admins only); the server's configuration is its
    environment, so every key is reported restart_required and none hot-reloaded

    Args:
        body (PitSettingsPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | PipelinesServerApiPipelitSettingsApiUpdateSettingsResponse200 | ValidationFailure]
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
    body: PitSettingsPatch,
) -> (
    Detail
    | PipelinesServerApiPipelitSettingsApiUpdateSettingsResponse200
    | ValidationFailure
    | None
):
    """Record the organization's requested values (admins only); the server's configuration is its
    environment, so every key is reported restart_required and none hot-reloaded

    Args:
        body (PitSettingsPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | PipelinesServerApiPipelitSettingsApiUpdateSettingsResponse200 | ValidationFailure
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PitSettingsPatch,
) -> Response[
    Detail | PipelinesServerApiPipelitSettingsApiUpdateSettingsResponse200 | ValidationFailure
]:
    """Record the organization's requested values (admins only); the server's configuration is its
    environment, so every key is reported restart_required and none hot-reloaded

    Args:
        body (PitSettingsPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | PipelinesServerApiPipelitSettingsApiUpdateSettingsResponse200 | ValidationFailure]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PitSettingsPatch,
) -> (
    Detail
    | PipelinesServerApiPipelitSettingsApiUpdateSettingsResponse200
    | ValidationFailure
    | None
):
    """Record the organization's requested values (admins only); the server's configuration is its
    environment, so every key is reported restart_required and none hot-reloaded

    Args:
        body (PitSettingsPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | PipelinesServerApiPipelitSettingsApiUpdateSettingsResponse200 | ValidationFailure
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
