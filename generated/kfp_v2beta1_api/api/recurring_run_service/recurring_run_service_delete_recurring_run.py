from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.google_rpc_status import GoogleRpcStatus
from ...models.recurring_run_service_delete_recurring_run_response_200 import (
    RecurringRunServiceDeleteRecurringRunResponse200,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    recurring_run_id: str,
    *,
    propagation_policy: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["propagation_policy"] = propagation_policy

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/recurringruns/{recurring_run_id}".format(
            recurring_run_id=quote(str(recurring_run_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GoogleRpcStatus | RecurringRunServiceDeleteRecurringRunResponse200:
    if response.status_code == 200:
        response_200 = RecurringRunServiceDeleteRecurringRunResponse200.from_dict(response.json())

        return response_200

    response_default = GoogleRpcStatus.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GoogleRpcStatus | RecurringRunServiceDeleteRecurringRunResponse200]:
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
    propagation_policy: str | Unset = UNSET,
) -> Response[GoogleRpcStatus | RecurringRunServiceDeleteRecurringRunResponse200]:
    """Deletes a recurring run (the runs it started stay)

    Args:
        recurring_run_id (str):
        propagation_policy (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | RecurringRunServiceDeleteRecurringRunResponse200]
    """

    kwargs = _get_kwargs(
        recurring_run_id=recurring_run_id,
        propagation_policy=propagation_policy,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    recurring_run_id: str,
    *,
    client: AuthenticatedClient | Client,
    propagation_policy: str | Unset = UNSET,
) -> GoogleRpcStatus | RecurringRunServiceDeleteRecurringRunResponse200 | None:
    """Deletes a recurring run (the runs it started stay)

    Args:
        recurring_run_id (str):
        propagation_policy (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | RecurringRunServiceDeleteRecurringRunResponse200
    """

    return sync_detailed(
        recurring_run_id=recurring_run_id,
        client=client,
        propagation_policy=propagation_policy,
    ).parsed


async def asyncio_detailed(
    recurring_run_id: str,
    *,
    client: AuthenticatedClient | Client,
    propagation_policy: str | Unset = UNSET,
) -> Response[GoogleRpcStatus | RecurringRunServiceDeleteRecurringRunResponse200]:
    """Deletes a recurring run (the runs it started stay)

    Args:
        recurring_run_id (str):
        propagation_policy (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | RecurringRunServiceDeleteRecurringRunResponse200]
    """

    kwargs = _get_kwargs(
        recurring_run_id=recurring_run_id,
        propagation_policy=propagation_policy,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    recurring_run_id: str,
    *,
    client: AuthenticatedClient | Client,
    propagation_policy: str | Unset = UNSET,
) -> GoogleRpcStatus | RecurringRunServiceDeleteRecurringRunResponse200 | None:
    """Deletes a recurring run (the runs it started stay)

    Args:
        recurring_run_id (str):
        propagation_policy (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | RecurringRunServiceDeleteRecurringRunResponse200
    """

    return (
        await asyncio_detailed(
            recurring_run_id=recurring_run_id,
            client=client,
            propagation_policy=propagation_policy,
        )
    ).parsed
