from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.upload_confirm_response import UploadConfirmResponse
from ...types import Response


def _get_kwargs(
    workflow_id: int,
    upload_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/workflows/{workflow_id}/tasks/upload/{upload_id}/confirm".format(
            workflow_id=quote(str(workflow_id), safe=""),
            upload_id=quote(str(upload_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | UploadConfirmResponse | None:
    if response.status_code == 202:
        response_202 = UploadConfirmResponse.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | UploadConfirmResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    workflow_id: int,
    upload_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | UploadConfirmResponse]:
    """Confirm a ZIP upload and start processing

     422 before the archive was uploaded, 409 on a second confirm, 503 (upload left
    `pending`, safe to retry) when no background worker can take it.

    Args:
        workflow_id (int):
        upload_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UploadConfirmResponse]
    """

    kwargs = _get_kwargs(
        workflow_id=workflow_id,
        upload_id=upload_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    workflow_id: int,
    upload_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Error | UploadConfirmResponse | None:
    """Confirm a ZIP upload and start processing

     422 before the archive was uploaded, 409 on a second confirm, 503 (upload left
    `pending`, safe to retry) when no background worker can take it.

    Args:
        workflow_id (int):
        upload_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UploadConfirmResponse
    """

    return sync_detailed(
        workflow_id=workflow_id,
        upload_id=upload_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    workflow_id: int,
    upload_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | UploadConfirmResponse]:
    """Confirm a ZIP upload and start processing

     422 before the archive was uploaded, 409 on a second confirm, 503 (upload left
    `pending`, safe to retry) when no background worker can take it.

    Args:
        workflow_id (int):
        upload_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UploadConfirmResponse]
    """

    kwargs = _get_kwargs(
        workflow_id=workflow_id,
        upload_id=upload_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workflow_id: int,
    upload_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Error | UploadConfirmResponse | None:
    """Confirm a ZIP upload and start processing

     422 before the archive was uploaded, 409 on a second confirm, 503 (upload left
    `pending`, safe to retry) when no background worker can take it.

    Args:
        workflow_id (int):
        upload_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UploadConfirmResponse
    """

    return (
        await asyncio_detailed(
            workflow_id=workflow_id,
            upload_id=upload_id,
            client=client,
        )
    ).parsed
