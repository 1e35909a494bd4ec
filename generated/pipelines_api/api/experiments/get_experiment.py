from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.experiment import Experiment
from ...types import Response


def _get_kwargs(
    project_id: int,
    workflow_id: int,
    experiment_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/projects/{project_id}/workflows/{workflow_id}/experiments/{experiment_id}".format(
            project_id=quote(str(project_id), safe=""),
            workflow_id=quote(str(workflow_id), safe=""),
            experiment_id=quote(str(experiment_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Experiment | None:
    if response.status_code == 200:
        response_200 = Experiment.from_dict(response.json())

        return response_200

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
) -> Response[Error | Experiment]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: int,
    workflow_id: int,
    experiment_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | Experiment]:
    """An experiment's status, per variant (read live from the copies' tasks)

     `status`: queued, running (creating tasks, or tasks not all ended yet), completed
    (every task of every copy ended: finished, failed or cancelled), failed (the job
    could not create the copies or tasks; see `error`), cancelled. `done`/`total` count
    the tasks created. Per variant: the copy (`workflow_id`), `tasks_created` (also
    `success_count`), `tasks_finished`, `tasks_failed`, `tasks_cancelled`,
    `tasks_pending` and `task_ids`.

    Args:
        project_id (int):
        workflow_id (int):
        experiment_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Experiment]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        experiment_id=experiment_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: int,
    workflow_id: int,
    experiment_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | Experiment | None:
    """An experiment's status, per variant (read live from the copies' tasks)

     `status`: queued, running (creating tasks, or tasks not all ended yet), completed
    (every task of every copy ended: finished, failed or cancelled), failed (the job
    could not create the copies or tasks; see `error`), cancelled. `done`/`total` count
    the tasks created. Per variant: the copy (`workflow_id`), `tasks_created` (also
    `success_count`), `tasks_finished`, `tasks_failed`, `tasks_cancelled`,
    `tasks_pending` and `task_ids`.

    Args:
        project_id (int):
        workflow_id (int):
        experiment_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Experiment
    """

    return sync_detailed(
        project_id=project_id,
        workflow_id=workflow_id,
        experiment_id=experiment_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    workflow_id: int,
    experiment_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | Experiment]:
    """An experiment's status, per variant (read live from the copies' tasks)

     `status`: queued, running (creating tasks, or tasks not all ended yet), completed
    (every task of every copy ended: finished, failed or cancelled), failed (the job
    could not create the copies or tasks; see `error`), cancelled. `done`/`total` count
    the tasks created. Per variant: the copy (`workflow_id`), `tasks_created` (also
    `success_count`), `tasks_finished`, `tasks_failed`, `tasks_cancelled`,
    `tasks_pending` and `task_ids`.

    Args:
        project_id (int):
        workflow_id (int):
        experiment_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Experiment]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        experiment_id=experiment_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    workflow_id: int,
    experiment_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | Experiment | None:
    """An experiment's status, per variant (read live from the copies' tasks)

     `status`: queued, running (creating tasks, or tasks not all ended yet), completed
    (every task of every copy ended: finished, failed or cancelled), failed (the job
    could not create the copies or tasks; see `error`), cancelled. `done`/`total` count
    the tasks created. Per variant: the copy (`workflow_id`), `tasks_created` (also
    `success_count`), `tasks_finished`, `tasks_failed`, `tasks_cancelled`,
    `tasks_pending` and `task_ids`.

    Args:
        project_id (int):
        workflow_id (int):
        experiment_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Experiment
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            workflow_id=workflow_id,
            experiment_id=experiment_id,
            client=client,
        )
    ).parsed
