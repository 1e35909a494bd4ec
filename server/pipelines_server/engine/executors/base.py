"""What every automatic node executor receives and returns.

An executor is a plain function `execute(config: dict, ctx: NodeContext) -> NodeResult`. It
never touches the database: the engine claims the node instance, calls the executor outside
any transaction, and records the result (or the failure) in one transaction afterwards, so
that a crash between the two runs the node again rather than recording it twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Credential:
    """An organization credential, decrypted for the duration of one node run."""

    name: str
    base_url: str
    api_key: str


@dataclass
class NodeContext:
    task_id: int
    instance_id: int
    node_id: str
    attempt: int  # 1 on the first run; retries and re-runs count up
    input: Any  # the value on the node's input port
    task_fields: dict  # the task's own input record
    outputs: dict[str, Any]  # outputs of the task's finished nodes, by node id
    item: Any = None  # inside a loop body: the current element
    index: int | None = None  # inside a loop body: its position
    credential: Callable[[str], Credential] | None = None  # resolves an org credential by name
    limits: dict[str, Any] = field(default_factory=dict)  # server-wide caps (see settings)

    @property
    def idempotency_key(self) -> str:
        """Stable across re-runs of the same attempt: receivers can de-duplicate with it."""
        return f"pipelines-node-{self.instance_id}-{self.attempt}"

    def template_vars(self) -> dict[str, Any]:
        return {
            "task_id": self.task_id,
            "node_id": self.node_id,
            "input": self.input,
            "task": self.task_fields,
            "fields": self.task_fields,
            "nodes": self.outputs,
            "item": self.item,
            "index": self.index,
        }


@dataclass
class NodeResult:
    output: Any
    log: str = ""
    route: str | None = None  # logic gates: the output port taken
    outcome: str = "finished"  # evaluation: "finished", "escalated" or "quarantined"
    # llm calls made (see llm.call_record), recorded with the result (llm-analytics)
    llm_calls: list[dict] = field(default_factory=list)


class NodeFailed(Exception):
    """The node's work failed. `retryable` failures are retried with backoff while the
    node's retry budget lasts; the others fail the node at once."""

    def __init__(
        self,
        message: str,
        *,
        log: str = "",
        retryable: bool = False,
        reply: Any = None,
        llm_calls: list[dict] | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.log = log
        self.retryable = retryable
        self.reply = reply
        self.llm_calls = list(llm_calls or [])  # llm calls made before the failure
