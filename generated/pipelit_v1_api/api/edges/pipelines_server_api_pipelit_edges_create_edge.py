from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detail import Detail
from ...models.edge_in import EdgeIn
from ...models.edge_out import EdgeOut
from ...models.edge_validation_failure import EdgeValidationFailure
from ...models.validation_failure import ValidationFailure
from ...types import Response


def _get_kwargs(
    slug: str,
    *,
    body: EdgeIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/workflows/{slug}/edges/".format(
            slug=quote(str(slug), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Detail | EdgeValidationFailure | ValidationFailure | EdgeOut | None:
    if response.status_code == 201:
        response_201 = EdgeOut.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Detail.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Detail.from_dict(response.json())

        return response_404

    if response.status_code == 422:

        def _parse_response_422(data: object) -> Detail | EdgeValidationFailure | ValidationFailure:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_422_type_0 = ValidationFailure.from_dict(data)

                return response_422_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_422_type_1 = Detail.from_dict(data)

                return response_422_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_422_type_2 = EdgeValidationFailure.from_dict(data)

            return response_422_type_2

        response_422 = _parse_response_422(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Detail | EdgeValidationFailure | ValidationFailure | EdgeOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: EdgeIn,
) -> Response[Detail | EdgeValidationFailure | ValidationFailure | EdgeOut]:
    """Add an edge after the conditional and type checks (broadcasts edge_created)

    Args:
        slug (str):
        body (EdgeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | Detail | EdgeValidationFailure | ValidationFailure | EdgeOut]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: EdgeIn,
) -> Detail | EdgeValidationFailure | ValidationFailure | EdgeOut | None:
    """Add an edge after the conditional and type checks (broadcasts edge_created)

    Args:
        slug (str):
        body (EdgeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | Detail | EdgeValidationFailure | ValidationFailure | EdgeOut
    """

    return sync_detailed(
        slug=slug,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: EdgeIn,
) -> Response[Detail | EdgeValidationFailure | ValidationFailure | EdgeOut]:
    """Add an edge after the conditional and type checks (broadcasts edge_created)

    Args:
        slug (str):
        body (EdgeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | Detail | EdgeValidationFailure | ValidationFailure | EdgeOut]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: EdgeIn,
) -> Detail | EdgeValidationFailure | ValidationFailure | EdgeOut | None:
    """Add an edge after the conditional and type checks (broadcasts edge_created)

    Args:
        slug (str):
        body (EdgeIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | Detail | EdgeValidationFailure | ValidationFailure | EdgeOut
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            body=body,
        )
    ).parsed
