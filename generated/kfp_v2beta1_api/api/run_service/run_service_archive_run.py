from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.google_rpc_status import GoogleRpcStatus
from ...models.run_service_archive_run_response_200 import (
    RunServiceArchiveRunResponse200,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    run_id: str,
    *,
    experiment_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["experiment_id"] = experiment_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/runs/{run_id}:archive".format(
            run_id=quote(str(run_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GoogleRpcStatus | RunServiceArchiveRunResponse200:
    if response.status_code == 200:
        response_200 = RunServiceArchiveRunResponse200.from_dict(response.json())

        return response_200

    response_default = GoogleRpcStatus.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GoogleRpcStatus | RunServiceArchiveRunResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
    experiment_id: str | Unset = UNSET,
) -> Response[GoogleRpcStatus | RunServiceArchiveRunResponse200]:
    """Archives a run

    Args:
        run_id (str):
        experiment_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | RunServiceArchiveRunResponse200]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        experiment_id=experiment_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
    experiment_id: str | Unset = UNSET,
) -> GoogleRpcStatus | RunServiceArchiveRunResponse200 | None:
    """Archives a run

    Args:
        run_id (str):
        experiment_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | RunServiceArchiveRunResponse200
    """

    return sync_detailed(
        run_id=run_id,
        client=client,
        experiment_id=experiment_id,
    ).parsed


async def asyncio_detailed(
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
    experiment_id: str | Unset = UNSET,
) -> Response[GoogleRpcStatus | RunServiceArchiveRunResponse200]:
    """Archives a run

    Args:
        run_id (str):
        experiment_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | RunServiceArchiveRunResponse200]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        experiment_id=experiment_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    run_id: str,
    *,
    client: AuthenticatedClient | Client,
    experiment_id: str | Unset = UNSET,
) -> GoogleRpcStatus | RunServiceArchiveRunResponse200 | None:
    """Archives a run

    Args:
        run_id (str):
        experiment_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | RunServiceArchiveRunResponse200
    """

    return (
        await asyncio_detailed(
            run_id=run_id,
            client=client,
            experiment_id=experiment_id,
        )
    ).parsed
