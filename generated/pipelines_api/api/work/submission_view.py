from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.submission_view import SubmissionView
from ...types import Response


def _get_kwargs(
    project_id: int,
    node_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/projects/{project_id}/submissions/{node_id}".format(
            project_id=quote(str(project_id), safe=""),
            node_id=quote(str(node_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SubmissionView | None:
    if response.status_code == 200:
        response_200 = SubmissionView.from_dict(response.json())

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
) -> Response[Error | SubmissionView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: int,
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | SubmissionView]:
    """A human node's submissions and the review verdicts on them

     `node_id` is the node instance's id (`node_db_id`), as a string of digits (anything else is 422).
    The reply holds the node's read-only view (nothing is claimed), its task, every submission of the
    node oldest first (each with who made it and its review outcome, as in my-submissions) and the
    review verdicts on it: for a subtask, those of the review nodes that judge it, each naming the
    submission it judged; for a review node, its own verdicts. Any member of the organization may read
    it; another organization's node, a node of another project, or a machine node (which has no
    submissions) is 404.

    Args:
        project_id (int):
        node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SubmissionView]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        node_id=node_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: int,
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | SubmissionView | None:
    """A human node's submissions and the review verdicts on them

     `node_id` is the node instance's id (`node_db_id`), as a string of digits (anything else is 422).
    The reply holds the node's read-only view (nothing is claimed), its task, every submission of the
    node oldest first (each with who made it and its review outcome, as in my-submissions) and the
    review verdicts on it: for a subtask, those of the review nodes that judge it, each naming the
    submission it judged; for a review node, its own verdicts. Any member of the organization may read
    it; another organization's node, a node of another project, or a machine node (which has no
    submissions) is 404.

    Args:
        project_id (int):
        node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SubmissionView
    """

    return sync_detailed(
        project_id=project_id,
        node_id=node_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | SubmissionView]:
    """A human node's submissions and the review verdicts on them

     `node_id` is the node instance's id (`node_db_id`), as a string of digits (anything else is 422).
    The reply holds the node's read-only view (nothing is claimed), its task, every submission of the
    node oldest first (each with who made it and its review outcome, as in my-submissions) and the
    review verdicts on it: for a subtask, those of the review nodes that judge it, each naming the
    submission it judged; for a review node, its own verdicts. Any member of the organization may read
    it; another organization's node, a node of another project, or a machine node (which has no
    submissions) is 404.

    Args:
        project_id (int):
        node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SubmissionView]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        node_id=node_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | SubmissionView | None:
    """A human node's submissions and the review verdicts on them

     `node_id` is the node instance's id (`node_db_id`), as a string of digits (anything else is 422).
    The reply holds the node's read-only view (nothing is claimed), its task, every submission of the
    node oldest first (each with who made it and its review outcome, as in my-submissions) and the
    review verdicts on it: for a subtask, those of the review nodes that judge it, each naming the
    submission it judged; for a review node, its own verdicts. Any member of the organization may read
    it; another organization's node, a node of another project, or a machine node (which has no
    submissions) is 404.

    Args:
        project_id (int):
        node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SubmissionView
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            node_id=node_id,
            client=client,
        )
    ).parsed
