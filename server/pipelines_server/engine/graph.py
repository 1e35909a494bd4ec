"""The workflow graph: node kinds, typed ports, per-kind configuration schemas, validation
that lists every reason, and the compiled form the engine walks.

A graph is `{"nodes": [{"id", "kind", "name"?, "config"?}], "edges": [{"source", "target",
"source_port"? ("out"), "target_port"? ("in")}]}`. The configuration schemas below are
mirrored in openapi/pipelines.yaml (`<Kind>NodeConfig`); a unit test keeps the two equal.
"""

from __future__ import annotations

import copy
import json
import re
from collections import deque
from functools import lru_cache
from typing import Any

import jsonschema_rs

from ..domain.fields import FIELD_TYPES, NAME_RE
from ..shared.errors import FieldError

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
PORT_TYPES = ("string", "number", "boolean", "object", "array", "file", "any")
AUTOMATIC_KINDS = frozenset(
    {"code", "http", "llm", "evaluation", "logic_gate", "merge", "loop", "start", "end"}
)
HUMAN_KINDS = frozenset({"subtask", "review"})
MAX_ID = 100

_PORT_TYPE = {"type": "string", "enum": list(PORT_TYPES)}
_CONDITION: dict = {
    "type": "object",
    "properties": {
        "path": {"type": "string", "minLength": 1},
        "op": {
            "type": "string",
            "enum": [
                "eq",
                "ne",
                "gt",
                "gte",
                "lt",
                "lte",
                "in",
                "not_in",
                "contains",
                "exists",
                "not_exists",
                "matches",
            ],
        },
        "value": {},
        # Nested conditions are checked by _condition_errors: a recursive schema would make
        # the served spec a circular structure.
        "all": {"type": "array", "items": {"type": "object"}, "minItems": 1},
        "any": {"type": "array", "items": {"type": "object"}, "minItems": 1},
        "not": {"type": "object"},
    },
    "additionalProperties": False,
}
_SUBTASK_FIELD = {
    "type": "object",
    "required": ["name", "type"],
    "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 64},
        "type": {"type": "string", "enum": list(FIELD_TYPES)},
        "title": {"type": "string", "maxLength": 200},
        "description": {"type": "string", "maxLength": 2000},
        "required": {"type": "boolean"},
        "options": {"type": "array", "items": {"type": "string"}},
        "max_rating": {"type": "integer", "minimum": 1, "maximum": 10},
        "source": {"type": "string", "enum": ["user", "input", "static", "llm"]},
        "input_field": {"type": "string"},
        "value": {},
        "prompt": {"type": "string", "minLength": 1},
        "credential": {"type": "string", "minLength": 1},
        "model": {"type": "string", "minLength": 1},
    },
    "additionalProperties": False,
}
_EMPTY = {"type": "object", "properties": {}, "additionalProperties": False}
KIND_CONFIG_SCHEMAS: dict[str, dict] = {
    "start": _EMPTY,
    "end": _EMPTY,
    "merge": _EMPTY,
    "subtask": {
        "type": "object",
        "properties": {
            "instructions": {"type": "string", "maxLength": 20000},
            "fields": {"type": "array", "maxItems": 200, "items": _SUBTASK_FIELD},
        },
        "additionalProperties": False,
    },
    "review": {
        "type": "object",
        "properties": {
            "subtask": {"type": "string", "minLength": 1},
            "on_reject": {
                "type": "string",
                "enum": ["same_worker", "pool", "pool_exclude_original"],
            },
            "max_rereviews": {"type": "integer", "minimum": 0, "maximum": 20},
            "on_exhausted": {"type": "string", "enum": ["quarantine", "escalate"]},
            "no_self_review": {"type": "boolean"},
        },
        "additionalProperties": False,
    },
    "logic_gate": {
        "type": "object",
        "required": ["routes"],
        "properties": {
            "routes": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["port", "when"],
                    "properties": {
                        "port": {"type": "string", "minLength": 1, "maxLength": 100},
                        "when": _CONDITION,
                    },
                    "additionalProperties": False,
                },
            },
            "default": {"type": "string", "minLength": 1, "maxLength": 100},
        },
        "additionalProperties": False,
    },
    "code": {
        "type": "object",
        "required": ["source"],
        "properties": {
            "source": {"type": "string", "minLength": 1, "maxLength": 200000},
            "timeout_seconds": {"type": "number", "exclusiveMinimum": 0, "maximum": 3600},
            # the interpreter alone takes about 15 MB of address space
            "memory_mb": {"type": "integer", "minimum": 64, "maximum": 16384},
            "input_type": _PORT_TYPE,
            "output_type": _PORT_TYPE,
        },
        "additionalProperties": False,
    },
    "http": {
        "type": "object",
        "required": ["url"],
        "properties": {
            "url": {"type": "string", "minLength": 1, "maxLength": 4000},
            "method": {"type": "string", "enum": ["GET", "POST", "PUT", "PATCH", "DELETE"]},
            "headers": {"type": "object", "additionalProperties": {"type": "string"}},
            "body": {},
            "timeout_seconds": {"type": "number", "exclusiveMinimum": 0, "maximum": 600},
            "retries": {"type": "integer", "minimum": 0, "maximum": 10},
            "backoff_seconds": {"type": "number", "exclusiveMinimum": 0, "maximum": 3600},
        },
        "additionalProperties": False,
    },
    "llm": {
        "type": "object",
        "required": ["credential", "model", "prompt"],
        "properties": {
            "credential": {"type": "string", "minLength": 1},
            "model": {"type": "string", "minLength": 1},
            "prompt": {"type": "string", "minLength": 1},
            "system": {"type": "string"},
            "temperature": {"type": "number", "minimum": 0, "maximum": 2},
            "max_tokens": {"type": "integer", "minimum": 1},
            "timeout_seconds": {"type": "number", "exclusiveMinimum": 0, "maximum": 600},
            "retries": {"type": "integer", "minimum": 0, "maximum": 10},
            "backoff_seconds": {"type": "number", "exclusiveMinimum": 0, "maximum": 3600},
            "response_format": {"type": "string", "enum": ["text", "json"]},
        },
        "additionalProperties": False,
    },
    "evaluation": {
        "type": "object",
        "required": ["checks"],
        "properties": {
            "checks": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["type", "path"],
                    "properties": {
                        "type": {"type": "string", "enum": ["regex", "json_schema", "threshold"]},
                        "name": {"type": "string"},
                        "path": {"type": "string", "minLength": 1},
                        "pattern": {"type": "string"},
                        "schema": {"type": "object"},
                        "min": {"type": "number"},
                        "max": {"type": "number"},
                    },
                    "additionalProperties": False,
                },
            },
            "on_failure": {"type": "string", "enum": ["quarantine", "escalate"]},
        },
        "additionalProperties": False,
    },
    "loop": {
        "type": "object",
        "required": ["over", "max_iterations"],
        "properties": {
            "over": {"type": "string", "minLength": 1},
            "max_iterations": {"type": "integer", "minimum": 1, "maximum": 1000},
        },
        "additionalProperties": False,
    },
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
_VALIDATORS = {
    kind: jsonschema_rs.validator_for(schema) for kind, schema in KIND_CONFIG_SCHEMAS.items()
}


