from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detail import Detail
from ...models.execution_started import ExecutionStarted
from ...models.inbound_command_result import InboundCommandResult
from ...models.inbound_message import InboundMessage
from ...models.validation_failure import ValidationFailure
from ...types import Response


def _get_kwargs(
    *,
    body: InboundMessage,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/inbound",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Detail | ValidationFailure | ExecutionStarted | InboundCommandResult | None:
    if response.status_code == 200:
        response_200 = InboundCommandResult.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = ExecutionStarted.from_dict(response.json())

        return response_202

    if response.status_code == 401:
        response_401 = Detail.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Detail.from_dict(response.json())

        return response_404

    if response.status_code == 422:

        def _parse_response_422(data: object) -> Detail | ValidationFailure:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_422_type_0 = ValidationFailure.from_dict(data)

                return response_422_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_422_type_1 = Detail.from_dict(data)

            return response_422_type_1

        response_422 = _parse_response_422(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = Detail.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Detail | ValidationFailure | ExecutionStarted | InboundCommandResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InboundMessage,
) -> Response[Detail | ValidationFailure | ExecutionStarted | InboundCommandResult]:
    """A message from msg-gateway starts an execution (gateway token, not a key)

     `Authorization: Bearer <PIPELINES_PIPELIT_GATEWAY_TOKEN>`: unset, 500 "Gateway token
    not configured"; another value, 401 "Invalid gateway token". Serves the organization
    `PIPELINES_PIPELIT_ORG`. A body that does not match its schema is a 422 before the
    token is checked.

    Senders become members of the organization (Pipelit's `normal` users) on first
    contact, without a password: username `from.username`, else `gw_<id>` (a suffix is
    added while it is taken); no `from`: the shared `gateway_anonymous` user.
    `/confirm_<id>` and `/cancel_<id>` answer 200 `{status: "not_found", task_id}` (this
    server has no human confirmation tasks). Otherwise 202 `{execution_id, status}`
    with payload `{text, chat_id, message_id, credential_id, user_id, files}` (each
    attachment appends "[Attached file: ...]" to the text, as upstream).

    Args:
        body (InboundMessage):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | Detail | ValidationFailure | ExecutionStarted | InboundCommandResult]
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
    body: InboundMessage,
) -> Detail | ValidationFailure | ExecutionStarted | InboundCommandResult | None:
    """A message from msg-gateway starts an execution (gateway token, not a key)

     `Authorization: Bearer <PIPELINES_PIPELIT_GATEWAY_TOKEN>`: unset, 500 "Gateway token
    not configured"; another value, 401 "Invalid gateway token". Serves the organization
    `PIPELINES_PIPELIT_ORG`. A body that does not match its schema is a 422 before the
    token is checked.

    Senders become members of the organization (Pipelit's `normal` users) on first
    contact, without a password: username `from.username`, else `gw_<id>` (a suffix is
    added while it is taken); no `from`: the shared `gateway_anonymous` user.
    `/confirm_<id>` and `/cancel_<id>` answer 200 `{status: "not_found", task_id}` (this
    server has no human confirmation tasks). Otherwise 202 `{execution_id, status}`
    with payload `{text, chat_id, message_id, credential_id, user_id, files}` (each
    attachment appends "[Attached file: ...]" to the text, as upstream).

    Args:
        body (InboundMessage):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | Detail | ValidationFailure | ExecutionStarted | InboundCommandResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InboundMessage,
) -> Response[Detail | ValidationFailure | ExecutionStarted | InboundCommandResult]:
    """A message from msg-gateway starts an execution (gateway token, not a key)

     `Authorization: Bearer <PIPELINES_PIPELIT_GATEWAY_TOKEN>`: unset, 500 "Gateway token
    not configured"; another value, 401 "Invalid gateway token". Serves the organization
    `PIPELINES_PIPELIT_ORG`. A body that does not match its schema is a 422 before the
    token is checked.

    Senders become members of the organization (Pipelit's `normal` users) on first
    contact, without a password: username `from.username`, else `gw_<id>` (a suffix is
    added while it is taken); no `from`: the shared `gateway_anonymous` user.
    `/confirm_<id>` and `/cancel_<id>` answer 200 `{status: "not_found", task_id}` (this
    server has no human confirmation tasks). Otherwise 202 `{execution_id, status}`
    with payload `{text, chat_id, message_id, credential_id, user_id, files}` (each
    attachment appends "[Attached file: ...]" to the text, as upstream).

    Args:
        body (InboundMessage):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | Detail | ValidationFailure | ExecutionStarted | InboundCommandResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: InboundMessage,
) -> Detail | ValidationFailure | ExecutionStarted | InboundCommandResult | None:
    """A message from msg-gateway starts an execution (gateway token, not a key)

     `Authorization: Bearer <PIPELINES_PIPELIT_GATEWAY_TOKEN>`: unset, 500 "Gateway token
    not configured"; another value, 401 "Invalid gateway token". Serves the organization
    `PIPELINES_PIPELIT_ORG`. A body that does not match its schema is a 422 before the
    token is checked.

    Senders become members of the organization (Pipelit's `normal` users) on first
    contact, without a password: username `from.username`, else `gw_<id>` (a suffix is
    added while it is taken); no `from`: the shared `gateway_anonymous` user.
    `/confirm_<id>` and `/cancel_<id>` answer 200 `{status: "not_found", task_id}` (this
    server has no human confirmation tasks). Otherwise 202 `{execution_id, status}`
    with payload `{text, chat_id, message_id, credential_id, user_id, files}` (each
    attachment appends "[Attached file: ...]" to the text, as upstream).

    Args:
        body (InboundMessage):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | Detail | ValidationFailure | ExecutionStarted | InboundCommandResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
