"""logic gates: the first route whose condition holds, else the default port."""

from __future__ import annotations

import re
from typing import Any

from ..paths import PathError, resolve
from .base import NodeContext, NodeFailed, NodeResult

_MISSING = object()


def _get(path: str, variables: dict) -> Any:
    try:
        return resolve(path, variables)
    except PathError:
        return _MISSING


def holds(cond: dict, variables: dict) -> bool:
    if "all" in cond:
        return all(holds(c, variables) for c in cond["all"])
    if "any" in cond:
        return any(holds(c, variables) for c in cond["any"])
    if "not" in cond:
        return not holds(cond["not"], variables)
    op, value = cond["op"], cond.get("value")
    actual = _get(cond["path"], variables)
    if op == "exists":
        return actual is not _MISSING
    if op == "not_exists":
        return actual is _MISSING
    if actual is _MISSING:
        return False
    try:
        if op == "eq":
            return actual == value
        if op == "ne":
            return actual != value
        if op == "gt":
            return actual > value
        if op == "gte":
            return actual >= value
        if op == "lt":
            return actual < value
        if op == "lte":
            return actual <= value
        if op == "in":
            return actual in value
        if op == "not_in":
            return actual not in value
        if op == "contains":
            return value in actual
        if op == "matches":
            return isinstance(actual, str) and re.search(str(value), actual) is not None
    except TypeError:
        return False  # incomparable types: not matched
    return False


def execute(config: dict, ctx: NodeContext) -> NodeResult:
    variables = ctx.template_vars()
    for route in config["routes"]:
        if holds(route["when"], variables):
            return NodeResult(output=ctx.input, route=route["port"], log=f"route {route['port']}")
    if config.get("default"):
        return NodeResult(output=ctx.input, route=config["default"], log="default route")
    raise NodeFailed("no route matched and the gate has no default port")