def default_config(kind: str) -> dict:
    return copy.deepcopy(DEFAULTS.get(kind, {}))


def _with_defaults(kind: str, config: dict | None) -> dict:
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
    return {"out": "object"} if kind != "end" else {}


def compatible(source_type: str, target_type: str) -> bool:
    return source_type == target_type or "any" in (source_type, target_type)


def _port(edge: dict, end: str) -> str:
    return edge.get(f"{end}_port") or ("out" if end == "source" else "in")


def _schema_message(error) -> tuple[str, tuple]:
    path = tuple(error.instance_path)
    return error.message, path


def validate_graph(graph: dict, fields: list[dict] | None = None) -> list[FieldError]:
    """Every structural, type and configuration problem of a graph, each with its loc."""
    errors: list[FieldError] = []

    def err(message: str, *loc) -> None:
        errors.append(FieldError(message, loc=("graph", *loc)))

    if not isinstance(graph, dict):
        return [FieldError("graph must be an object", loc=("graph",))]
    nodes = graph.get("nodes") or []
    edges = graph.get("edges") or []
    input_names = {f.get("name") for f in fields or []}
    by_id: dict[str, dict] = {}
    seen_ids: set[str] = set()
    configs: dict[str, dict] = {}
    for i, node in enumerate(nodes):
        nid, kind = node.get("id"), node.get("kind")
        if not nid or not isinstance(nid, str):
            err("Node needs an id", "nodes", i, "id")
            continue
        if len(nid) > MAX_ID:
            err(f"Node id {nid[:20]!r}... is longer than {MAX_ID} characters", "nodes", i, "id")
        if nid in seen_ids:
            err(f"Duplicate node id {nid!r}", "nodes", i, "id")
            continue
        seen_ids.add(nid)
        if kind not in KINDS:
            err(
                f"Node {nid!r} has unknown kind {kind!r}; expected one of " + ", ".join(KINDS),
                "nodes",
                i,
                "kind",
            )
            continue
        by_id[nid] = node
        raw = node.get("config")
        if raw is None:
            raw = {}
        config_ok = True
        if not isinstance(raw, dict):
            err(f"Node {nid!r}: config must be an object", "nodes", i, "config")
            config_ok = False
        else:
            for e in _VALIDATORS[kind].iter_errors(raw):
                message, path = _schema_message(e)
                err(f"Node {nid!r} ({kind}) config: {message}", "nodes", i, "config", *path)
                config_ok = False
        config = _with_defaults(kind, raw if isinstance(raw, dict) else {})
        configs[nid] = config
        if config_ok:
            errors.extend(_kind_rules(nid, kind, config, i, input_names))
    for kind in ("start", "end"):
        count = sum(1 for n in by_id.values() if n.get("kind") == kind)
        if count != 1:
            err(f"A graph needs exactly one {kind} node, found {count}", "nodes")
    seen_edges: set[tuple] = set()
    forward: list[dict] = []
    back: list[dict] = []
    for i, edge in enumerate(edges):
        src, tgt = edge.get("source"), edge.get("target")
        sp, tp = _port(edge, "source"), _port(edge, "target")
        if src == tgt:
            err(f"Edge from {src!r} to itself", "edges", i)
            continue
        ok = True
        for end, nid in (("source", src), ("target", tgt)):
            if nid not in seen_ids:
                err(f"Edge {end} {nid!r} is not a node", "edges", i, end)
                ok = False
        if not ok or src not in by_id or tgt not in by_id:
            continue  # a node with an unknown kind has no ports to check
        key = (src, sp, tgt, tp)
        if key in seen_edges:
            err(f"Duplicate edge from {src!r}.{sp} to {tgt!r}.{tp}", "edges", i)
            continue
        seen_edges.add(key)
        skind, tkind = by_id[src]["kind"], by_id[tgt]["kind"]
        outs = output_ports(skind, configs[src])
        ins = input_ports(tkind, configs[tgt])
        if sp not in outs:
            err(
                f"Node {src!r} ({skind}) has no output port {sp!r}; its ports: "
                + (", ".join(outs) or "none"),
                "edges",
                i,
                "source_port",
            )
            ok = False
        if tp not in ins:
            err(
                f"Node {tgt!r} ({tkind}) has no input port {tp!r}; its ports: "
                + (", ".join(ins) or "none"),
                "edges",
                i,
                "target_port",
            )
            ok = False
        if ok and not compatible(outs[sp], ins[tp]):
            err(
                f"Edge {src!r}.{sp} ({outs[sp]}) -> {tgt!r}.{tp} ({ins[tp]}): "
                f"type {outs[sp]} is not compatible with {ins[tp]}",
                "edges",
                i,
            )
        if ok:
            (back if tkind == "loop" and tp == "next" else forward).append(edge)
    out_count: dict[str, int] = {}
    for e in forward + back:
        out_count[e["source"]] = out_count.get(e["source"], 0) + 1
    for nid, node in by_id.items():
        if node["kind"] != "end" and not out_count.get(nid):
            err(f"Node {nid!r} has no outgoing edge", "nodes")
    errors.extend(_cycle_and_reach_errors(by_id, forward, back))
    errors.extend(_review_rules(by_id, configs, forward, nodes))
    return errors


