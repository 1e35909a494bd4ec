from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.google_rpc_status import GoogleRpcStatus
from ...models.v2_beta_1_run import V2Beta1Run
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
        "method": "get",
        "url": "/runs/{run_id}".format(
            run_id=quote(str(run_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GoogleRpcStatus | V2Beta1Run:
    if response.status_code == 200:
        response_200 = V2Beta1Run.from_dict(response.json())

        return response_200

    response_default = GoogleRpcStatus.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GoogleRpcStatus | V2Beta1Run]:
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
) -> Response[GoogleRpcStatus | V2Beta1Run]:
    """Finds a specific run by ID, with its task details

    Args:
        run_id (str):
        experiment_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1Run]
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
) -> GoogleRpcStatus | V2Beta1Run | None:
    """Finds a specific run by ID, with its task details

    Args:
        run_id (str):
        experiment_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1Run
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
) -> Response[GoogleRpcStatus | V2Beta1Run]:
    """Finds a specific run by ID, with its task details

    Args:
        run_id (str):
        experiment_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1Run]
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
) -> GoogleRpcStatus | V2Beta1Run | None:
    """Finds a specific run by ID, with its task details

    Args:
        run_id (str):
        experiment_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1Run
    """

    return (
        await asyncio_detailed(
            run_id=run_id,
            client=client,
            experiment_id=experiment_id,
        )
    ).parsed
