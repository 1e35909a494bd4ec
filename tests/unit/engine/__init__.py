"""Unit tests of the execution engine's pure parts: paths, templates, secrets, executors."""

from __future__ import annotations

from typing import Any

from pipelines_server.engine.executors.base import Credential, NodeContext


def make_ctx(
    input: Any = None,
    *,
    task: dict | None = None,
    nodes: dict | None = None,
    item: Any = None,
    index: int | None = None,
    credentials: dict[str, Credential] | None = None,
    attempt: int = 1,
) -> NodeContext:
    """A NodeContext as the engine would build it, with credentials looked up in a dict."""
    creds = credentials or {}

    def lookup(name: str) -> Credential:
        from pipelines_server.engine.executors.base import NodeFailed

        if name not in creds:
            raise NodeFailed(f"credential {name!r} does not exist in this organization")
        return creds[name]

    return NodeContext(
        task_id=7,
        instance_id=42,
        node_id="node1",
        attempt=attempt,
        input=input,
        task_fields=task if task is not None else {},
        outputs=nodes if nodes is not None else {},
        item=item,
        index=index,
        credential=lookup,
    )
