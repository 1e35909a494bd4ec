from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.google_rpc_status import GoogleRpcStatus
from ...models.v2_beta_1_pipeline_version import V2Beta1PipelineVersion
from ...types import Response


def _get_kwargs(
    pipeline_id: str,
    pipeline_version_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/pipelines/{pipeline_id}/versions/{pipeline_version_id}".format(
            pipeline_id=quote(str(pipeline_id), safe=""),
            pipeline_version_id=quote(str(pipeline_version_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GoogleRpcStatus | V2Beta1PipelineVersion:
    if response.status_code == 200:
        response_200 = V2Beta1PipelineVersion.from_dict(response.json())

        return response_200

    response_default = GoogleRpcStatus.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GoogleRpcStatus | V2Beta1PipelineVersion]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    pipeline_id: str,
    pipeline_version_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[GoogleRpcStatus | V2Beta1PipelineVersion]:
    """Gets a pipeline version by pipeline version ID and pipeline ID

    Args:
        pipeline_id (str):
        pipeline_version_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1PipelineVersion]
    """

    kwargs = _get_kwargs(
        pipeline_id=pipeline_id,
        pipeline_version_id=pipeline_version_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    pipeline_id: str,
    pipeline_version_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> GoogleRpcStatus | V2Beta1PipelineVersion | None:
    """Gets a pipeline version by pipeline version ID and pipeline ID

    Args:
        pipeline_id (str):
        pipeline_version_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1PipelineVersion
    """

    return sync_detailed(
        pipeline_id=pipeline_id,
        pipeline_version_id=pipeline_version_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    pipeline_id: str,
    pipeline_version_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[GoogleRpcStatus | V2Beta1PipelineVersion]:
    """Gets a pipeline version by pipeline version ID and pipeline ID

    Args:
        pipeline_id (str):
        pipeline_version_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1PipelineVersion]
    """

    kwargs = _get_kwargs(
        pipeline_id=pipeline_id,
        pipeline_version_id=pipeline_version_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pipeline_id: str,
    pipeline_version_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> GoogleRpcStatus | V2Beta1PipelineVersion | None:
    """Gets a pipeline version by pipeline version ID and pipeline ID

    Args:
        pipeline_id (str):
        pipeline_version_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1PipelineVersion
    """

    return (
        await asyncio_detailed(
            pipeline_id=pipeline_id,
            pipeline_version_id=pipeline_version_id,
            client=client,
        )
    ).parsed
