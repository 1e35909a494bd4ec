"""Executors of the automatic node kinds: kind -> execute(config, ctx) -> NodeResult.

Each executor's module (and what it imports: httpx, jinja2, jsonschema_rs) is loaded on its
first call, so importing the engine stays cheap for processes that never run a node.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from .base import NodeContext, NodeResult

Executor = Callable[[dict, NodeContext], NodeResult]


def _lazy(module: str) -> Executor:
    loaded: list[Executor] = []

    def execute(config: dict, ctx: NodeContext) -> NodeResult:
        if not loaded:
            loaded.append(import_module(f"{__name__}.{module}").execute)
        return loaded[0](config, ctx)

    execute.__name__ = f"{module}_execute"
    execute.__qualname__ = execute.__name__
    execute.__doc__ = f"Runs a {module} node (pipelines_server.engine.executors.{module})."
    return execute


EXECUTORS: dict[str, Executor] = {
    "code": _lazy("code"),
    "http": _lazy("http"),
    "llm": _lazy("llm"),
    "evaluation": _lazy("evaluation"),
    "logic_gate": _lazy("gate"),
}
