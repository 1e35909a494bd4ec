from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detail import Detail
from ...models.pit_epic import PitEpic
from ...models.pit_epic_patch import PitEpicPatch
from ...models.validation_failure import ValidationFailure
from ...types import Response


def _get_kwargs(
    epic_id: str,
    *,
    body: PitEpicPatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/epics/{epic_id}/".format(
            epic_id=quote(str(epic_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Detail | PitEpic | ValidationFailure | None:
    if response.status_code == 200:
        response_200 = PitEpic.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Detail.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Detail.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ValidationFailure.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Detail | PitEpic | ValidationFailure]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    epic_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PitEpicPatch,
) -> Response[Detail | PitEpic | ValidationFailure]:
    """Change an epic; `cancelled` cancels its pending, blocked and running tasks

    Args:
        epic_id (str):
        body (PitEpicPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | PitEpic | ValidationFailure]
    """

    kwargs = _get_kwargs(
        epic_id=epic_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    epic_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PitEpicPatch,
) -> Detail | PitEpic | ValidationFailure | None:
    """Change an epic; `cancelled` cancels its pending, blocked and running tasks

    Args:
        epic_id (str):
        body (PitEpicPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | PitEpic | ValidationFailure
    """

    return sync_detailed(
        epic_id=epic_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    epic_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PitEpicPatch,
) -> Response[Detail | PitEpic | ValidationFailure]:
    """Change an epic; `cancelled` cancels its pending, blocked and running tasks

    Args:
        epic_id (str):
        body (PitEpicPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | PitEpic | ValidationFailure]
    """

    kwargs = _get_kwargs(
        epic_id=epic_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    epic_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PitEpicPatch,
) -> Detail | PitEpic | ValidationFailure | None:
    """Change an epic; `cancelled` cancels its pending, blocked and running tasks

    Args:
        epic_id (str):
        body (PitEpicPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | PitEpic | ValidationFailure
    """

    return (
        await asyncio_detailed(
            epic_id=epic_id,
            client=client,
            body=body,
        )
    ).parsed
