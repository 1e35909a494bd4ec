from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.google_rpc_status import GoogleRpcStatus
from ...models.v2_beta_1_create_pipeline_and_version_request import (
    V2Beta1CreatePipelineAndVersionRequest,
)
from ...models.v2_beta_1_pipeline import V2Beta1Pipeline
from ...types import Response


def _get_kwargs(
    *,
    body: V2Beta1CreatePipelineAndVersionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/pipelines/create",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GoogleRpcStatus | V2Beta1Pipeline:
    if response.status_code == 200:
        response_200 = V2Beta1Pipeline.from_dict(response.json())

        return response_200

    response_default = GoogleRpcStatus.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GoogleRpcStatus | V2Beta1Pipeline]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: V2Beta1CreatePipelineAndVersionRequest,
) -> Response[GoogleRpcStatus | V2Beta1Pipeline]:
    """Creates a new pipeline and a new pipeline version in a single transaction

     This server does not download `pipeline_version.package_url`: send the compiled IR inline as
    `pipeline_version.pipeline_spec` (a package URL alone is a 400 saying so), or upload the package
    with POST /pipelines/upload. The version is named like the pipeline unless it has a name of its own.

    Args:
        body (V2Beta1CreatePipelineAndVersionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1Pipeline]
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
    body: V2Beta1CreatePipelineAndVersionRequest,
) -> GoogleRpcStatus | V2Beta1Pipeline | None:
    """Creates a new pipeline and a new pipeline version in a single transaction

     This server does not download `pipeline_version.package_url`: send the compiled IR inline as
    `pipeline_version.pipeline_spec` (a package URL alone is a 400 saying so), or upload the package
    with POST /pipelines/upload. The version is named like the pipeline unless it has a name of its own.

    Args:
        body (V2Beta1CreatePipelineAndVersionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1Pipeline
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: V2Beta1CreatePipelineAndVersionRequest,
) -> Response[GoogleRpcStatus | V2Beta1Pipeline]:
    """Creates a new pipeline and a new pipeline version in a single transaction

     This server does not download `pipeline_version.package_url`: send the compiled IR inline as
    `pipeline_version.pipeline_spec` (a package URL alone is a 400 saying so), or upload the package
    with POST /pipelines/upload. The version is named like the pipeline unless it has a name of its own.

    Args:
        body (V2Beta1CreatePipelineAndVersionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1Pipeline]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: V2Beta1CreatePipelineAndVersionRequest,
) -> GoogleRpcStatus | V2Beta1Pipeline | None:
    """Creates a new pipeline and a new pipeline version in a single transaction

     This server does not download `pipeline_version.package_url`: send the compiled IR inline as
    `pipeline_version.pipeline_spec` (a package URL alone is a 400 saying so), or upload the package
    with POST /pipelines/upload. The version is named like the pipeline unless it has a name of its own.

    Args:
        body (V2Beta1CreatePipelineAndVersionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1Pipeline
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