def _kind_rules(nid: str, kind: str, config: dict, i: int, inputs: set) -> list[FieldError]:
    errors: list[FieldError] = []

    def err(message: str, *loc) -> None:
        errors.append(
            FieldError(f"Node {nid!r}: {message}", loc=("graph", "nodes", i, "config", *loc))
        )

    if kind == "subtask":
        names: set[str] = set()
        for j, f in enumerate(config.get("fields") or []):
            name = f.get("name", "")
            if not NAME_RE.match(name):
                err(f"field name {name!r} must be letters, digits and _", "fields", j, "name")
            if name in names:
                err(f"duplicate field {name!r}", "fields", j, "name")
            names.add(name)
            source = f.get("source") or "user"
            if source == "input":
                ref = f.get("input_field") or name
                if ref not in inputs:
                    err(
                        f"field {name!r} copies input field {ref!r}, "
                        "which the workflow does not have",
                        "fields",
                        j,
                    )
            elif source == "static" and "value" not in f:
                err(f"field {name!r} has source static but no value", "fields", j)
            elif source == "llm":
                missing = [k for k in ("prompt", "credential", "model") if not f.get(k)]
                if missing:
                    err(
                        f"field {name!r} has source llm and needs " + ", ".join(missing),
                        "fields",
                        j,
                    )
            if f.get("type") == "select" and not f.get("options"):
                err(f"select field {name!r} needs options", "fields", j, "options")
    elif kind == "logic_gate":
        ports = [r["port"] for r in config["routes"]]
        if config.get("default"):
            ports.append(config["default"])
        for dup in {p for p in ports if ports.count(p) > 1}:
            err(f"port {dup!r} is used twice", "routes")
        for j, route in enumerate(config["routes"]):
            errors.extend(
                FieldError(
                    f"Node {nid!r}: {m}", loc=("graph", "nodes", i, "config", "routes", j, "when")
                )
                for m in _condition_errors(route["when"])
            )
    elif kind == "evaluation":
        for j, check in enumerate(config["checks"]):
            t = check["type"]
            if t == "regex":
                try:
                    re.compile(check.get("pattern") or "")
                except re.error as exc:
                    err(f"check {j}: invalid pattern: {exc}", "checks", j, "pattern")
                if "pattern" not in check:
                    err(f"check {j}: regex needs a pattern", "checks", j)
            elif t == "json_schema":
                try:
                    # offline: a remote "$ref" must never make the server fetch a URL
                    jsonschema_rs.validator_for(check.get("schema") or {}, offline=True)
                except Exception as exc:  # the library's own error types vary by version
                    err(f"check {j}: invalid JSON Schema: {exc}", "checks", j, "schema")
                if "schema" not in check:
                    err(f"check {j}: json_schema needs a schema", "checks", j)
            elif "min" not in check and "max" not in check:
                err(f"check {j}: threshold needs min or max", "checks", j)
    return errors


