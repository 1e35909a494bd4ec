"""Pipelit's graph rules, pure: node configs as NodeOut shows them, the type compatibility of
two ports, the checks of an edge POST (in Pipelit's order, with its messages) and the
findings of `POST /workflows/{slug}/validate/`.

Nodes and edges are read as plain mappings here (`component_type`, `node_id`; an edge's
`source_node_id`, `target_node_id`, `edge_type`, `edge_label`, `condition_value`) so the
rules test without a database."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping

from .catalogue import spec

# The four node types whose system prompt a create keeps (PATCH sets it on any node).
PROMPTED = ("agent", "categorizer", "router", "extractor")
MODEL_FIELDS = (
    "llm_credential_id",
    "model_name",
    "temperature",
    "max_tokens",
    "frequency_penalty",
    "presence_penalty",
    "top_p",
    "timeout",
    "max_retries",
    "response_format",
)
TRIGGER_FIELDS = ("credential_id", "is_active", "priority", "trigger_config")
CONFIG_DEFAULTS: dict = {
    "system_prompt": "",
    "extra_config": {},
    "llm_credential_id": None,
    "model_name": "",
    "temperature": None,
    "max_tokens": None,
    "frequency_penalty": None,
    "presence_penalty": None,
    "top_p": None,
    "timeout": None,
    "max_retries": None,
    "response_format": None,
    "llm_model_config_id": None,
    "credential_id": None,
    "is_active": True,
    "priority": 0,
    "trigger_config": {},
    "input_template": None,
}

# Coercions besides "equal" and "either is any".
_COERCIONS = {("message", "messages"), ("string", "message"), ("string", "messages")}
# An edge label -> the target's handle it plugs into, and the flag that handle needs.
LABEL_HANDLES = {
    "llm": ("model", "requires_model"),
    "tool": ("tools", "requires_tools"),
    "output_parser": ("output_parser", "requires_output_parser"),
    "skill": ("skills", "requires_skills"),
}
LOOP_LABELS = ("loop_body", "loop_return")
END = "__end__"

CONDITIONAL_NEEDS_VALUE = "Conditional edges require a non-empty condition_value"
CONDITIONAL_NEEDS_TARGET = "Conditional edges require a non-empty target_node_id"
CONDITIONAL_ONLY_SWITCH = "Conditional edges can only originate from 'switch' nodes"


def is_trigger(component_type: str) -> bool:
    return component_type.startswith("trigger_")


def default_node_id(component_type: str, size: int = 4) -> str:
    """`<type>_<8 hex>` (16 hex on the retry after a collision)."""
    return f"{component_type}_{secrets.token_hex(size)}"


def create_config(component_type: str, given: Mapping | None) -> dict:
    """What a create stores of the body's `config`: extra_config always; the system prompt
    only for the four prompted types; model fields (those set) only for ai_model; trigger
    fields only for trigger_*. input_template is ignored on create (as upstream)."""
    given = dict(given or {})
    stored: dict = {"extra_config": given.get("extra_config") or {}}
    if component_type in PROMPTED:
        stored["system_prompt"] = given.get("system_prompt") or ""
    if component_type == "ai_model":
        stored["llm_credential_id"] = given.get("llm_credential_id")
        stored["model_name"] = given.get("model_name") or ""
        for key in MODEL_FIELDS[2:]:
            if given.get(key) is not None:
                stored[key] = given[key]
    if is_trigger(component_type):
        stored["credential_id"] = given.get("credential_id")
        stored["is_active"] = given.get("is_active", True)
        stored["priority"] = given.get("priority", 0)
        stored["trigger_config"] = given.get("trigger_config") or {}
    return stored


def patch_config(component_type: str, stored: Mapping | None, given: Mapping) -> dict:
    """A PATCH's `config` keys onto the stored config: model fields only on ai_model,
    trigger fields only on trigger_*, the prompt, extra_config and input_template on any
    node; other keys (llm_model_config_id: set by llm edges only) are ignored."""
    result = dict(stored or {})
    for key, value in given.items():
        if key in MODEL_FIELDS:
            if component_type == "ai_model":
                result[key] = value
        elif key in TRIGGER_FIELDS:
            if is_trigger(component_type):
                result[key] = value
        elif key in ("system_prompt", "extra_config", "input_template"):
            result[key] = value
    return result


def render_config(component_type: str, stored: Mapping | None) -> dict:
    """NodeOut's config: every key, with its default unless the node's kind keeps it."""
    stored = stored or {}
    out = dict(CONFIG_DEFAULTS)
    out["system_prompt"] = stored.get("system_prompt") or ""
    out["extra_config"] = stored.get("extra_config") or {}
    out["llm_model_config_id"] = stored.get("llm_model_config_id")
    out["input_template"] = stored.get("input_template")
    if component_type == "ai_model":
        for key in MODEL_FIELDS:
            out[key] = stored.get(key, CONFIG_DEFAULTS[key])
        out["model_name"] = out["model_name"] or ""
    elif is_trigger(component_type):
        out["credential_id"] = stored.get("credential_id")
        active = stored.get("is_active")
        out["is_active"] = True if active is None else active
        priority = stored.get("priority")
        out["priority"] = 0 if priority is None else priority
        out["trigger_config"] = stored.get("trigger_config") or {}
    return out


def compatible(source: str, target: str) -> bool:
    """May a port of data type `source` feed one of type `target`?"""
    return source == target or "any" in (source, target) or (source, target) in _COERCIONS


def edge_type_errors(source_type: str, target_type: str, label: str = "") -> list[str]:
    """The type check of one edge between two node types: a labelled edge checks only the
    target's flag, an unlabelled one the source's first output against the target's first
    input. Unregistered types pass."""
    source_spec, target_spec = spec(source_type), spec(target_type)
    if source_spec is None or target_spec is None:
        return []
    if label in LABEL_HANDLES:
        handle, flag = LABEL_HANDLES[label]
        if not target_spec[flag]:
            return [f"Node type '{target_type}' does not accept '{handle}' connections"]
        return []
    if source_spec["outputs"] and target_spec["inputs"]:
        out_type = source_spec["outputs"][0]["data_type"]
        in_type = target_spec["inputs"][0]["data_type"]
        if not compatible(out_type, in_type):
            return [
                f"Type mismatch: {source_type} outputs '{out_type}' but "
                f"{target_type} expects '{in_type}'"
            ]
    return []


def conditional_error(edge: Mapping, source: Mapping | None) -> str | None:
    """The first refusal of a conditional edge POST (a string-detail 422), or None."""
    if edge.get("edge_type") != "conditional":
        return None
    if not edge.get("condition_value"):
        return CONDITIONAL_NEEDS_VALUE
    if not edge.get("target_node_id"):
        return CONDITIONAL_NEEDS_TARGET
    if source is None or source["component_type"] != "switch":
        return CONDITIONAL_ONLY_SWITCH
    return None


def post_type_errors(edge: Mapping, source: Mapping | None, target: Mapping | None) -> list[str]:
    """The type check of an edge POST: only with both ids set, outside loop labels, when both
    nodes exist (an edge to a missing node is created)."""
    if not edge.get("source_node_id") or not edge.get("target_node_id"):
        return []
    label = edge.get("edge_label") or ""
    if label in LOOP_LABELS or source is None or target is None:
        return []
    return edge_type_errors(source["component_type"], target["component_type"], label)


def validate(nodes: Iterable[Mapping], edges: Iterable[Mapping]) -> list[str]:
    """`POST /{slug}/validate/`'s errors: every edge in order, then the model connections."""
    nodes = list(nodes)
    edges = list(edges)
    by_id = {n["node_id"]: n for n in nodes}
    errors: list[str] = []
    for edge in edges:
        s, t = edge["source_node_id"], edge.get("target_node_id") or ""
        src = by_id.get(s)
        if src is None:
            errors.append(f"Edge references unknown source node '{s}'")
            continue
        if edge.get("edge_type") == "conditional":
            if not edge.get("condition_value"):
                errors.append(f"Conditional edge from '{s}' is missing condition_value")
            if not t:
                errors.append(f"Conditional edge from '{s}' is missing target_node_id")
            elif t != END and t not in by_id:
                errors.append(f"Conditional edge from '{s}' targets unknown node '{t}'")
            if src["component_type"] != "switch":
                errors.append(
                    f"Conditional edge from '{s}' ({src['component_type']}): only 'switch' "
                    "nodes can have conditional edges"
                )
            continue
        tgt = by_id.get(t)
        if tgt is None:
            errors.append(f"Edge references unknown target node '{t}'")
            continue
        label = edge.get("edge_label") or ""
        if label in LOOP_LABELS:
            continue
        for err in edge_type_errors(src["component_type"], tgt["component_type"], label):
            errors.append(f"Edge {s} \u2192 {t}: {err}")
    with_model = {e.get("target_node_id") for e in edges if e.get("edge_label") == "llm"}
    for node in nodes:
        kind = node["component_type"]
        node_spec = spec(kind)
        if node_spec is None or is_trigger(kind):
            continue
        if node_spec["requires_model"] and node["node_id"] not in with_model:
            errors.append(f"Node '{node['node_id']}' ({kind}) requires a model connection")
    return errors
