from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.google_rpc_status import GoogleRpcStatus
from ...models.recurring_run_service_enable_recurring_run_response_200 import (
    RecurringRunServiceEnableRecurringRunResponse200,
)
from ...types import Response


def _get_kwargs(
    recurring_run_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/recurringruns/{recurring_run_id}:enable".format(
            recurring_run_id=quote(str(recurring_run_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GoogleRpcStatus | RecurringRunServiceEnableRecurringRunResponse200:
    if response.status_code == 200:
        response_200 = RecurringRunServiceEnableRecurringRunResponse200.from_dict(response.json())

        return response_200

    response_default = GoogleRpcStatus.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GoogleRpcStatus | RecurringRunServiceEnableRecurringRunResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    recurring_run_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[GoogleRpcStatus | RecurringRunServiceEnableRecurringRunResponse200]:
    """Restarts a recurring run that was disabled (its next firing is from now)

    Args:
        recurring_run_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | RecurringRunServiceEnableRecurringRunResponse200]
    """

    kwargs = _get_kwargs(
        recurring_run_id=recurring_run_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    recurring_run_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> GoogleRpcStatus | RecurringRunServiceEnableRecurringRunResponse200 | None:
    """Restarts a recurring run that was disabled (its next firing is from now)

    Args:
        recurring_run_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | RecurringRunServiceEnableRecurringRunResponse200
    """

    return sync_detailed(
        recurring_run_id=recurring_run_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    recurring_run_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[GoogleRpcStatus | RecurringRunServiceEnableRecurringRunResponse200]:
    """Restarts a recurring run that was disabled (its next firing is from now)

    Args:
        recurring_run_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | RecurringRunServiceEnableRecurringRunResponse200]
    """

    kwargs = _get_kwargs(
        recurring_run_id=recurring_run_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    recurring_run_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> GoogleRpcStatus | RecurringRunServiceEnableRecurringRunResponse200 | None:
    """Restarts a recurring run that was disabled (its next firing is from now)

    Args:
        recurring_run_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | RecurringRunServiceEnableRecurringRunResponse200
    """

    return (
        await asyncio_detailed(
            recurring_run_id=recurring_run_id,
            client=client,
        )
    ).parsed