_CONDITION_KEYS = set(_CONDITION["properties"])
_OPS = set(_CONDITION["properties"]["op"]["enum"])


def _condition_errors(cond: dict, nested: bool = False) -> list[str]:
    if not isinstance(cond, dict):
        return ["a condition must be an object"]
    unknown = sorted(set(cond) - _CONDITION_KEYS)
    if unknown:
        return ["unknown condition keys: " + ", ".join(unknown)]
    if "all" in cond or "any" in cond:
        out = []
        for c in cond.get("all") or cond.get("any") or []:
            out += _condition_errors(c, True)
        return out
    if "not" in cond:
        return _condition_errors(cond["not"], True)
    if nested and "op" in cond and cond["op"] not in _OPS:
        return [f"unknown operator {cond['op']!r}; expected one of " + ", ".join(sorted(_OPS))]
    missing = [k for k in ("path", "op") if k not in cond]
    if missing:
        return ["a condition needs " + " and ".join(missing)]
    if cond["op"] not in ("exists", "not_exists") and "value" not in cond:
        return [f"condition {cond['op']!r} on {cond['path']!r} needs a value"]
    if cond["op"] == "matches":
        try:
            re.compile(str(cond["value"]))
        except re.error as exc:
            return [f"invalid pattern: {exc}"]
    return []


