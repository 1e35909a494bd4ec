"""evaluation nodes: regex, JSON Schema and threshold checks over the node's variables."""

from __future__ import annotations

import re
from functools import lru_cache

import jsonschema_rs

from ..paths import PathError, resolve
from .base import NodeContext, NodeResult


@lru_cache(maxsize=256)
def _schema_validator(schema_json: str):
    import json

    return jsonschema_rs.validator_for(json.loads(schema_json))


def _check(check: dict, variables: dict) -> tuple[bool, str]:
    try:
        value = resolve(check["path"], variables)
    except PathError as exc:
        return False, f"missing: {exc}"
    kind = check["type"]
    if kind == "regex":
        if not isinstance(value, str):
            return False, f"{check['path']} is not a string"
        ok = re.search(check["pattern"], value) is not None
        return ok, "matches" if ok else f"does not match {check['pattern']!r}"
    if kind == "json_schema":
        import json

        errors = [
            e.message
            for e in _schema_validator(json.dumps(check["schema"], sort_keys=True)).iter_errors(
                value
            )
        ]
        return (not errors), ("valid" if not errors else "; ".join(errors[:5]))
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False, f"{check['path']} is not a number"
    if "min" in check and value < check["min"]:
        return False, f"{value} is below the minimum {check['min']}"
    if "max" in check and value > check["max"]:
        return False, f"{value} is above the maximum {check['max']}"
    return True, "within bounds"


def execute(config: dict, ctx: NodeContext) -> NodeResult:
    variables = ctx.template_vars()
    results = []
    for i, check in enumerate(config["checks"]):
        ok, message = _check(check, variables)
        results.append(
            {
                "name": check.get("name") or f"check_{i}",
                "type": check["type"],
                "passed": ok,
                "message": message,
            }
        )
    passed = all(r["passed"] for r in results)
    outcome = "finished"
    if not passed:
        outcome = "escalated" if config.get("on_failure") == "escalate" else "quarantined"
    log = "; ".join(f"{r['name']}: {'ok' if r['passed'] else r['message']}" for r in results)
    return NodeResult(output={"passed": passed, "checks": results}, log=log, outcome=outcome)
