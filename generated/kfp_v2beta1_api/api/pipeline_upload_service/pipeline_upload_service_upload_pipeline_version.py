from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.upload_error import UploadError
from ...models.upload_file import UploadFile
from ...models.v2_beta_1_pipeline_version import V2Beta1PipelineVersion
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: UploadFile,
    name: str | Unset = UNSET,
    display_name: str | Unset = UNSET,
    pipelineid: str | Unset = UNSET,
    description: str | Unset = UNSET,
    tags: str | Unset = UNSET,
    code_source_url: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["name"] = name

    params["display_name"] = display_name

    params["pipelineid"] = pipelineid

    params["description"] = description

    params["tags"] = tags

    params["code_source_url"] = code_source_url

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/pipelines/upload_version",
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> UploadError | V2Beta1PipelineVersion:
    if response.status_code == 200:
        response_200 = V2Beta1PipelineVersion.from_dict(response.json())

        return response_200

    response_default = UploadError.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[UploadError | V2Beta1PipelineVersion]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadFile,
    name: str | Unset = UNSET,
    display_name: str | Unset = UNSET,
    pipelineid: str | Unset = UNSET,
    description: str | Unset = UNSET,
    tags: str | Unset = UNSET,
    code_source_url: str | Unset = UNSET,
) -> Response[UploadError | V2Beta1PipelineVersion]:
    """Uploads a pipeline package as a new version of the pipeline `pipelineid`

     The package is read as for /pipelines/upload. `pipelineid` is required; `name` defaults to
    `display_name`, then to the file's name without its extension (409 when the pipeline has a version
    with that name). Errors have upstream's upload body, `{"error_message", "error_details"}`.

    Args:
        name (str | Unset):
        display_name (str | Unset):
        pipelineid (str | Unset):
        description (str | Unset):
        tags (str | Unset):
        code_source_url (str | Unset):
        body (UploadFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UploadError | V2Beta1PipelineVersion]
    """

    kwargs = _get_kwargs(
        body=body,
        name=name,
        display_name=display_name,
        pipelineid=pipelineid,
        description=description,
        tags=tags,
        code_source_url=code_source_url,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: UploadFile,
    name: str | Unset = UNSET,
    display_name: str | Unset = UNSET,
    pipelineid: str | Unset = UNSET,
    description: str | Unset = UNSET,
    tags: str | Unset = UNSET,
    code_source_url: str | Unset = UNSET,
) -> UploadError | V2Beta1PipelineVersion | None:
    """Uploads a pipeline package as a new version of the pipeline `pipelineid`

     The package is read as for /pipelines/upload. `pipelineid` is required; `name` defaults to
    `display_name`, then to the file's name without its extension (409 when the pipeline has a version
    with that name). Errors have upstream's upload body, `{"error_message", "error_details"}`.

    Args:
        name (str | Unset):
        display_name (str | Unset):
        pipelineid (str | Unset):
        description (str | Unset):
        tags (str | Unset):
        code_source_url (str | Unset):
        body (UploadFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UploadError | V2Beta1PipelineVersion
    """

    return sync_detailed(
        client=client,
        body=body,
        name=name,
        display_name=display_name,
        pipelineid=pipelineid,
        description=description,
        tags=tags,
        code_source_url=code_source_url,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadFile,
    name: str | Unset = UNSET,
    display_name: str | Unset = UNSET,
    pipelineid: str | Unset = UNSET,
    description: str | Unset = UNSET,
    tags: str | Unset = UNSET,
    code_source_url: str | Unset = UNSET,
) -> Response[UploadError | V2Beta1PipelineVersion]:
    """Uploads a pipeline package as a new version of the pipeline `pipelineid`

     The package is read as for /pipelines/upload. `pipelineid` is required; `name` defaults to
    `display_name`, then to the file's name without its extension (409 when the pipeline has a version
    with that name). Errors have upstream's upload body, `{"error_message", "error_details"}`.

    Args:
        name (str | Unset):
        display_name (str | Unset):
        pipelineid (str | Unset):
        description (str | Unset):
        tags (str | Unset):
        code_source_url (str | Unset):
        body (UploadFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UploadError | V2Beta1PipelineVersion]
    """

    kwargs = _get_kwargs(
        body=body,
        name=name,
        display_name=display_name,
        pipelineid=pipelineid,
        description=description,
        tags=tags,
        code_source_url=code_source_url,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UploadFile,
    name: str | Unset = UNSET,
    display_name: str | Unset = UNSET,
    pipelineid: str | Unset = UNSET,
    description: str | Unset = UNSET,
    tags: str | Unset = UNSET,
    code_source_url: str | Unset = UNSET,
) -> UploadError | V2Beta1PipelineVersion | None:
    """Uploads a pipeline package as a new version of the pipeline `pipelineid`

     The package is read as for /pipelines/upload. `pipelineid` is required; `name` defaults to
    `display_name`, then to the file's name without its extension (409 when the pipeline has a version
    with that name). Errors have upstream's upload body, `{"error_message", "error_details"}`.

    Args:
        name (str | Unset):
        display_name (str | Unset):
        pipelineid (str | Unset):
        description (str | Unset):
        tags (str | Unset):
        code_source_url (str | Unset):
        body (UploadFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UploadError | V2Beta1PipelineVersion
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            name=name,
            display_name=display_name,
            pipelineid=pipelineid,
            description=description,
            tags=tags,
            code_source_url=code_source_url,
        )
    ).parsed
