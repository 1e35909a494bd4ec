from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.google_rpc_status import GoogleRpcStatus
from ...models.v2_beta_1_read_artifact_response import V2Beta1ReadArtifactResponse
from ...types import Response


def _get_kwargs(
    run_id: str,
    node_id: str,
    artifact_name: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/runs/{run_id}/nodes/{node_id}/artifacts/{artifact_name}:read".format(
            run_id=quote(str(run_id), safe=""),
            node_id=quote(str(node_id), safe=""),
            artifact_name=quote(str(artifact_name), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GoogleRpcStatus | V2Beta1ReadArtifactResponse:
    if response.status_code == 200:
        response_200 = V2Beta1ReadArtifactResponse.from_dict(response.json())

        return response_200

    response_default = GoogleRpcStatus.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GoogleRpcStatus | V2Beta1ReadArtifactResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    run_id: str,
    node_id: str,
    artifact_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[GoogleRpcStatus | V2Beta1ReadArtifactResponse]:
    """Reads an artifact of a task (node_id is a task_id), base64-encoded

     A file artifact's bytes; a folder artifact as a tar.gz of the folder. At most 32 MiB. Only files
    that runs of the caller's organization wrote are served (not an importer's source). Upstream serves
    this outside its gateway (it is not in its swagger).

    Args:
        run_id (str):
        node_id (str):
        artifact_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1ReadArtifactResponse]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        node_id=node_id,
        artifact_name=artifact_name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    run_id: str,
    node_id: str,
    artifact_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> GoogleRpcStatus | V2Beta1ReadArtifactResponse | None:
    """Reads an artifact of a task (node_id is a task_id), base64-encoded

     A file artifact's bytes; a folder artifact as a tar.gz of the folder. At most 32 MiB. Only files
    that runs of the caller's organization wrote are served (not an importer's source). Upstream serves
    this outside its gateway (it is not in its swagger).

    Args:
        run_id (str):
        node_id (str):
        artifact_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1ReadArtifactResponse
    """

    return sync_detailed(
        run_id=run_id,
        node_id=node_id,
        artifact_name=artifact_name,
        client=client,
    ).parsed


async def asyncio_detailed(
    run_id: str,
    node_id: str,
    artifact_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[GoogleRpcStatus | V2Beta1ReadArtifactResponse]:
    """Reads an artifact of a task (node_id is a task_id), base64-encoded

     A file artifact's bytes; a folder artifact as a tar.gz of the folder. At most 32 MiB. Only files
    that runs of the caller's organization wrote are served (not an importer's source). Upstream serves
    this outside its gateway (it is not in its swagger).

    Args:
        run_id (str):
        node_id (str):
        artifact_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1ReadArtifactResponse]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        node_id=node_id,
        artifact_name=artifact_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    run_id: str,
    node_id: str,
    artifact_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> GoogleRpcStatus | V2Beta1ReadArtifactResponse | None:
    """Reads an artifact of a task (node_id is a task_id), base64-encoded

     A file artifact's bytes; a folder artifact as a tar.gz of the folder. At most 32 MiB. Only files
    that runs of the caller's organization wrote are served (not an importer's source). Upstream serves
    this outside its gateway (it is not in its swagger).

    Args:
        run_id (str):
        node_id (str):
        artifact_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1ReadArtifactResponse
    """

    return (
        await asyncio_detailed(
            run_id=run_id,
            node_id=node_id,
            artifact_name=artifact_name,
            client=client,
        )
    ).parsed
