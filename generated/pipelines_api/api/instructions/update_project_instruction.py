from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.project_instruction import ProjectInstruction
from ...models.project_instruction_update import ProjectInstructionUpdate
from ...types import Response


def _get_kwargs(
    project_id: int,
    instruction_id: int,
    *,
    body: ProjectInstructionUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/projects/{project_id}/instructions/{instruction_id}".format(
            project_id=quote(str(project_id), safe=""),
            instruction_id=quote(str(instruction_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ProjectInstruction | None:
    if response.status_code == 200:
        response_200 = ProjectInstruction.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | ProjectInstruction]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: int,
    instruction_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ProjectInstructionUpdate,
) -> Response[Error | ProjectInstruction]:
    """Changes the title, content or position of an instruction (org admins only). A new position moves it
    there (clamped to 0..n-1); the ones in between shift by one.

    Args:
        project_id (int):
        instruction_id (int):
        body (ProjectInstructionUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ProjectInstruction]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        instruction_id=instruction_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: int,
    instruction_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ProjectInstructionUpdate,
) -> Error | ProjectInstruction | None:
    """Changes the title, content or position of an instruction (org admins only). A new position moves it
    there (clamped to 0..n-1); the ones in between shift by one.

    Args:
        project_id (int):
        instruction_id (int):
        body (ProjectInstructionUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ProjectInstruction
    """

    return sync_detailed(
        project_id=project_id,
        instruction_id=instruction_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    instruction_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ProjectInstructionUpdate,
) -> Response[Error | ProjectInstruction]:
    """Changes the title, content or position of an instruction (org admins only). A new position moves it
    there (clamped to 0..n-1); the ones in between shift by one.

    Args:
        project_id (int):
        instruction_id (int):
        body (ProjectInstructionUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ProjectInstruction]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        instruction_id=instruction_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    instruction_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ProjectInstructionUpdate,
) -> Error | ProjectInstruction | None:
    """Changes the title, content or position of an instruction (org admins only). A new position moves it
    there (clamped to 0..n-1); the ones in between shift by one.

    Args:
        project_id (int):
        instruction_id (int):
        body (ProjectInstructionUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ProjectInstruction
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            instruction_id=instruction_id,
            client=client,
            body=body,
        )
    ).parsed
