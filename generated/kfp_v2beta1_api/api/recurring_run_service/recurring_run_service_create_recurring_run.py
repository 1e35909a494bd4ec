from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.google_rpc_status import GoogleRpcStatus
from ...models.v2_beta_1_recurring_run import V2Beta1RecurringRun
from ...types import Response


def _get_kwargs(
    *,
    body: V2Beta1RecurringRun,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/recurringruns",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    *,
    client: AuthenticatedClient | Client,
    body: V2Beta1RecurringRun,
) -> Response[GoogleRpcStatus | V2Beta1RecurringRun]:
    """Creates a recurring run (a cron or periodic trigger that starts runs)

     `cron` has upstream's six fields, seconds first ('0 */5 * * * *'; a five-field line means second 0).
    `interval_second` and `max_concurrency` (1 to 10, default 1) are accepted as numbers or strings.
    `no_catchup` turns missed firings into one run.

    Args:
        body (V2Beta1RecurringRun):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1RecurringRun]
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
    body: V2Beta1RecurringRun,
) -> GoogleRpcStatus | V2Beta1RecurringRun | None:
    """Creates a recurring run (a cron or periodic trigger that starts runs)

     `cron` has upstream's six fields, seconds first ('0 */5 * * * *'; a five-field line means second 0).
    `interval_second` and `max_concurrency` (1 to 10, default 1) are accepted as numbers or strings.
    `no_catchup` turns missed firings into one run.

    Args:
        body (V2Beta1RecurringRun):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1RecurringRun
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: V2Beta1RecurringRun,
) -> Response[GoogleRpcStatus | V2Beta1RecurringRun]:
    """Creates a recurring run (a cron or periodic trigger that starts runs)

     `cron` has upstream's six fields, seconds first ('0 */5 * * * *'; a five-field line means second 0).
    `interval_second` and `max_concurrency` (1 to 10, default 1) are accepted as numbers or strings.
    `no_catchup` turns missed firings into one run.

    Args:
        body (V2Beta1RecurringRun):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1RecurringRun]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: V2Beta1RecurringRun,
) -> GoogleRpcStatus | V2Beta1RecurringRun | None:
    """Creates a recurring run (a cron or periodic trigger that starts runs)

     `cron` has upstream's six fields, seconds first ('0 */5 * * * *'; a five-field line means second 0).
    `interval_second` and `max_concurrency` (1 to 10, default 1) are accepted as numbers or strings.
    `no_catchup` turns missed firings into one run.

    Args:
        body (V2Beta1RecurringRun):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1RecurringRun
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
