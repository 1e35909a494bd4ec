import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.llm_analytics import LlmAnalytics
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: int,
    workflow_id: int,
    *,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/projects/{project_id}/workflows/{workflow_id}/llm-analytics".format(
            project_id=quote(str(project_id), safe=""),
            workflow_id=quote(str(workflow_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | LlmAnalytics | None:
    if response.status_code == 200:
        response_200 = LlmAnalytics.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
) -> Response[Error | LlmAnalytics]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: int,
    workflow_id: int,
    *,
    client: AuthenticatedClient | Client,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
) -> Response[Error | LlmAnalytics]:
    """What the workflow's llm nodes (and llm-prefilled subtask fields) cost and how they
    behaved: every call to the model endpoint is counted once, retries included, with its
    model as configured on the node, its tokens from the reply's `usage`
    (`prompt_tokens`, `completion_tokens`; a reply without usage adds no tokens), its
    latency (wall time of the HTTP call) and whether it failed (an HTTP error, a timeout,
    a reply that is not a chat completion, or JSON mode's answer that is not JSON).
    Totals, by node, by model, and by node and model, each with the 95th percentile
    latency (nearest rank: the ceil(0.95 n)-th smallest; computed in the database on
    PostgreSQL, the same figure as the embedded server's). `since` (inclusive) and `until`
    (exclusive) filter on when the call was made; a `since` after `until`, or a value that
    is not an RFC 3339 date-time, is 422 with `loc` ["query", "since"] (or "until"). Any
    member may read it; another organization's workflow is 404.

    Args:
        project_id (int):
        workflow_id (int):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | LlmAnalytics]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        since=since,
        until=until,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: int,
    workflow_id: int,
    *,
    client: AuthenticatedClient | Client,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
) -> Error | LlmAnalytics | None:
    """What the workflow's llm nodes (and llm-prefilled subtask fields) cost and how they
    behaved: every call to the model endpoint is counted once, retries included, with its
    model as configured on the node, its tokens from the reply's `usage`
    (`prompt_tokens`, `completion_tokens`; a reply without usage adds no tokens), its
    latency (wall time of the HTTP call) and whether it failed (an HTTP error, a timeout,
    a reply that is not a chat completion, or JSON mode's answer that is not JSON).
    Totals, by node, by model, and by node and model, each with the 95th percentile
    latency (nearest rank: the ceil(0.95 n)-th smallest; computed in the database on
    PostgreSQL, the same figure as the embedded server's). `since` (inclusive) and `until`
    (exclusive) filter on when the call was made; a `since` after `until`, or a value that
    is not an RFC 3339 date-time, is 422 with `loc` ["query", "since"] (or "until"). Any
    member may read it; another organization's workflow is 404.

    Args:
        project_id (int):
        workflow_id (int):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | LlmAnalytics
    """

    return sync_detailed(
        project_id=project_id,
        workflow_id=workflow_id,
        client=client,
        since=since,
        until=until,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    workflow_id: int,
    *,
    client: AuthenticatedClient | Client,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
) -> Response[Error | LlmAnalytics]:
    """What the workflow's llm nodes (and llm-prefilled subtask fields) cost and how they
    behaved: every call to the model endpoint is counted once, retries included, with its
    model as configured on the node, its tokens from the reply's `usage`
    (`prompt_tokens`, `completion_tokens`; a reply without usage adds no tokens), its
    latency (wall time of the HTTP call) and whether it failed (an HTTP error, a timeout,
    a reply that is not a chat completion, or JSON mode's answer that is not JSON).
    Totals, by node, by model, and by node and model, each with the 95th percentile
    latency (nearest rank: the ceil(0.95 n)-th smallest; computed in the database on
    PostgreSQL, the same figure as the embedded server's). `since` (inclusive) and `until`
    (exclusive) filter on when the call was made; a `since` after `until`, or a value that
    is not an RFC 3339 date-time, is 422 with `loc` ["query", "since"] (or "until"). Any
    member may read it; another organization's workflow is 404.

    Args:
        project_id (int):
        workflow_id (int):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | LlmAnalytics]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        since=since,
        until=until,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    workflow_id: int,
    *,
    client: AuthenticatedClient | Client,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
) -> Error | LlmAnalytics | None:
    """What the workflow's llm nodes (and llm-prefilled subtask fields) cost and how they
    behaved: every call to the model endpoint is counted once, retries included, with its
    model as configured on the node, its tokens from the reply's `usage`
    (`prompt_tokens`, `completion_tokens`; a reply without usage adds no tokens), its
    latency (wall time of the HTTP call) and whether it failed (an HTTP error, a timeout,
    a reply that is not a chat completion, or JSON mode's answer that is not JSON).
    Totals, by node, by model, and by node and model, each with the 95th percentile
    latency (nearest rank: the ceil(0.95 n)-th smallest; computed in the database on
    PostgreSQL, the same figure as the embedded server's). `since` (inclusive) and `until`
    (exclusive) filter on when the call was made; a `since` after `until`, or a value that
    is not an RFC 3339 date-time, is 422 with `loc` ["query", "since"] (or "until"). Any
    member may read it; another organization's workflow is 404.

    Args:
        project_id (int):
        workflow_id (int):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | LlmAnalytics
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            workflow_id=workflow_id,
            client=client,
            since=since,
            until=until,
        )
    ).parsed
