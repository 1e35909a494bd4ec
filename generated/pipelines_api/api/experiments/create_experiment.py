from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.experiment import Experiment
from ...models.experiment_create import ExperimentCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: int,
    workflow_id: int,
    *,
    body: ExperimentCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/projects/{project_id}/workflows/{workflow_id}/experiments".format(
            project_id=quote(str(project_id), safe=""),
            workflow_id=quote(str(workflow_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Experiment | None:
    if response.status_code == 202:
        response_202 = Experiment.from_dict(response.json())

        return response_202

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

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
    *,
    client: AuthenticatedClient | Client,
    body: ExperimentCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Experiment]:
    """Run the workflow as variants, each in its own copy with its config swaps

     Checks the whole request first, then starts a job (202). Per variant, in order, the
    job copies the workflow (a new ACTIVE workflow in the same project named
    "<workflow> · <experiment> · <variant>", same input fields, the graph with the
    variant's `configOverrides` applied; `{}` is a plain baseline copy) and creates
    `count` tasks in the copy. The source workflow is never changed.

    Task inputs: the `tasks` rows, cycled until each variant has `count` tasks (task k
    of a variant gets row k mod len(tasks)); without `tasks`, each task gets empty
    fields, which the workflow must accept (no required input field).

    422 names the variant, nodeId and fieldId of an override that does not fit the
    graph (see configurable-fields), or an unknown library prompt or evaluation version;
    403 for a model slug or an evaluation the caller may not use. Poll the status route
    until a terminal status (the SDK's `wait_for_experiment`).

    Args:
        project_id (int):
        workflow_id (int):
        idempotency_key (str | Unset):
        body (ExperimentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Experiment]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        body=body,
        idempotency_key=idempotency_key,
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
    body: ExperimentCreate,
    idempotency_key: str | Unset = UNSET,
) -> Error | Experiment | None:
    """Run the workflow as variants, each in its own copy with its config swaps

     Checks the whole request first, then starts a job (202). Per variant, in order, the
    job copies the workflow (a new ACTIVE workflow in the same project named
    "<workflow> · <experiment> · <variant>", same input fields, the graph with the
    variant's `configOverrides` applied; `{}` is a plain baseline copy) and creates
    `count` tasks in the copy. The source workflow is never changed.

    Task inputs: the `tasks` rows, cycled until each variant has `count` tasks (task k
    of a variant gets row k mod len(tasks)); without `tasks`, each task gets empty
    fields, which the workflow must accept (no required input field).

    422 names the variant, nodeId and fieldId of an override that does not fit the
    graph (see configurable-fields), or an unknown library prompt or evaluation version;
    403 for a model slug or an evaluation the caller may not use. Poll the status route
    until a terminal status (the SDK's `wait_for_experiment`).

    Args:
        project_id (int):
        workflow_id (int):
        idempotency_key (str | Unset):
        body (ExperimentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Experiment
    """

    return sync_detailed(
        project_id=project_id,
        workflow_id=workflow_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    project_id: int,
    workflow_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ExperimentCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Experiment]:
    """Run the workflow as variants, each in its own copy with its config swaps

     Checks the whole request first, then starts a job (202). Per variant, in order, the
    job copies the workflow (a new ACTIVE workflow in the same project named
    "<workflow> · <experiment> · <variant>", same input fields, the graph with the
    variant's `configOverrides` applied; `{}` is a plain baseline copy) and creates
    `count` tasks in the copy. The source workflow is never changed.

    Task inputs: the `tasks` rows, cycled until each variant has `count` tasks (task k
    of a variant gets row k mod len(tasks)); without `tasks`, each task gets empty
    fields, which the workflow must accept (no required input field).

    422 names the variant, nodeId and fieldId of an override that does not fit the
    graph (see configurable-fields), or an unknown library prompt or evaluation version;
    403 for a model slug or an evaluation the caller may not use. Poll the status route
    until a terminal status (the SDK's `wait_for_experiment`).

    Args:
        project_id (int):
        workflow_id (int):
        idempotency_key (str | Unset):
        body (ExperimentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Experiment]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: int,
    workflow_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ExperimentCreate,
    idempotency_key: str | Unset = UNSET,
) -> Error | Experiment | None:
    """Run the workflow as variants, each in its own copy with its config swaps

     Checks the whole request first, then starts a job (202). Per variant, in order, the
    job copies the workflow (a new ACTIVE workflow in the same project named
    "<workflow> · <experiment> · <variant>", same input fields, the graph with the
    variant's `configOverrides` applied; `{}` is a plain baseline copy) and creates
    `count` tasks in the copy. The source workflow is never changed.

    Task inputs: the `tasks` rows, cycled until each variant has `count` tasks (task k
    of a variant gets row k mod len(tasks)); without `tasks`, each task gets empty
    fields, which the workflow must accept (no required input field).

    422 names the variant, nodeId and fieldId of an override that does not fit the
    graph (see configurable-fields), or an unknown library prompt or evaluation version;
    403 for a model slug or an evaluation the caller may not use. Poll the status route
    until a terminal status (the SDK's `wait_for_experiment`).

    Args:
        project_id (int):
        workflow_id (int):
        idempotency_key (str | Unset):
        body (ExperimentCreate):

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
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
