from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.google_rpc_status import GoogleRpcStatus
from ...models.v2_beta_1_run import V2Beta1Run
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: V2Beta1Run,
    experiment_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["experiment_id"] = experiment_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/runs",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GoogleRpcStatus | V2Beta1Run:
    if response.status_code == 200:
        response_200 = V2Beta1Run.from_dict(response.json())

        return response_200

    response_default = GoogleRpcStatus.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GoogleRpcStatus | V2Beta1Run]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: V2Beta1Run,
    experiment_id: str | Unset = UNSET,
) -> Response[GoogleRpcStatus | V2Beta1Run]:
    """Creates a new run (PENDING; the server's KFP runner starts it)

     The run names its pipeline with an inline `pipeline_spec` (the compiled IR) or a
    `pipeline_version_reference` (a pipeline id alone means its latest version). Without an experiment
    it joins the namespace's "Default" experiment, created on need. Unknown or missing pipeline
    parameters are a 400.

    Args:
        experiment_id (str | Unset):
        body (V2Beta1Run):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1Run]
    """

    kwargs = _get_kwargs(
        body=body,
        experiment_id=experiment_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: V2Beta1Run,
    experiment_id: str | Unset = UNSET,
) -> GoogleRpcStatus | V2Beta1Run | None:
    """Creates a new run (PENDING; the server's KFP runner starts it)

     The run names its pipeline with an inline `pipeline_spec` (the compiled IR) or a
    `pipeline_version_reference` (a pipeline id alone means its latest version). Without an experiment
    it joins the namespace's "Default" experiment, created on need. Unknown or missing pipeline
    parameters are a 400.

    Args:
        experiment_id (str | Unset):
        body (V2Beta1Run):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1Run
    """

    return sync_detailed(
        client=client,
        body=body,
        experiment_id=experiment_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: V2Beta1Run,
    experiment_id: str | Unset = UNSET,
) -> Response[GoogleRpcStatus | V2Beta1Run]:
    """Creates a new run (PENDING; the server's KFP runner starts it)

     The run names its pipeline with an inline `pipeline_spec` (the compiled IR) or a
    `pipeline_version_reference` (a pipeline id alone means its latest version). Without an experiment
    it joins the namespace's "Default" experiment, created on need. Unknown or missing pipeline
    parameters are a 400.

    Args:
        experiment_id (str | Unset):
        body (V2Beta1Run):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoogleRpcStatus | V2Beta1Run]
    """

    kwargs = _get_kwargs(
        body=body,
        experiment_id=experiment_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: V2Beta1Run,
    experiment_id: str | Unset = UNSET,
) -> GoogleRpcStatus | V2Beta1Run | None:
    """Creates a new run (PENDING; the server's KFP runner starts it)

     The run names its pipeline with an inline `pipeline_spec` (the compiled IR) or a
    `pipeline_version_reference` (a pipeline id alone means its latest version). Without an experiment
    it joins the namespace's "Default" experiment, created on need. Unknown or missing pipeline
    parameters are a 400.

    Args:
        experiment_id (str | Unset):
        body (V2Beta1Run):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoogleRpcStatus | V2Beta1Run
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            experiment_id=experiment_id,
        )
    ).parsed
