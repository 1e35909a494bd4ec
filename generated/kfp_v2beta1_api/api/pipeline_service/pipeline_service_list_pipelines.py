from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.google_rpc_status import GoogleRpcStatus
from ...models.v2_beta_1_list_pipelines_response import V2Beta1ListPipelinesResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    namespace: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["namespace"] = namespace

    params["page_token"] = page_token

    params["page_size"] = page_size

    params["sort_by"] = sort_by

    params["filter"] = filter_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/pipelines",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GoogleRpcStatus | V2Beta1ListPipelinesResponse:
    if response.status_code == 200:
        response_200 = V2Beta1ListPipelinesResponse.from_dict(response.json())

        return response_200

    response_default = GoogleRpcStatus.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GoogleRpcStatus | V2Beta1ListPipelinesResponse]:
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
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
) -> Response[GoogleRpcStatus | V2Beta1ListPipelinesResponse]:
    """Finds all pipelines within a namespace (all of the organization's when absent)

     Filter keys and sort fields: pipeline_id, name, display_name, description, created_at, namespace,
    and `tags.<key>` (a tag's value, e.g. {"key": "tags.team", "operation": "EQUALS", "string_value":
    "ml-ops"}). Default order: created_at ascending.

    Args:
        namespace (str | Unset):
        page_token (str | Unset):
        page_size (int | Unset):
        sort_by (str | Unset):
        filter_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1ListPipelinesResponse]
    """

    kwargs = _get_kwargs(
        namespace=namespace,
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
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
) -> GoogleRpcStatus | V2Beta1ListPipelinesResponse | None:
    """Finds all pipelines within a namespace (all of the organization's when absent)

     Filter keys and sort fields: pipeline_id, name, display_name, description, created_at, namespace,
    and `tags.<key>` (a tag's value, e.g. {"key": "tags.team", "operation": "EQUALS", "string_value":
    "ml-ops"}). Default order: created_at ascending.

    Args:
        namespace (str | Unset):
        page_token (str | Unset):
        page_size (int | Unset):
        sort_by (str | Unset):
        filter_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1ListPipelinesResponse
    """

    return sync_detailed(
        client=client,
        namespace=namespace,
        page_token=page_token,
        page_size=page_size,
        sort_by=sort_by,
        filter_=filter_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    namespace: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
) -> Response[GoogleRpcStatus | V2Beta1ListPipelinesResponse]:
    """Finds all pipelines within a namespace (all of the organization's when absent)

     Filter keys and sort fields: pipeline_id, name, display_name, description, created_at, namespace,
    and `tags.<key>` (a tag's value, e.g. {"key": "tags.team", "operation": "EQUALS", "string_value":
    "ml-ops"}). Default order: created_at ascending.

    Args:
        namespace (str | Unset):
        page_token (str | Unset):
        page_size (int | Unset):
        sort_by (str | Unset):
        filter_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1ListPipelinesResponse]
    """

    kwargs = _get_kwargs(
        namespace=namespace,
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
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
) -> GoogleRpcStatus | V2Beta1ListPipelinesResponse | None:
    """Finds all pipelines within a namespace (all of the organization's when absent)

     Filter keys and sort fields: pipeline_id, name, display_name, description, created_at, namespace,
    and `tags.<key>` (a tag's value, e.g. {"key": "tags.team", "operation": "EQUALS", "string_value":
    "ml-ops"}). Default order: created_at ascending.

    Args:
        namespace (str | Unset):
        page_token (str | Unset):
        page_size (int | Unset):
        sort_by (str | Unset):
        filter_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1ListPipelinesResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            namespace=namespace,
            page_token=page_token,
            page_size=page_size,
            sort_by=sort_by,
            filter_=filter_,
        )
    ).parsed
