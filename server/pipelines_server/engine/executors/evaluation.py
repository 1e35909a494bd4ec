"""evaluation nodes: regex, JSON Schema and threshold checks over the node's variables.

A failed check is a result, not an error: the node records every check with a message and
ends as "finished" when all pass, else as its `on_failure` outcome ("quarantined" or
"escalated"), so that a person can look at the task. A path that leads nowhere is a failed
check that says so.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from typing import Any

import jsonschema_rs

from ..value_paths import PathError, json_kind, resolve
from .base import NodeContext, NodeResult

DEFAULT_ON_FAILURE = "quarantine"
OUTCOMES = {"quarantine": "quarantined", "escalate": "escalated"}
_MAX_SCHEMA_ERRORS = 5


def execute(config: dict, ctx: NodeContext) -> NodeResult:
    variables = ctx.template_vars()
    results = []
    for i, check in enumerate(config["checks"]):
        passed, message = run_check(check, variables)
        results.append(
            {
                "name": check.get("name") or f"{check['type']}_{i + 1}",
                "type": check["type"],
                "passed": passed,
                "message": message,
            }
        )
    passed = all(r["passed"] for r in results)
    on_failure = config.get("on_failure") or DEFAULT_ON_FAILURE
    outcome = "finished" if passed else OUTCOMES.get(on_failure, "quarantined")
    failed = [r for r in results if not r["passed"]]
    log = f"{len(results) - len(failed)}/{len(results)} checks passed"
    if failed:
        log += "; " + "; ".join(f"{r['name']}: {r['message']}" for r in failed)
    return NodeResult(output={"passed": passed, "checks": results}, log=log, outcome=outcome)


def run_check(check: dict, variables: dict) -> tuple[bool, str]:
    """(passed, message) of one check; never raises for the data or the check's content."""
    path = check["path"]
    try:
        value = resolve(path, variables)
    except PathError as exc:
        return False, f"missing value: {exc}"
    kind = check["type"]
    if kind == "regex":
        return _regex(check, path, value)
    if kind == "json_schema":
        return _json_schema(check, path, value)
    if kind == "threshold":
        return _threshold(check, path, value)
    return False, f"unknown check type {kind!r}"


def _regex(check: dict, path: str, value: Any) -> tuple[bool, str]:
    pattern = check.get("pattern", "")
    if not isinstance(value, str):
        return False, f"{path} is {json_kind(value)}, not a string"
    try:
        matched = re.search(pattern, value) is not None
    except re.error as exc:
        return False, f"invalid pattern {pattern!r}: {exc}"
    if matched:
        return True, f"{path} matches {pattern!r}"
    return False, f"{path} does not match {pattern!r}"


def _json_schema(check: dict, path: str, value: Any) -> tuple[bool, str]:
    try:
        validator = _validator(json.dumps(check.get("schema", {}), sort_keys=True))
    except Exception as exc:  # jsonschema_rs.ValidationError for an invalid schema
        return False, f"invalid JSON Schema: {_first_line(exc)}"
    errors = []
    for error in validator.iter_errors(value):
        where = "/".join(str(p) for p in error.instance_path)
        errors.append(f"{path}/{where}: {error.message}" if where else f"{path}: {error.message}")
        if len(errors) > _MAX_SCHEMA_ERRORS:
            break
    if not errors:
        return True, f"{path} is valid"
    more = " (and more)" if len(errors) > _MAX_SCHEMA_ERRORS else ""
    return False, "; ".join(errors[:_MAX_SCHEMA_ERRORS]) + more


@lru_cache(maxsize=256)
def _validator(schema_json: str) -> jsonschema_rs.Validator:
    # offline: a "$ref" to a URL must not make the server fetch it (no requests on behalf of
    # workflow authors to wherever they point).
    return jsonschema_rs.validator_for(json.loads(schema_json), offline=True)


def _threshold(check: dict, path: str, value: Any) -> tuple[bool, str]:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        return False, f"{path} is {json_kind(value)}, not a number"
    low, high = check.get("min"), check.get("max")
    if low is not None and value < low:
        return False, f"{path} = {value} is below the minimum {low}"
    if high is not None and value > high:
        return False, f"{path} = {value} is above the maximum {high}"
    bounds = []
    if low is not None:
        bounds.append(f">= {low}")
    if high is not None:
        bounds.append(f"<= {high}")
    return True, f"{path} = {value} is " + " and ".join(bounds) if bounds else f"{path} = {value}"


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
