"""Pipelit's workflow DSL dry-run (`POST /workflows/validate-dsl/`): parse a YAML document,
resolve its model, and count the nodes and edges it would build, saving nothing.

Two modes, as upstream's compiler: create (`name`, `steps`, optional `trigger`, `model`)
and fork (`based_on` a workflow slug the caller sees, `patches`). Errors carry upstream's
stage prefixes: "Parse error: ", "Model resolution error: ", "Graph build error: ".

What this dry-run does not do (kept modest on purpose): model `discover` does not query
providers for their models (it resolves to the caller's first llm credential), `inherit`
has no parent node to inherit from (so it resolves to nothing), and fork mode only checks
that the source exists (as upstream's dry-run)."""

from __future__ import annotations

from collections.abc import Mapping

import yaml
from sqlalchemy.orm import Session

from ...shared.principal import Principal
from ...store.models import PipelitCredential, PipelitWorkflow
from . import access

STEP_TYPES = {
    "code": "code",
    "agent": "agent",
    "deep_agent": "deep_agent",
    "switch": "switch",
    "assertion": "assertion",
    "loop": "loop",
    "workflow": "workflow",
    "human": "human_confirmation",
    "transform": "code",
    "reply_chat": "reply_chat",
    "categorizer": "categorizer",
    "router": "router",
    "extractor": "extractor",
    "filter": "filter",
    "merge": "merge",
    "wait": "wait",
    "identify_user": "identify_user",
}
TRIGGER_TYPES = {
    "telegram": "trigger_telegram",
    "chat": "trigger_chat",
    "none": "trigger_workflow",
    "workflow": "trigger_workflow",
    "manual": "trigger_manual",
    "schedule": "trigger_schedule",
    "error": "trigger_error",
}
TOOL_TYPES = (
    "run_command",
    "platform_api",
    "whoami",
    "spawn_and_await",
    "workflow_create",
    "workflow_discover",
    "scheduler_tools",
    "system_health",
    "get_totp_code",
    "memory_read",
    "memory_write",
)
AI_STEPS = ("agent", "deep_agent", "categorizer", "router", "extractor")
MODEL_STEPS = ("agent", "deep_agent")  # the step types whose own `model` is resolved


class DslError(ValueError):
    pass


def parse(yaml_str: str) -> dict:
    """The document's top level, checked as upstream's stage 1 (DslError otherwise)."""
    try:
        parsed = yaml.safe_load(yaml_str)
    except yaml.YAMLError as exc:
        raise DslError(f"Invalid YAML: {exc}") from exc
    if not isinstance(parsed, dict):
        raise DslError("DSL must be a YAML mapping (dict)")
    if "based_on" in parsed:
        if not isinstance(parsed["based_on"], str):
            raise DslError("`based_on` must be a workflow slug string")
        if "patches" not in parsed:
            raise DslError("Fork mode requires a `patches` list")
        if not isinstance(parsed["patches"], list):
            raise DslError("`patches` must be a list")
        return parsed
    if "name" not in parsed:
        raise DslError("DSL requires a `name` field")
    if "steps" not in parsed:
        raise DslError("DSL requires a `steps` list")
    if not isinstance(parsed["steps"], list) or not parsed["steps"]:
        raise DslError("`steps` must be a non-empty list")
    trigger = parsed.setdefault("trigger", "none")
    if isinstance(trigger, dict):
        trigger = trigger.get("type", "none")
        parsed["trigger"] = trigger
    if not isinstance(trigger, str) or trigger not in TRIGGER_TYPES:
        raise DslError(f"Unknown trigger type '{trigger}'. Valid: {', '.join(TRIGGER_TYPES)}")
    seen: set[str] = set()
    for i, step in enumerate(parsed["steps"]):
        if not isinstance(step, dict):
            raise DslError(f"Step {i} must be a mapping")
        kind = step.get("type")
        if not kind:
            raise DslError(f"Step {i} missing `type` field")
        if not isinstance(kind, str) or kind not in STEP_TYPES:
            raise DslError(
                f"Unknown step type '{kind}' in step {i}. Valid: {', '.join(STEP_TYPES)}"
            )
        step_id = step.get("id", f"{STEP_TYPES[kind]}_{i + 1}")
        if step_id in seen:
            raise DslError(f"Duplicate step ID '{step_id}' in step {i}")
        seen.add(step_id)
    return parsed


