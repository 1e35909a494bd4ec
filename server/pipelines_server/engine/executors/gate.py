"""logic gates: the first route whose condition holds, else the default port.

Conditions compare JSON values, so comparisons follow JSON rather than Python: `true` is not
`1`, numbers order with numbers and strings with strings, and anything else (null > 3, an
object < a list) is simply "not matched" instead of an exception. A path that does not exist
matches only `not_exists`. The gate's output is its input, unchanged; the engine marks the
ports not taken (and what only they lead to) as na.
"""

from __future__ import annotations

import re
from typing import Any

from ..kinds import condition_ops
from ..value_paths import PathError, resolve
from .base import NodeContext, NodeFailed, NodeResult

_MISSING = object()


def execute(config: dict, ctx: NodeContext) -> NodeResult:
    variables = ctx.template_vars()
    for route in config["routes"]:
        if holds(route["when"], variables):
            return NodeResult(output=ctx.input, route=route["port"], log=f"-> {route['port']}")
    default = config.get("default")
    if default:
        return NodeResult(output=ctx.input, route=default, log=f"-> {default} (default)")
    ports = ", ".join(repr(r["port"]) for r in config["routes"])
    raise NodeFailed(f"no route matched (routes {ports}) and the gate has no default port")


def holds(cond: dict, variables: dict) -> bool:
    """Whether a condition holds over the variables. NodeFailed for a malformed condition
    (which graph validation should have rejected), never for the data."""
    if "all" in cond:
        return all(holds(c, variables) for c in cond["all"])
    if "any" in cond:
        return any(holds(c, variables) for c in cond["any"])
    if "not" in cond:
        return not holds(cond["not"], variables)
    op = cond.get("op")
    if op not in condition_ops() or "path" not in cond:
        raise NodeFailed(f"invalid condition {cond!r}: needs a path and a known op")
    try:
        actual = resolve(cond["path"], variables)
    except PathError:
        actual = _MISSING
    if op == "exists":
        return actual is not _MISSING
    if op == "not_exists":
        return actual is _MISSING
    if actual is _MISSING:
        return False
    return _compare(op, actual, cond.get("value"))


def _compare(op: str, actual: Any, value: Any) -> bool:
    if op == "eq":
        return json_equal(actual, value)
    if op == "ne":
        return not json_equal(actual, value)
    if op in ("gt", "gte", "lt", "lte"):
        if not _orderable(actual, value):
            return False
        if op == "gt":
            return actual > value
        if op == "gte":
            return actual >= value
        if op == "lt":
            return actual < value
        return actual <= value
    if op == "in":
        return _contains(value, actual)
    if op == "not_in":
        return isinstance(value, (list, str, dict)) and not _contains(value, actual)
    if op == "contains":
        return _contains(actual, value)
    if op == "matches":
        if not isinstance(actual, str):
            return False
        try:
            return re.search(str(value), actual) is not None
        except re.error as exc:
            raise NodeFailed(f"invalid pattern {value!r} in a condition: {exc}") from None
    return False


def json_equal(a: Any, b: Any) -> bool:
    """Equality of JSON values: booleans equal only booleans (Python has True == 1)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a is b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    if _is_number(a) and _is_number(b):
        return a == b
    return type(a) is type(b) and a == b


def _contains(container: Any, item: Any) -> bool:
    """Membership: an element of an array, a substring of a string, a key of an object."""
    if isinstance(container, list):
        return any(json_equal(x, item) for x in container)
    if isinstance(container, str):
        return isinstance(item, str) and item in container
    if isinstance(container, dict):
        return isinstance(item, str) and item in container
    return False


def _orderable(a: Any, b: Any) -> bool:
    return (_is_number(a) and _is_number(b)) or (isinstance(a, str) and isinstance(b, str))


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
