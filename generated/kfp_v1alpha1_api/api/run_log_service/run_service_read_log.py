from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.google_rpc_status import GoogleRpcStatus
from ...types import Response


def _get_kwargs(
    run_id: str,
    node_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/runs/{run_id}/nodes/{node_id}/log".format(
            run_id=quote(str(run_id), safe=""),
            node_id=quote(str(node_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GoogleRpcStatus | str:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    response_default = GoogleRpcStatus.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GoogleRpcStatus | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    run_id: str,
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[GoogleRpcStatus | str]:
    """The output (stdout and stderr) of a task's process, as text (its last 8 MiB)

    Args:
        run_id (str):
        node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | str]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        node_id=node_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    run_id: str,
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> GoogleRpcStatus | str | None:
    """The output (stdout and stderr) of a task's process, as text (its last 8 MiB)

    Args:
        run_id (str):
        node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | str
    """

    return sync_detailed(
        run_id=run_id,
        node_id=node_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    run_id: str,
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[GoogleRpcStatus | str]:
    """The output (stdout and stderr) of a task's process, as text (its last 8 MiB)

    Args:
        run_id (str):
        node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | str]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        node_id=node_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    run_id: str,
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> GoogleRpcStatus | str | None:
    """The output (stdout and stderr) of a task's process, as text (its last 8 MiB)

    Args:
        run_id (str):
        node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | str
    """

    return (
        await asyncio_detailed(
            run_id=run_id,
            node_id=node_id,
            client=client,
        )
    ).parsed