def resolve_model(spec, credential_ids: list[int]) -> int | None:
    """The llm credential a model spec resolves to (None: no model), from the credentials
    the caller sees (`credential_ids`, oldest first)."""
    if not spec:
        return None
    if not isinstance(spec, Mapping):
        raise DslError("`model` must be a mapping")
    if spec.get("discover"):
        if not credential_ids:
            raise DslError("No LLM credentials available for model discovery")
        return credential_ids[0]
    if "capability" in spec:
        if not credential_ids:
            raise DslError(f"No LLM credential found for capability '{spec['capability']}'")
        return credential_ids[0]
    if "credential_id" in spec:
        return spec["credential_id"]
    return None


def count_graph(parsed: dict, model: int | None, credential_ids: list[int]) -> tuple[int, int]:
    """(nodes, edges) the compiler would create: the trigger, each step in a line (switch
    routes as conditional edges, loop bodies with their loop edges), and an AI step's model,
    tools and skills as sub-nodes."""
    nodes, edges = 1, 0
    claimed: set[str] = set()
    for step in parsed["steps"]:
        if step["type"] == "switch":
            for rule in step.get("rules") or []:
                if isinstance(rule, Mapping) and rule.get("route"):
                    claimed.add(rule["route"])
            if step.get("default"):
                claimed.add(step["default"])
    linked = True  # the previous node continues the line
    for i, step in enumerate(parsed["steps"]):
        kind = step["type"]
        step_id = step.get("id", f"{STEP_TYPES[kind]}_{i + 1}")
        nodes += 1
        if linked and step_id not in claimed:
            edges += 1
        if kind == "switch":
            rules = [r for r in step.get("rules") or [] if isinstance(r, Mapping)]
            edges += sum(1 for r in rules if r.get("route")) + (1 if step.get("default") else 0)
            linked = False
            continue
        if kind == "loop":
            body = step.get("body") or []
            if not body:
                raise DslError(f"Loop step '{step_id}' requires a non-empty `body` list")
            for part in body:
                part_type = part.get("type", "code") if isinstance(part, Mapping) else None
                if part_type not in STEP_TYPES:
                    raise DslError(f"Unknown step type '{part_type}' in loop body")
            nodes += len(body)
            edges += len(body) + 1  # loop_body, the chain, loop_return
        if kind in AI_STEPS:
            step_model = step.get("model") if kind in MODEL_STEPS else None
            credential = resolve_model(step_model, credential_ids) if step_model else model
            if credential:
                nodes, edges = nodes + 1, edges + 1
            if kind in MODEL_STEPS:
                for j, tool in enumerate(step.get("tools") or []):
                    if not isinstance(tool, str | Mapping):
                        raise DslError(
                            f"Tool {j} in step '{step_id}' must be a string or mapping, "
                            f"got {type(tool).__name__}"
                        )
                    tool_type = tool if isinstance(tool, str) else tool.get("type", "")
                    if tool_type not in TOOL_TYPES:
                        raise DslError(
                            f"Unknown inline tool type '{tool_type}'. "
                            f"Valid: {', '.join(TOOL_TYPES)}"
                        )
                    nodes, edges = nodes + 1, edges + 1
                for k, skill in enumerate(step.get("skills") or []):
                    if not isinstance(skill, str | Mapping):
                        raise DslError(
                            f"Skill {k} in step '{step_id}' must be a string or mapping, "
                            f"got {type(skill).__name__}"
                        )
                    nodes, edges = nodes + 1, edges + 1
        linked = True
    return nodes, edges


def _llm_credentials(session: Session, principal: Principal) -> list[int]:
    stmt = access.caller_credentials(principal).where(PipelitCredential.credential_type == "llm")
    return list(
        session.scalars(stmt.with_only_columns(PipelitCredential.id).order_by(PipelitCredential.id))
    )


def validate(session: Session, principal: Principal, yaml_str: str) -> dict:
    def reply(errors: list[str], nodes: int = 0, edges: int = 0) -> dict:
        return {"valid": not errors, "errors": errors, "node_count": nodes, "edge_count": edges}

    try:
        parsed = parse(yaml_str)
    except (DslError, RecursionError, TypeError) as exc:  # TypeError: an unhashable step id
        return reply([f"Parse error: {exc}"])
    if "based_on" in parsed:
        source = parsed["based_on"]
        found = not access.unmatchable(source) and session.scalar(
            access.visible_workflows(principal).where(PipelitWorkflow.slug == source).limit(1)
        )
        return reply([] if found else [f"Source workflow '{source}' not found"])
    errors: list[str] = []
    credentials = _llm_credentials(session, principal)
    model = None
    try:
        model = resolve_model(parsed.get("model") or {}, credentials)
    except DslError as exc:
        errors.append(f"Model resolution error: {exc}")
    try:
        nodes, edges = count_graph(parsed, model, credentials)
    except (DslError, AttributeError, TypeError) as exc:
        errors.append(f"Graph build error: {exc}")
        nodes = edges = 0
    return reply(errors, nodes, edges)
