from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detail import Detail
from ...models.execution_started import ExecutionStarted
from ...models.manual_execute_in import ManualExecuteIn
from ...models.validation_failure import ValidationFailure
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slug: str,
    *,
    body: ManualExecuteIn | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/workflows/{slug}/execute/".format(
            slug=quote(str(slug), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Detail | ExecutionStarted | ValidationFailure | None:
    if response.status_code == 200:
        response_200 = ExecutionStarted.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Detail.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Detail.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ValidationFailure.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Detail | ExecutionStarted | ValidationFailure]:
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
    body: ManualExecuteIn | Unset = UNSET,
) -> Response[Detail | ExecutionStarted | ValidationFailure]:
    """Run a workflow from its manual trigger

     Runs the workflow named in the path (it must be active and one the caller sees, else
    404 "Workflow not found", without a period as upstream) from `trigger_node_id`, a
    `trigger_manual` node of that workflow, else from its active `trigger_manual` of
    highest `config.priority`. Upstream's global resolver, which may run another
    workflow's manual trigger, is not copied. The payload is `{text}` with
    `trigger_node_id`, else `{text, workflow_slug}`.

    **How an execution runs here.** The graph the trigger reaches (over unlabelled,
    `loop_body`, `loop_return` and conditional edges; entry nodes are those marked
    `is_entry_point`, else the trigger's targets) is compiled into the backing native
    workflow's current version and runs as ONE native task whose input is the trigger
    payload; the execution's status, logs and output are read from that task. Node
    types map onto native kinds as follows (each Pipelit node keeps its `node_id` as the
    native node id; helper nodes have `::` in their id):
    - the trigger: `start`, which outputs the payload;
    - `code`: a sandboxed native `code` node running the snippet as Pipelit does (a
      function body seeing `state`, `node_outputs` and `result`), output
      `{"output": str(result)}` (else what it printed); `extra_config.timeout` (60 s);
    - `switch`: a `code` node computing `{"route"}` from `extra_config.rules` with
      Pipelit's operators (`enable_fallback` -> `__other__`) or the legacy
      `condition_field`/`condition_expression`, then a `logic_gate` `<id>::route` with
      one port per conditional edge's `condition_value`; paths not taken are skipped;
    - `merge` (waits for every parent), `filter`, `wait` and `reply_chat`: `code` nodes
      with upstream's outputs (`merged`, `filtered`, `output`);
    - `loop`: a `code` node `<id>::items` (the items of `source_node`'s `field`) and a
      native `loop` `<id>` (at most 1000 items) whose body is what its `loop_body`
      edges reach and whose one `loop_return` edge goes back to it; body code sees
      `state["loop"]` (`item`, `index`); its output is `{"results": [...]}`, one
      output of the returning node per item (upstream keys each by node id);
    - `agent`, `deep_agent`, `categorizer`, `router`, `extractor`: a native `llm` node
      on the native credential behind the llm credential that its `ai_model` (the
      `llm` edge's source) names, with its `model_name`; the trigger's `text` is the
      user message, the system prompt is sent as it is (no tools, memory, conversation
      memory or output parser); downstream nodes see `{"output"}`, `{"category",
      "raw"}`, `{"route"}` or `{"extracted"}`. Without a resolvable model the execution
      fails with "Node <id> (<type>) requires a model connection";
    - every other type (human_confirmation, workflow, spawn_and_await, tools,
      memory, identify_user, assertion, ...) and any node with
      `interrupt_before`/`interrupt_after`: the execution is `failed` at once with
      "Node <id>: node type '<t>' is not supported by this server" (the reply still
      says `pending`, as upstream's always does);
    - `max_execution_seconds`: a running execution found past it whenever it is read
      (status, detail, list, chat history, a schedule's check) is failed with "Execution
      timed out after Ns (limit: Ms)" and its task cancelled; there is no sweep of
      unread executions (each code node also has its own time limit).

    `final_output` is `{"output"}` of the last reply_chat, else `{"message"}` of the
    last agent's answer, else `{"node_outputs"}` of every node that ran, else null. Logs are one row per
    node that finished or failed
    (its latest attempt; upstream keeps one per retry).

    Args:
        slug (str):
        body (ManualExecuteIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | ExecutionStarted | ValidationFailure]
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
    body: ManualExecuteIn | Unset = UNSET,
) -> Detail | ExecutionStarted | ValidationFailure | None:
    """Run a workflow from its manual trigger

     Runs the workflow named in the path (it must be active and one the caller sees, else
    404 "Workflow not found", without a period as upstream) from `trigger_node_id`, a
    `trigger_manual` node of that workflow, else from its active `trigger_manual` of
    highest `config.priority`. Upstream's global resolver, which may run another
    workflow's manual trigger, is not copied. The payload is `{text}` with
    `trigger_node_id`, else `{text, workflow_slug}`.

    **How an execution runs here.** The graph the trigger reaches (over unlabelled,
    `loop_body`, `loop_return` and conditional edges; entry nodes are those marked
    `is_entry_point`, else the trigger's targets) is compiled into the backing native
    workflow's current version and runs as ONE native task whose input is the trigger
    payload; the execution's status, logs and output are read from that task. Node
    types map onto native kinds as follows (each Pipelit node keeps its `node_id` as the
    native node id; helper nodes have `::` in their id):
    - the trigger: `start`, which outputs the payload;
    - `code`: a sandboxed native `code` node running the snippet as Pipelit does (a
      function body seeing `state`, `node_outputs` and `result`), output
      `{"output": str(result)}` (else what it printed); `extra_config.timeout` (60 s);
    - `switch`: a `code` node computing `{"route"}` from `extra_config.rules` with
      Pipelit's operators (`enable_fallback` -> `__other__`) or the legacy
      `condition_field`/`condition_expression`, then a `logic_gate` `<id>::route` with
      one port per conditional edge's `condition_value`; paths not taken are skipped;
    - `merge` (waits for every parent), `filter`, `wait` and `reply_chat`: `code` nodes
      with upstream's outputs (`merged`, `filtered`, `output`);
    - `loop`: a `code` node `<id>::items` (the items of `source_node`'s `field`) and a
      native `loop` `<id>` (at most 1000 items) whose body is what its `loop_body`
      edges reach and whose one `loop_return` edge goes back to it; body code sees
      `state["loop"]` (`item`, `index`); its output is `{"results": [...]}`, one
      output of the returning node per item (upstream keys each by node id);
    - `agent`, `deep_agent`, `categorizer`, `router`, `extractor`: a native `llm` node
      on the native credential behind the llm credential that its `ai_model` (the
      `llm` edge's source) names, with its `model_name`; the trigger's `text` is the
      user message, the system prompt is sent as it is (no tools, memory, conversation
      memory or output parser); downstream nodes see `{"output"}`, `{"category",
      "raw"}`, `{"route"}` or `{"extracted"}`. Without a resolvable model the execution
      fails with "Node <id> (<type>) requires a model connection";
    - every other type (human_confirmation, workflow, spawn_and_await, tools,
      memory, identify_user, assertion, ...) and any node with
      `interrupt_before`/`interrupt_after`: the execution is `failed` at once with
      "Node <id>: node type '<t>' is not supported by this server" (the reply still
      says `pending`, as upstream's always does);
    - `max_execution_seconds`: a running execution found past it whenever it is read
      (status, detail, list, chat history, a schedule's check) is failed with "Execution
      timed out after Ns (limit: Ms)" and its task cancelled; there is no sweep of
      unread executions (each code node also has its own time limit).

    `final_output` is `{"output"}` of the last reply_chat, else `{"message"}` of the
    last agent's answer, else `{"node_outputs"}` of every node that ran, else null. Logs are one row per
    node that finished or failed
    (its latest attempt; upstream keeps one per retry).

    Args:
        slug (str):
        body (ManualExecuteIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | ExecutionStarted | ValidationFailure
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
    body: ManualExecuteIn | Unset = UNSET,
) -> Response[Detail | ExecutionStarted | ValidationFailure]:
    """Run a workflow from its manual trigger

     Runs the workflow named in the path (it must be active and one the caller sees, else
    404 "Workflow not found", without a period as upstream) from `trigger_node_id`, a
    `trigger_manual` node of that workflow, else from its active `trigger_manual` of
    highest `config.priority`. Upstream's global resolver, which may run another
    workflow's manual trigger, is not copied. The payload is `{text}` with
    `trigger_node_id`, else `{text, workflow_slug}`.

    **How an execution runs here.** The graph the trigger reaches (over unlabelled,
    `loop_body`, `loop_return` and conditional edges; entry nodes are those marked
    `is_entry_point`, else the trigger's targets) is compiled into the backing native
    workflow's current version and runs as ONE native task whose input is the trigger
    payload; the execution's status, logs and output are read from that task. Node
    types map onto native kinds as follows (each Pipelit node keeps its `node_id` as the
    native node id; helper nodes have `::` in their id):
    - the trigger: `start`, which outputs the payload;
    - `code`: a sandboxed native `code` node running the snippet as Pipelit does (a
      function body seeing `state`, `node_outputs` and `result`), output
      `{"output": str(result)}` (else what it printed); `extra_config.timeout` (60 s);
    - `switch`: a `code` node computing `{"route"}` from `extra_config.rules` with
      Pipelit's operators (`enable_fallback` -> `__other__`) or the legacy
      `condition_field`/`condition_expression`, then a `logic_gate` `<id>::route` with
      one port per conditional edge's `condition_value`; paths not taken are skipped;
    - `merge` (waits for every parent), `filter`, `wait` and `reply_chat`: `code` nodes
      with upstream's outputs (`merged`, `filtered`, `output`);
    - `loop`: a `code` node `<id>::items` (the items of `source_node`'s `field`) and a
      native `loop` `<id>` (at most 1000 items) whose body is what its `loop_body`
      edges reach and whose one `loop_return` edge goes back to it; body code sees
      `state["loop"]` (`item`, `index`); its output is `{"results": [...]}`, one
      output of the returning node per item (upstream keys each by node id);
    - `agent`, `deep_agent`, `categorizer`, `router`, `extractor`: a native `llm` node
      on the native credential behind the llm credential that its `ai_model` (the
      `llm` edge's source) names, with its `model_name`; the trigger's `text` is the
      user message, the system prompt is sent as it is (no tools, memory, conversation
      memory or output parser); downstream nodes see `{"output"}`, `{"category",
      "raw"}`, `{"route"}` or `{"extracted"}`. Without a resolvable model the execution
      fails with "Node <id> (<type>) requires a model connection";
    - every other type (human_confirmation, workflow, spawn_and_await, tools,
      memory, identify_user, assertion, ...) and any node with
      `interrupt_before`/`interrupt_after`: the execution is `failed` at once with
      "Node <id>: node type '<t>' is not supported by this server" (the reply still
      says `pending`, as upstream's always does);
    - `max_execution_seconds`: a running execution found past it whenever it is read
      (status, detail, list, chat history, a schedule's check) is failed with "Execution
      timed out after Ns (limit: Ms)" and its task cancelled; there is no sweep of
      unread executions (each code node also has its own time limit).

    `final_output` is `{"output"}` of the last reply_chat, else `{"message"}` of the
    last agent's answer, else `{"node_outputs"}` of every node that ran, else null. Logs are one row per
    node that finished or failed
    (its latest attempt; upstream keeps one per retry).

    Args:
        slug (str):
        body (ManualExecuteIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Detail | ExecutionStarted | ValidationFailure]
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
    body: ManualExecuteIn | Unset = UNSET,
) -> Detail | ExecutionStarted | ValidationFailure | None:
    """Run a workflow from its manual trigger

     Runs the workflow named in the path (it must be active and one the caller sees, else
    404 "Workflow not found", without a period as upstream) from `trigger_node_id`, a
    `trigger_manual` node of that workflow, else from its active `trigger_manual` of
    highest `config.priority`. Upstream's global resolver, which may run another
    workflow's manual trigger, is not copied. The payload is `{text}` with
    `trigger_node_id`, else `{text, workflow_slug}`.

    **How an execution runs here.** The graph the trigger reaches (over unlabelled,
    `loop_body`, `loop_return` and conditional edges; entry nodes are those marked
    `is_entry_point`, else the trigger's targets) is compiled into the backing native
    workflow's current version and runs as ONE native task whose input is the trigger
    payload; the execution's status, logs and output are read from that task. Node
    types map onto native kinds as follows (each Pipelit node keeps its `node_id` as the
    native node id; helper nodes have `::` in their id):
    - the trigger: `start`, which outputs the payload;
    - `code`: a sandboxed native `code` node running the snippet as Pipelit does (a
      function body seeing `state`, `node_outputs` and `result`), output
      `{"output": str(result)}` (else what it printed); `extra_config.timeout` (60 s);
    - `switch`: a `code` node computing `{"route"}` from `extra_config.rules` with
      Pipelit's operators (`enable_fallback` -> `__other__`) or the legacy
      `condition_field`/`condition_expression`, then a `logic_gate` `<id>::route` with
      one port per conditional edge's `condition_value`; paths not taken are skipped;
    - `merge` (waits for every parent), `filter`, `wait` and `reply_chat`: `code` nodes
      with upstream's outputs (`merged`, `filtered`, `output`);
    - `loop`: a `code` node `<id>::items` (the items of `source_node`'s `field`) and a
      native `loop` `<id>` (at most 1000 items) whose body is what its `loop_body`
      edges reach and whose one `loop_return` edge goes back to it; body code sees
      `state["loop"]` (`item`, `index`); its output is `{"results": [...]}`, one
      output of the returning node per item (upstream keys each by node id);
    - `agent`, `deep_agent`, `categorizer`, `router`, `extractor`: a native `llm` node
      on the native credential behind the llm credential that its `ai_model` (the
      `llm` edge's source) names, with its `model_name`; the trigger's `text` is the
      user message, the system prompt is sent as it is (no tools, memory, conversation
      memory or output parser); downstream nodes see `{"output"}`, `{"category",
      "raw"}`, `{"route"}` or `{"extracted"}`. Without a resolvable model the execution
      fails with "Node <id> (<type>) requires a model connection";
    - every other type (human_confirmation, workflow, spawn_and_await, tools,
      memory, identify_user, assertion, ...) and any node with
      `interrupt_before`/`interrupt_after`: the execution is `failed` at once with
      "Node <id>: node type '<t>' is not supported by this server" (the reply still
      says `pending`, as upstream's always does);
    - `max_execution_seconds`: a running execution found past it whenever it is read
      (status, detail, list, chat history, a schedule's check) is failed with "Execution
      timed out after Ns (limit: Ms)" and its task cancelled; there is no sweep of
      unread executions (each code node also has its own time limit).

    `final_output` is `{"output"}` of the last reply_chat, else `{"message"}` of the
    last agent's answer, else `{"node_outputs"}` of every node that ran, else null. Logs are one row per
    node that finished or failed
    (its latest attempt; upstream keeps one per retry).

    Args:
        slug (str):
        body (ManualExecuteIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Detail | ExecutionStarted | ValidationFailure
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            body=body,
        )
    ).parsed
