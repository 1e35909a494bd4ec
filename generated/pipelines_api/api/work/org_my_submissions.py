from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.my_submission_page import MySubmissionPage
from ...models.node_status import NodeStatus
from ...models.org_my_submissions_kind import OrgMySubmissionsKind
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org_id: int,
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    kind: OrgMySubmissionsKind | Unset = UNSET,
    workflow_id: int | Unset = UNSET,
    status: NodeStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["workflow_id"] = workflow_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["tag"] = tag

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/organizations/{org_id}/my-submissions".format(
            org_id=quote(str(org_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | MySubmissionPage | None:
    if response.status_code == 200:
        response_200 = MySubmissionPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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
) -> Response[Error | MySubmissionPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    kind: OrgMySubmissionsKind | Unset = UNSET,
    workflow_id: int | Unset = UNSET,
    status: NodeStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
) -> Response[Error | MySubmissionPage]:
    """The caller's own submissions in the organization, newest first

     The same items and filters as GET /my-submissions, for the organization named in the path; another
    organization's id is 404.

    Args:
        org_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.
        kind (OrgMySubmissionsKind | Unset):
        workflow_id (int | Unset):
        status (NodeStatus | Unset): The state of one node instance, as in the External API v1
            reference, plus `failed`. pending: waiting for its inputs; deferred: queued for later (a
            retry after backoff, or a subtask waiting for its llm-prefilled values); available: ready
            for a worker or a person; claimed: held by a worker or a person (a loop node while it
            iterates); submitted: a subtask whose values wait for their review; escalated /
            quarantined: stopped for a person to look at; finished; na: on a path not taken; failed.
        tag (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MySubmissionPage]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        page=page,
        page_size=page_size,
        kind=kind,
        workflow_id=workflow_id,
        status=status,
        tag=tag,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    kind: OrgMySubmissionsKind | Unset = UNSET,
    workflow_id: int | Unset = UNSET,
    status: NodeStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
) -> Error | MySubmissionPage | None:
    """The caller's own submissions in the organization, newest first

     The same items and filters as GET /my-submissions, for the organization named in the path; another
    organization's id is 404.

    Args:
        org_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.
        kind (OrgMySubmissionsKind | Unset):
        workflow_id (int | Unset):
        status (NodeStatus | Unset): The state of one node instance, as in the External API v1
            reference, plus `failed`. pending: waiting for its inputs; deferred: queued for later (a
            retry after backoff, or a subtask waiting for its llm-prefilled values); available: ready
            for a worker or a person; claimed: held by a worker or a person (a loop node while it
            iterates); submitted: a subtask whose values wait for their review; escalated /
            quarantined: stopped for a person to look at; finished; na: on a path not taken; failed.
        tag (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MySubmissionPage
    """

    return sync_detailed(
        org_id=org_id,
        client=client,
        page=page,
        page_size=page_size,
        kind=kind,
        workflow_id=workflow_id,
        status=status,
        tag=tag,
    ).parsed


async def asyncio_detailed(
    org_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    kind: OrgMySubmissionsKind | Unset = UNSET,
    workflow_id: int | Unset = UNSET,
    status: NodeStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
) -> Response[Error | MySubmissionPage]:
    """The caller's own submissions in the organization, newest first

     The same items and filters as GET /my-submissions, for the organization named in the path; another
    organization's id is 404.

    Args:
        org_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.
        kind (OrgMySubmissionsKind | Unset):
        workflow_id (int | Unset):
        status (NodeStatus | Unset): The state of one node instance, as in the External API v1
            reference, plus `failed`. pending: waiting for its inputs; deferred: queued for later (a
            retry after backoff, or a subtask waiting for its llm-prefilled values); available: ready
            for a worker or a person; claimed: held by a worker or a person (a loop node while it
            iterates); submitted: a subtask whose values wait for their review; escalated /
            quarantined: stopped for a person to look at; finished; na: on a path not taken; failed.
        tag (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MySubmissionPage]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        page=page,
        page_size=page_size,
        kind=kind,
        workflow_id=workflow_id,
        status=status,
        tag=tag,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_id: int,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    kind: OrgMySubmissionsKind | Unset = UNSET,
    workflow_id: int | Unset = UNSET,
    status: NodeStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
) -> Error | MySubmissionPage | None:
    """The caller's own submissions in the organization, newest first

     The same items and filters as GET /my-submissions, for the organization named in the path; another
    organization's id is 404.

    Args:
        org_id (int):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.
        kind (OrgMySubmissionsKind | Unset):
        workflow_id (int | Unset):
        status (NodeStatus | Unset): The state of one node instance, as in the External API v1
            reference, plus `failed`. pending: waiting for its inputs; deferred: queued for later (a
            retry after backoff, or a subtask waiting for its llm-prefilled values); available: ready
            for a worker or a person; claimed: held by a worker or a person (a loop node while it
            iterates); submitted: a subtask whose values wait for their review; escalated /
            quarantined: stopped for a person to look at; finished; na: on a path not taken; failed.
        tag (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MySubmissionPage
    """

    return (
        await asyncio_detailed(
            org_id=org_id,
            client=client,
            page=page,
            page_size=page_size,
            kind=kind,
            workflow_id=workflow_id,
            status=status,
            tag=tag,
        )
    ).parsed