def _successors(edges: list[dict]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in edges:
        out.setdefault(e["source"], []).append(e["target"])
    return out


def _reach(starts, succ: dict[str, list[str]], stop: str | None = None) -> set[str]:
    seen, queue = set(), deque(starts)
    while queue:
        n = queue.popleft()
        if n in seen or n == stop:
            continue
        seen.add(n)
        queue.extend(succ.get(n, []))
    return seen


def _cycle_and_reach_errors(by_id: dict, forward: list[dict], back: list[dict]) -> list[FieldError]:
    errors: list[FieldError] = []
    succ = _successors(forward)
    # Cycles (Kahn's algorithm over forward edges): the nodes left are on a cycle.
    indeg = {n: 0 for n in by_id}
    for e in forward:
        indeg[e["target"]] += 1
    queue = deque(n for n, d in indeg.items() if d == 0)
    done = 0
    while queue:
        n = queue.popleft()
        done += 1
        for m in succ.get(n, []):
            indeg[m] -= 1
            if indeg[m] == 0:
                queue.append(m)
    if done < len(by_id):
        cyclic = sorted(n for n, d in indeg.items() if d > 0)
        errors.append(
            FieldError(
                "The graph has a cycle through "
                + ", ".join(repr(n) for n in cyclic)
                + "; only an edge into a loop node's `next` port may go back",
                loc=("graph", "edges"),
            )
        )
    starts = [n for n, node in by_id.items() if node["kind"] == "start"]
    if starts:
        reached = _reach(starts, succ)
        for n in by_id:
            if n not in reached:
                errors.append(
                    FieldError(
                        f"Node {n!r} is not reachable from the start node", loc=("graph", "nodes")
                    )
                )
    for loop_id, node in by_id.items():
        if node["kind"] != "loop":
            continue
        body = [e for e in forward if e["source"] == loop_id and _port(e, "source") == "body"]
        done_edges = [e for e in forward if e["source"] == loop_id and _port(e, "source") == "done"]
        backs = [e for e in back if e["target"] == loop_id]
        if len(body) != 1:
            errors.append(
                FieldError(
                    f"Loop {loop_id!r} needs exactly one edge out of its body port, "
                    f"found {len(body)}",
                    loc=("graph", "edges"),
                )
            )
        if len(done_edges) != 1:
            errors.append(
                FieldError(
                    f"Loop {loop_id!r} needs exactly one edge out of its done port, "
                    f"found {len(done_edges)}",
                    loc=("graph", "edges"),
                )
            )
        if not backs:
            errors.append(
                FieldError(
                    f"Loop {loop_id!r} needs an edge back into its next port",
                    loc=("graph", "edges"),
                )
            )
        inside = _reach([e["target"] for e in body], succ, stop=loop_id)
        for e in backs:
            if e["source"] not in inside:
                errors.append(
                    FieldError(
                        f"Edge {e['source']!r} -> loop {loop_id!r}.next goes back from a node "
                        "outside the loop's body",
                        loc=("graph", "edges"),
                    )
                )
    return errors


def _review_rules(by_id: dict, configs: dict, forward: list[dict], nodes: list) -> list[FieldError]:
    errors = []
    preds: dict[str, list[str]] = {}
    for e in forward:
        preds.setdefault(e["target"], []).append(e["source"])
    index = {n.get("id"): i for i, n in enumerate(nodes)}
    for nid, node in by_id.items():
        if node["kind"] != "review":
            continue
        upstream = _reach(preds.get(nid, []), preds)
        named = configs[nid].get("subtask")
        loc = ("graph", "nodes", index.get(nid), "config", "subtask")
        if named:
            if named not in by_id or by_id[named]["kind"] != "subtask" or named not in upstream:
                errors.append(
                    FieldError(
                        f"Review {nid!r} reviews {named!r}, which is not a subtask upstream of it",
                        loc=loc,
                    )
                )
        elif not any(by_id[u]["kind"] == "subtask" for u in upstream if u in by_id):
            errors.append(FieldError(f"Review {nid!r} has no subtask upstream to review", loc=loc))
    return errors


class CompiledGraph:
    """A valid graph, indexed for the engine (built once per workflow version)."""

    def __init__(self, graph: dict):
        self.nodes: dict[str, dict] = {n["id"]: n for n in graph.get("nodes") or []}
        self._configs = {
            nid: _with_defaults(n["kind"], n.get("config")) for nid, n in self.nodes.items()
        }
        self._in: dict[str, list[dict]] = {nid: [] for nid in self.nodes}
        self._out: dict[str, list[dict]] = {nid: [] for nid in self.nodes}
        self._back: dict[str, list[dict]] = {nid: [] for nid in self.nodes}
        for raw in graph.get("edges") or []:
            edge = {**raw, "source_port": _port(raw, "source"), "target_port": _port(raw, "target")}
            self._out[edge["source"]].append(edge)
            if self.kind(edge["target"]) == "loop" and edge["target_port"] == "next":
                self._back[edge["target"]].append(edge)
            else:
                self._in[edge["target"]].append(edge)
        kinds = {n["kind"]: nid for nid, n in self.nodes.items()}
        self.start_id = kinds.get("start", "")
        self.end_id = kinds.get("end", "")
        self._bodies: dict[str, set[str]] = {}

    def kind(self, node_id: str) -> str:
        return self.nodes[node_id]["kind"]

    def config(self, node_id: str) -> dict:
        return self._configs[node_id]

    def incoming(self, node_id: str) -> list[dict]:
        """Forward edges into the node (back-edges into a loop's `next` port excluded)."""
        return self._in[node_id]

    def outgoing(self, node_id: str, port: str | None = None) -> list[dict]:
        edges = self._out[node_id]
        return edges if port is None else [e for e in edges if e["source_port"] == port]

    def back_edges(self, loop_id: str) -> list[dict]:
        return self._back[loop_id]

    def loop_body(self, loop_id: str) -> set[str]:
        body = self._bodies.get(loop_id)
        if body is None:
            succ: dict[str, list[str]] = {}
            for nid, edges in self._out.items():
                succ[nid] = [
                    e["target"]
                    for e in edges
                    if not (self.kind(e["target"]) == "loop" and e["target_port"] == "next")
                ]
            body = _reach([e["target"] for e in self.outgoing(loop_id, "body")], succ, stop=loop_id)
            self._bodies[loop_id] = body
        return body


@lru_cache(maxsize=1024)
def _compile(key: str) -> CompiledGraph:
    return CompiledGraph(json.loads(key))


def compile_graph(graph: dict) -> CompiledGraph:
    return _compile(json.dumps(graph, sort_keys=True))


__all__ = [
    "AUTOMATIC_KINDS",
    "CompiledGraph",
    "HUMAN_KINDS",
    "KINDS",
    "KIND_CONFIG_SCHEMAS",
    "PORT_TYPES",
    "compile_graph",
    "default_config",
    "validate_graph",
    "Any",
]
