"""The node kind catalogue: the kinds, their ports and default configuration (here), and their
configuration schemas and gate-condition operators (read from openapi/pipelines.yaml,
`<Kind>NodeConfig` and `GateCondition`: the spec clients see is the one the engine checks).

A graph is `{"nodes": [{"id", "kind", "name"?, "config"?}], "edges": [{"source", "target",
"source_port"? ("out"), "target_port"? ("in")}]}`.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..settings import PROJECT_ROOT

SPEC_PATH: Path = PROJECT_ROOT / "openapi" / "pipelines.yaml"

KINDS = (
    "start",
    "end",
    "subtask",
    "review",
    "logic_gate",
    "code",
    "http",
    "llm",
    "evaluation",
    "merge",
    "loop",
)
# Machine kinds whose work is queued for a worker (the other machine kinds are cheap and
# pure, and run inline while the graph is followed).
QUEUED_KINDS = frozenset({"code", "http", "llm"})
# The component that holds each kind's configuration schema in the spec.
SPEC_NAMES = {
    "start": "StartNodeConfig",
    "end": "EndNodeConfig",
    "subtask": "SubtaskNodeConfig",
    "review": "ReviewNodeConfig",
    "logic_gate": "LogicGateNodeConfig",
    "code": "CodeNodeConfig",
    "http": "HttpNodeConfig",
    "llm": "LlmNodeConfig",
    "evaluation": "EvaluationNodeConfig",
    "merge": "MergeNodeConfig",
    "loop": "LoopNodeConfig",
}
DEFAULTS: dict[str, dict] = {
    "subtask": {"instructions": "", "fields": []},
    "review": {
        "on_reject": "pool",
        "max_rereviews": 2,
        "on_exhausted": "quarantine",
        "no_self_review": True,
    },
    "code": {"timeout_seconds": 10, "memory_mb": 256, "input_type": "any", "output_type": "any"},
    "http": {"method": "POST", "timeout_seconds": 10, "retries": 3, "backoff_seconds": 1},
    "llm": {"timeout_seconds": 60, "retries": 2, "backoff_seconds": 1, "response_format": "text"},
    "evaluation": {"on_failure": "quarantine"},
}


@cache
def _spec_schemas() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with SPEC_PATH.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=loader)["components"]["schemas"]


def check_spec() -> None:
    """Reads the spec's schemas now, so that a process that runs nodes (the server, a Celery
    worker) refuses to start without them instead of failing its first gate mid-task."""
    try:
        config_schemas()
        condition_ops()
    except (OSError, KeyError, yaml.YAMLError) as exc:
        raise RuntimeError(
            f"cannot read the node configuration schemas from {SPEC_PATH}: {exc!r}"
        ) from exc


def _json_schema(schema: Any) -> Any:
    """An OpenAPI 3.0 schema as the JSON Schema the validator takes: $refs resolved,
    descriptions, examples and defaults dropped, a boolean exclusiveMinimum made numeric."""
    if isinstance(schema, list):
        return [_json_schema(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    ref = schema.get("$ref", "")
    if ref.startswith("#/components/schemas/"):
        return _json_schema(_spec_schemas()[ref.rsplit("/", 1)[1]])
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "properties":  # property names are data, not keywords
            out[key] = {name: _json_schema(sub) for name, sub in value.items()}
        elif key in ("description", "example", "default", "exclusiveMinimum"):
            continue
        elif key == "minimum" and schema.get("exclusiveMinimum") is True:
            out["exclusiveMinimum"] = value
        else:
            out[key] = _json_schema(value)
    return out


@cache
def config_schemas() -> dict[str, dict]:
    """Each kind's configuration schema (JSON Schema), from the spec."""
    schemas = _spec_schemas()
    return {kind: _json_schema(schemas[SPEC_NAMES[kind]]) for kind in KINDS}


@cache
def condition_schema() -> dict:
    """The schema of one gate condition (nested conditions are checked one by one: a
    recursive schema would make the served spec a circular structure)."""
    return _json_schema(_spec_schemas()["GateCondition"])


@cache
def condition_ops() -> frozenset[str]:
    """The operators a gate condition may use."""
    return frozenset(condition_schema()["properties"]["op"]["enum"])


def default_config(kind: str) -> dict:
    return copy.deepcopy(DEFAULTS.get(kind, {}))


def with_defaults(kind: str, config: dict | None) -> dict:
    return {**default_config(kind), **(config or {})}


def input_ports(kind: str, config: dict) -> dict[str, str]:
    if kind == "start":
        return {}
    if kind == "loop":
        return {"in": "any", "next": "any"}
    if kind == "review":
        return {"in": "object"}
    if kind == "code":
        return {"in": config.get("input_type") or "any"}
    return {"in": "any"}


def output_ports(kind: str, config: dict) -> dict[str, str]:
    if kind == "end":
        return {}
    if kind == "logic_gate":
        ports = {r.get("port"): "any" for r in config.get("routes") or [] if r.get("port")}
        if config.get("default"):
            ports[config["default"]] = "any"
        return ports
    if kind == "loop":
        return {"body": "any", "done": "array"}
    if kind == "code":
        return {"out": config.get("output_type") or "any"}
    return {"out": "object"}


def edge_port(edge: dict, end: str) -> str:
    """The port an edge leaves from (`end` "source", default "out") or enters ("target",
    default "in")."""
    return edge.get(f"{end}_port") or ("out" if end == "source" else "in")
