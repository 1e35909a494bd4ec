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
    *,
    body: V2Beta1PipelineVersion,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/pipelines/{pipeline_id}/versions".format(
            pipeline_id=quote(str(pipeline_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    *,
    client: AuthenticatedClient | Client,
    body: V2Beta1PipelineVersion,
) -> Response[GoogleRpcStatus | V2Beta1PipelineVersion]:
    """Adds a pipeline version to the specified pipeline ID

     The version's pipeline is its inline `pipeline_spec` (a compiled IR: `root` and `components` or
    `pipelineInfo`). A `package_url` alone is a 400: this server does not download packages (use POST
    /pipelines/upload_version).

    Args:
        pipeline_id (str):
        body (V2Beta1PipelineVersion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1PipelineVersion]
    """

    kwargs = _get_kwargs(
        pipeline_id=pipeline_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    pipeline_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: V2Beta1PipelineVersion,
) -> GoogleRpcStatus | V2Beta1PipelineVersion | None:
    """Adds a pipeline version to the specified pipeline ID

     The version's pipeline is its inline `pipeline_spec` (a compiled IR: `root` and `components` or
    `pipelineInfo`). A `package_url` alone is a 400: this server does not download packages (use POST
    /pipelines/upload_version).

    Args:
        pipeline_id (str):
        body (V2Beta1PipelineVersion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1PipelineVersion
    """

    return sync_detailed(
        pipeline_id=pipeline_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    pipeline_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: V2Beta1PipelineVersion,
) -> Response[GoogleRpcStatus | V2Beta1PipelineVersion]:
    """Adds a pipeline version to the specified pipeline ID

     The version's pipeline is its inline `pipeline_spec` (a compiled IR: `root` and `components` or
    `pipelineInfo`). A `package_url` alone is a 400: this server does not download packages (use POST
    /pipelines/upload_version).

    Args:
        pipeline_id (str):
        body (V2Beta1PipelineVersion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1PipelineVersion]
    """

    kwargs = _get_kwargs(
        pipeline_id=pipeline_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pipeline_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: V2Beta1PipelineVersion,
) -> GoogleRpcStatus | V2Beta1PipelineVersion | None:
    """Adds a pipeline version to the specified pipeline ID

     The version's pipeline is its inline `pipeline_spec` (a compiled IR: `root` and `components` or
    `pipelineInfo`). A `package_url` alone is a 400: this server does not download packages (use POST
    /pipelines/upload_version).

    Args:
        pipeline_id (str):
        body (V2Beta1PipelineVersion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1PipelineVersion
    """

    return (
        await asyncio_detailed(
            pipeline_id=pipeline_id,
            client=client,
            body=body,
        )
    ).parsed
