from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.google_rpc_status import GoogleRpcStatus
from ...models.v2_beta_1_list_pipeline_versions_response import (
    V2Beta1ListPipelineVersionsResponse,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    pipeline_id: str,
    *,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page_token"] = page_token

    params["page_size"] = page_size

    params["sort_by"] = sort_by

    params["filter"] = filter_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/pipelines/{pipeline_id}/versions".format(
            pipeline_id=quote(str(pipeline_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GoogleRpcStatus | V2Beta1ListPipelineVersionsResponse:
    if response.status_code == 200:
        response_200 = V2Beta1ListPipelineVersionsResponse.from_dict(response.json())

        return response_200

    response_default = GoogleRpcStatus.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GoogleRpcStatus | V2Beta1ListPipelineVersionsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    pipeline_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
) -> Response[GoogleRpcStatus | V2Beta1ListPipelineVersionsResponse]:
    """Lists all pipeline versions of a given pipeline ID

     Filter keys and sort fields: pipeline_version_id, pipeline_id, name, display_name, description,
    created_at. Default order: created_at ascending.

    Args:
        pipeline_id (str):
        page_token (str | Unset):
        page_size (int | Unset):
        sort_by (str | Unset):
        filter_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1ListPipelineVersionsResponse]
    """

    kwargs = _get_kwargs(
        pipeline_id=pipeline_id,
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
    pipeline_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
) -> GoogleRpcStatus | V2Beta1ListPipelineVersionsResponse | None:
    """Lists all pipeline versions of a given pipeline ID

     Filter keys and sort fields: pipeline_version_id, pipeline_id, name, display_name, description,
    created_at. Default order: created_at ascending.

    Args:
        pipeline_id (str):
        page_token (str | Unset):
        page_size (int | Unset):
        sort_by (str | Unset):
        filter_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1ListPipelineVersionsResponse
    """

    return sync_detailed(
        pipeline_id=pipeline_id,
        client=client,
        page_token=page_token,
        page_size=page_size,
        sort_by=sort_by,
        filter_=filter_,
    ).parsed


async def asyncio_detailed(
    pipeline_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
) -> Response[GoogleRpcStatus | V2Beta1ListPipelineVersionsResponse]:
    """Lists all pipeline versions of a given pipeline ID

     Filter keys and sort fields: pipeline_version_id, pipeline_id, name, display_name, description,
    created_at. Default order: created_at ascending.

    Args:
        pipeline_id (str):
        page_token (str | Unset):
        page_size (int | Unset):
        sort_by (str | Unset):
        filter_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1ListPipelineVersionsResponse]
    """

    kwargs = _get_kwargs(
        pipeline_id=pipeline_id,
        page_token=page_token,
        page_size=page_size,
        sort_by=sort_by,
        filter_=filter_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pipeline_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
) -> GoogleRpcStatus | V2Beta1ListPipelineVersionsResponse | None:
    """Lists all pipeline versions of a given pipeline ID

     Filter keys and sort fields: pipeline_version_id, pipeline_id, name, display_name, description,
    created_at. Default order: created_at ascending.

    Args:
        pipeline_id (str):
        page_token (str | Unset):
        page_size (int | Unset):
        sort_by (str | Unset):
        filter_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1ListPipelineVersionsResponse
    """

    return (
        await asyncio_detailed(
            pipeline_id=pipeline_id,
            client=client,
            page_token=page_token,
            page_size=page_size,
            sort_by=sort_by,
            filter_=filter_,
        )
    ).parsed
