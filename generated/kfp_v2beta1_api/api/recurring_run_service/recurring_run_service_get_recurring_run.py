from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.google_rpc_status import GoogleRpcStatus
from ...models.v2_beta_1_recurring_run import V2Beta1RecurringRun
from ...types import Response


def _get_kwargs(
    recurring_run_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/recurringruns/{recurring_run_id}".format(
            recurring_run_id=quote(str(recurring_run_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GoogleRpcStatus | V2Beta1RecurringRun:
    if response.status_code == 200:
        response_200 = V2Beta1RecurringRun.from_dict(response.json())

        return response_200

    response_default = GoogleRpcStatus.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GoogleRpcStatus | V2Beta1RecurringRun]:
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
) -> Response[GoogleRpcStatus | V2Beta1RecurringRun]:
    """Finds a specific recurring run by ID

    Args:
        recurring_run_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1RecurringRun]
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
) -> GoogleRpcStatus | V2Beta1RecurringRun | None:
    """Finds a specific recurring run by ID

    Args:
        recurring_run_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1RecurringRun
    """

    return sync_detailed(
        recurring_run_id=recurring_run_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    recurring_run_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[GoogleRpcStatus | V2Beta1RecurringRun]:
    """Finds a specific recurring run by ID

    Args:
        recurring_run_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1RecurringRun]
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
) -> GoogleRpcStatus | V2Beta1RecurringRun | None:
    """Finds a specific recurring run by ID

    Args:
        recurring_run_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1RecurringRun
    """

    return (
        await asyncio_detailed(
            recurring_run_id=recurring_run_id,
            client=client,
        )
    ).parsed
