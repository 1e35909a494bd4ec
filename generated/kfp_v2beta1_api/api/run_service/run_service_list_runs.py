from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.google_rpc_status import GoogleRpcStatus
from ...models.v2_beta_1_list_runs_response import V2Beta1ListRunsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    namespace: str | Unset = UNSET,
    experiment_id: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["namespace"] = namespace

    params["experiment_id"] = experiment_id

    params["page_token"] = page_token

    params["page_size"] = page_size

    params["sort_by"] = sort_by

    params["filter"] = filter_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/runs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GoogleRpcStatus | V2Beta1ListRunsResponse:
    if response.status_code == 200:
        response_200 = V2Beta1ListRunsResponse.from_dict(response.json())

        return response_200

    response_default = GoogleRpcStatus.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GoogleRpcStatus | V2Beta1ListRunsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    namespace: str | Unset = UNSET,
    experiment_id: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
) -> Response[GoogleRpcStatus | V2Beta1ListRunsResponse]:
    """Finds all runs in an experiment or in a namespace

     Filter keys and sort fields: run_id, display_name, description, experiment_id, pipeline_version_id,
    recurring_run_id, created_at, scheduled_at, finished_at, state, storage_state. Default order:
    created_at ascending.

    Args:
        namespace (str | Unset):
        experiment_id (str | Unset):
        page_token (str | Unset):
        page_size (int | Unset):
        sort_by (str | Unset):
        filter_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1ListRunsResponse]
    """

    kwargs = _get_kwargs(
        namespace=namespace,
        experiment_id=experiment_id,
        page_token=page_token,
        page_size=page_size,
        sort_by=sort_by,
        filter_=filter_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    namespace: str | Unset = UNSET,
    experiment_id: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
) -> GoogleRpcStatus | V2Beta1ListRunsResponse | None:
    """Finds all runs in an experiment or in a namespace

     Filter keys and sort fields: run_id, display_name, description, experiment_id, pipeline_version_id,
    recurring_run_id, created_at, scheduled_at, finished_at, state, storage_state. Default order:
    created_at ascending.

    Args:
        namespace (str | Unset):
        experiment_id (str | Unset):
        page_token (str | Unset):
        page_size (int | Unset):
        sort_by (str | Unset):
        filter_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1ListRunsResponse
    """

    return sync_detailed(
        client=client,
        namespace=namespace,
        experiment_id=experiment_id,
        page_token=page_token,
        page_size=page_size,
        sort_by=sort_by,
        filter_=filter_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    namespace: str | Unset = UNSET,
    experiment_id: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
) -> Response[GoogleRpcStatus | V2Beta1ListRunsResponse]:
    """Finds all runs in an experiment or in a namespace

     Filter keys and sort fields: run_id, display_name, description, experiment_id, pipeline_version_id,
    recurring_run_id, created_at, scheduled_at, finished_at, state, storage_state. Default order:
    created_at ascending.

    Args:
        namespace (str | Unset):
        experiment_id (str | Unset):
        page_token (str | Unset):
        page_size (int | Unset):
        sort_by (str | Unset):
        filter_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1ListRunsResponse]
    """

    kwargs = _get_kwargs(
        namespace=namespace,
        experiment_id=experiment_id,
        page_token=page_token,
        page_size=page_size,
        sort_by=sort_by,
        filter_=filter_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    namespace: str | Unset = UNSET,
    experiment_id: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
) -> GoogleRpcStatus | V2Beta1ListRunsResponse | None:
    """Finds all runs in an experiment or in a namespace

     Filter keys and sort fields: run_id, display_name, description, experiment_id, pipeline_version_id,
    recurring_run_id, created_at, scheduled_at, finished_at, state, storage_state. Default order:
    created_at ascending.

    Args:
        namespace (str | Unset):
        experiment_id (str | Unset):
        page_token (str | Unset):
        page_size (int | Unset):
        sort_by (str | Unset):
        filter_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1ListRunsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            namespace=namespace,
            experiment_id=experiment_id,
            page_token=page_token,
            page_size=page_size,
            sort_by=sort_by,
            filter_=filter_,
        )
    ).parsed
