from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.notification_page import NotificationPage
from ...models.notification_type import NotificationType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    unread_only: bool | Unset = False,
    read: bool | Unset = UNSET,
    type_: NotificationType | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["unread_only"] = unread_only

    params["read"] = read

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/notifications",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | NotificationPage | None:
    if response.status_code == 200:
        response_200 = NotificationPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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
) -> Response[Error | NotificationPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    unread_only: bool | Unset = False,
    read: bool | Unset = UNSET,
    type_: NotificationType | Unset = UNSET,
) -> Response[Error | NotificationPage]:
    """The caller's notifications, newest first

     Notifications are written by the server in the same transaction as what causes them,
    to one user of one organization; a key sees only its own user's notifications in its
    organization. Types:
    - `work_assigned`: a subtask or review node became available reserved for the user (a
      node with `assign_to`, or work a review sent back with `on_reject: same_worker`;
      `data.reason` is `assigned` or `sent_back`).
    - `submission_rejected`: a review failed the user's submission (`data.node_db_id` is the
      subtask, `data.review_node_db_id` the review, `data.comment` the reviewer's comment);
      not sent when the reviewer is the submitter.
    - `task_failed`, `task_escalated`, `task_quarantined`: a task the user created reached
      that status; not sent when the user's own action caused it.
    - `job_finished`: a job the user started ended by itself (`data.status`: completed,
      completed_with_partial_results, failed, or cancelled after a cancel request reached its
      runner); a queued job cancelled at once is not notified (the cancel reply already says
      so), nor are the system jobs of workflow chains.
    `data` holds what the notification is about: `project_id`, `workflow_id`, `task_id`,
    `node_db_id`, `job_id` as relevant. Removed users are not notified.
    Filters: `unread_only=true` (or `read=false`) lists unread ones, `read=true` read ones;
    `unread_only=true` with `read=true` is 422.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.
        unread_only (bool | Unset):  Default: False.
        read (bool | Unset):
        type_ (NotificationType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | NotificationPage]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        unread_only=unread_only,
        read=read,
        type_=type_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    unread_only: bool | Unset = False,
    read: bool | Unset = UNSET,
    type_: NotificationType | Unset = UNSET,
) -> Error | NotificationPage | None:
    """The caller's notifications, newest first

     Notifications are written by the server in the same transaction as what causes them,
    to one user of one organization; a key sees only its own user's notifications in its
    organization. Types:
    - `work_assigned`: a subtask or review node became available reserved for the user (a
      node with `assign_to`, or work a review sent back with `on_reject: same_worker`;
      `data.reason` is `assigned` or `sent_back`).
    - `submission_rejected`: a review failed the user's submission (`data.node_db_id` is the
      subtask, `data.review_node_db_id` the review, `data.comment` the reviewer's comment);
      not sent when the reviewer is the submitter.
    - `task_failed`, `task_escalated`, `task_quarantined`: a task the user created reached
      that status; not sent when the user's own action caused it.
    - `job_finished`: a job the user started ended by itself (`data.status`: completed,
      completed_with_partial_results, failed, or cancelled after a cancel request reached its
      runner); a queued job cancelled at once is not notified (the cancel reply already says
      so), nor are the system jobs of workflow chains.
    `data` holds what the notification is about: `project_id`, `workflow_id`, `task_id`,
    `node_db_id`, `job_id` as relevant. Removed users are not notified.
    Filters: `unread_only=true` (or `read=false`) lists unread ones, `read=true` read ones;
    `unread_only=true` with `read=true` is 422.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.
        unread_only (bool | Unset):  Default: False.
        read (bool | Unset):
        type_ (NotificationType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | NotificationPage
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        unread_only=unread_only,
        read=read,
        type_=type_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    unread_only: bool | Unset = False,
    read: bool | Unset = UNSET,
    type_: NotificationType | Unset = UNSET,
) -> Response[Error | NotificationPage]:
    """The caller's notifications, newest first

     Notifications are written by the server in the same transaction as what causes them,
    to one user of one organization; a key sees only its own user's notifications in its
    organization. Types:
    - `work_assigned`: a subtask or review node became available reserved for the user (a
      node with `assign_to`, or work a review sent back with `on_reject: same_worker`;
      `data.reason` is `assigned` or `sent_back`).
    - `submission_rejected`: a review failed the user's submission (`data.node_db_id` is the
      subtask, `data.review_node_db_id` the review, `data.comment` the reviewer's comment);
      not sent when the reviewer is the submitter.
    - `task_failed`, `task_escalated`, `task_quarantined`: a task the user created reached
      that status; not sent when the user's own action caused it.
    - `job_finished`: a job the user started ended by itself (`data.status`: completed,
      completed_with_partial_results, failed, or cancelled after a cancel request reached its
      runner); a queued job cancelled at once is not notified (the cancel reply already says
      so), nor are the system jobs of workflow chains.
    `data` holds what the notification is about: `project_id`, `workflow_id`, `task_id`,
    `node_db_id`, `job_id` as relevant. Removed users are not notified.
    Filters: `unread_only=true` (or `read=false`) lists unread ones, `read=true` read ones;
    `unread_only=true` with `read=true` is 422.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.
        unread_only (bool | Unset):  Default: False.
        read (bool | Unset):
        type_ (NotificationType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | NotificationPage]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        unread_only=unread_only,
        read=read,
        type_=type_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    page_size: int | Unset = 50,
    unread_only: bool | Unset = False,
    read: bool | Unset = UNSET,
    type_: NotificationType | Unset = UNSET,
) -> Error | NotificationPage | None:
    """The caller's notifications, newest first

     Notifications are written by the server in the same transaction as what causes them,
    to one user of one organization; a key sees only its own user's notifications in its
    organization. Types:
    - `work_assigned`: a subtask or review node became available reserved for the user (a
      node with `assign_to`, or work a review sent back with `on_reject: same_worker`;
      `data.reason` is `assigned` or `sent_back`).
    - `submission_rejected`: a review failed the user's submission (`data.node_db_id` is the
      subtask, `data.review_node_db_id` the review, `data.comment` the reviewer's comment);
      not sent when the reviewer is the submitter.
    - `task_failed`, `task_escalated`, `task_quarantined`: a task the user created reached
      that status; not sent when the user's own action caused it.
    - `job_finished`: a job the user started ended by itself (`data.status`: completed,
      completed_with_partial_results, failed, or cancelled after a cancel request reached its
      runner); a queued job cancelled at once is not notified (the cancel reply already says
      so), nor are the system jobs of workflow chains.
    `data` holds what the notification is about: `project_id`, `workflow_id`, `task_id`,
    `node_db_id`, `job_id` as relevant. Removed users are not notified.
    Filters: `unread_only=true` (or `read=false`) lists unread ones, `read=true` read ones;
    `unread_only=true` with `read=true` is 422.

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 50.
        unread_only (bool | Unset):  Default: False.
        read (bool | Unset):
        type_ (NotificationType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | NotificationPage
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            unread_only=unread_only,
            read=read,
            type_=type_,
        )
    ).parsed
