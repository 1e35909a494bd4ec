from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.google_rpc_status import GoogleRpcStatus
from ...models.pipeline_service_delete_pipeline_response_200 import (
    PipelineServiceDeletePipelineResponse200,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    pipeline_id: str,
    *,
    cascade: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cascade"] = cascade

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/pipelines/{pipeline_id}".format(
            pipeline_id=quote(str(pipeline_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GoogleRpcStatus | PipelineServiceDeletePipelineResponse200:
    if response.status_code == 200:
        response_200 = PipelineServiceDeletePipelineResponse200.from_dict(response.json())

        return response_200

    response_default = GoogleRpcStatus.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GoogleRpcStatus | PipelineServiceDeletePipelineResponse200]:
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
    cascade: bool | Unset = UNSET,
) -> Response[GoogleRpcStatus | PipelineServiceDeletePipelineResponse200]:
    """Deletes a pipeline (400 FAILED_PRECONDITION while it has versions, unless cascade)

    Args:
        pipeline_id (str):
        cascade (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | PipelineServiceDeletePipelineResponse200]
    """

    kwargs = _get_kwargs(
        pipeline_id=pipeline_id,
        cascade=cascade,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    pipeline_id: str,
    *,
    client: AuthenticatedClient | Client,
    cascade: bool | Unset = UNSET,
) -> GoogleRpcStatus | PipelineServiceDeletePipelineResponse200 | None:
    """Deletes a pipeline (400 FAILED_PRECONDITION while it has versions, unless cascade)

    Args:
        pipeline_id (str):
        cascade (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | PipelineServiceDeletePipelineResponse200
    """

    return sync_detailed(
        pipeline_id=pipeline_id,
        client=client,
        cascade=cascade,
    ).parsed


async def asyncio_detailed(
    pipeline_id: str,
    *,
    client: AuthenticatedClient | Client,
    cascade: bool | Unset = UNSET,
) -> Response[GoogleRpcStatus | PipelineServiceDeletePipelineResponse200]:
    """Deletes a pipeline (400 FAILED_PRECONDITION while it has versions, unless cascade)

    Args:
        pipeline_id (str):
        cascade (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | PipelineServiceDeletePipelineResponse200]
    """

    kwargs = _get_kwargs(
        pipeline_id=pipeline_id,
        cascade=cascade,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pipeline_id: str,
    *,
    client: AuthenticatedClient | Client,
    cascade: bool | Unset = UNSET,
) -> GoogleRpcStatus | PipelineServiceDeletePipelineResponse200 | None:
    """Deletes a pipeline (400 FAILED_PRECONDITION while it has versions, unless cascade)

    Args:
        pipeline_id (str):
        cascade (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | PipelineServiceDeletePipelineResponse200
    """

    return (
        await asyncio_detailed(
            pipeline_id=pipeline_id,
            client=client,
            cascade=cascade,
        )
    ).parsed
