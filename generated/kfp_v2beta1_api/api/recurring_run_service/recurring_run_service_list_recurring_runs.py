from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.google_rpc_status import GoogleRpcStatus
from ...models.v2_beta_1_list_recurring_runs_response import (
    V2Beta1ListRecurringRunsResponse,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    namespace: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    experiment_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page_token"] = page_token

    params["page_size"] = page_size

    params["sort_by"] = sort_by

    params["namespace"] = namespace

    params["filter"] = filter_

    params["experiment_id"] = experiment_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/recurringruns",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GoogleRpcStatus | V2Beta1ListRecurringRunsResponse:
    if response.status_code == 200:
        response_200 = V2Beta1ListRecurringRunsResponse.from_dict(response.json())

        return response_200

    response_default = GoogleRpcStatus.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GoogleRpcStatus | V2Beta1ListRecurringRunsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    namespace: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    experiment_id: str | Unset = UNSET,
) -> Response[GoogleRpcStatus | V2Beta1ListRecurringRunsResponse]:
    """Finds all recurring runs (the list's key is `recurringRuns`, as upstream)

     Filter keys and sort fields: recurring_run_id, display_name, description, experiment_id,
    pipeline_version_id, created_at, updated_at, mode, max_concurrency.

    Args:
        page_token (str | Unset):
        page_size (int | Unset):
        sort_by (str | Unset):
        namespace (str | Unset):
        filter_ (str | Unset):
        experiment_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1ListRecurringRunsResponse]
    """

    kwargs = _get_kwargs(
        page_token=page_token,
        page_size=page_size,
        sort_by=sort_by,
        namespace=namespace,
        filter_=filter_,
        experiment_id=experiment_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    namespace: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    experiment_id: str | Unset = UNSET,
) -> GoogleRpcStatus | V2Beta1ListRecurringRunsResponse | None:
    """Finds all recurring runs (the list's key is `recurringRuns`, as upstream)

     Filter keys and sort fields: recurring_run_id, display_name, description, experiment_id,
    pipeline_version_id, created_at, updated_at, mode, max_concurrency.

    Args:
        page_token (str | Unset):
        page_size (int | Unset):
        sort_by (str | Unset):
        namespace (str | Unset):
        filter_ (str | Unset):
        experiment_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1ListRecurringRunsResponse
    """

    return sync_detailed(
        client=client,
        page_token=page_token,
        page_size=page_size,
        sort_by=sort_by,
        namespace=namespace,
        filter_=filter_,
        experiment_id=experiment_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    namespace: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    experiment_id: str | Unset = UNSET,
) -> Response[GoogleRpcStatus | V2Beta1ListRecurringRunsResponse]:
    """Finds all recurring runs (the list's key is `recurringRuns`, as upstream)

     Filter keys and sort fields: recurring_run_id, display_name, description, experiment_id,
    pipeline_version_id, created_at, updated_at, mode, max_concurrency.

    Args:
        page_token (str | Unset):
        page_size (int | Unset):
        sort_by (str | Unset):
        namespace (str | Unset):
        filter_ (str | Unset):
        experiment_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1ListRecurringRunsResponse]
    """

    kwargs = _get_kwargs(
        page_token=page_token,
        page_size=page_size,
        sort_by=sort_by,
        namespace=namespace,
        filter_=filter_,
        experiment_id=experiment_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    namespace: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    experiment_id: str | Unset = UNSET,
) -> GoogleRpcStatus | V2Beta1ListRecurringRunsResponse | None:
    """Finds all recurring runs (the list's key is `recurringRuns`, as upstream)

     Filter keys and sort fields: recurring_run_id, display_name, description, experiment_id,
    pipeline_version_id, created_at, updated_at, mode, max_concurrency.

    Args:
        page_token (str | Unset):
        page_size (int | Unset):
        sort_by (str | Unset):
        namespace (str | Unset):
        filter_ (str | Unset):
        experiment_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1ListRecurringRunsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            page_token=page_token,
            page_size=page_size,
            sort_by=sort_by,
            namespace=namespace,
            filter_=filter_,
            experiment_id=experiment_id,
        )
    ).parsed
