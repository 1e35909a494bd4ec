"""Untrusted JSON (request bodies, list filters, page tokens, cursors, pipeline packages) read
into plain values every store and every JSON parser can take, and responses written as strict
JSON.

Python's json module is lenient where other parsers are not: it reads `NaN`, `Infinity` and
`1e400` (an infinite float) and writes them back as the same non-standard tokens, it raises a
RecursionError on deep nesting and a bare ValueError on an integer of more than 4,300 digits.
Here every one of those is a BadJson (a ValueError) naming the problem, so callers turn it into
a 400; and `check` refuses what a column or another client would choke on later: nesting beyond
MAX_DEPTH, integers outside 64 bits, non-finite floats, NUL characters and lone surrogates, and
any non-JSON type (a YAML date, bytes, a set). It also bounds alias expansion: a YAML document
whose aliases expand to more values than `max_values` is refused before anything serialises
it."""

from __future__ import annotations

import json
import math
from typing import Any

MAX_DEPTH = 100
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


class BadJson(ValueError):
    """Input that is not strict, storable JSON. `unstorable` marks a well-formed value that a
    store cannot keep (NUL, a lone surrogate), as opposed to input that is not JSON at all."""

    def __init__(self, message: str, loc: tuple = (), unstorable: bool = False):
        super().__init__(message)
        self.message = message
        self.loc = loc
        self.unstorable = unstorable


def _refuse_constant(token: str):
    raise BadJson(f"{token} is not valid JSON (JSON numbers are finite)")


def loads(text: str | bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """json.loads for untrusted input: strict JSON, then `check`."""
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except BadJson:
        raise
    except RecursionError:
        raise BadJson(f"nested more than {max_depth} levels deep") from None
    except json.JSONDecodeError as exc:
        raise BadJson(f"not valid JSON: {exc}") from None
    except ValueError as exc:  # Python's int-str conversion limit (4,300 digits)
        raise BadJson(f"a number is too long ({exc.args[0].split(':')[0]})") from None
    check(value, max_depth=max_depth)
    return value


def _check_str(value: str, loc: tuple) -> None:
    if "\x00" in value:
        raise BadJson("Strings must not contain NUL (\\u0000) characters", loc, unstorable=True)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BadJson(
            "Strings must be valid Unicode (lone surrogate escape)", loc, unstorable=True
        ) from None


def check(value: Any, *, max_depth: int = MAX_DEPTH, max_values: int | None = None) -> int:
    """Walk `value` without recursion (so any depth is safe to look at) and raise BadJson at the
    first thing that is not plain, storable JSON. Returns the number of values visited;
    `max_values` stops a walk that expands shared (aliased) containers beyond it, and a cyclic
    structure ends at `max_depth`."""
    stack: list[tuple[Any, int, tuple]] = [(value, 0, ())]
    seen = 0
    while stack:
        item, depth, loc = stack.pop()
        seen += 1
        if max_values is not None and seen > max_values:
            raise BadJson(
                f"it expands to more than {max_values} values (YAML aliases expanding "
                "into a much larger document)"
            )
        if isinstance(item, str):
            _check_str(item, loc)
        elif item is None or isinstance(item, bool):
            pass
        elif isinstance(item, int):
            if not INT64_MIN <= item <= INT64_MAX:
                raise BadJson("Integers must fit in 64 bits", loc)
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise BadJson("Numbers must be finite (no NaN or Infinity)", loc)
        elif isinstance(item, dict | list):
            if depth >= max_depth:
                raise BadJson(f"nested more than {max_depth} levels deep", loc)
            if isinstance(item, dict):
                for key, child in item.items():
                    if isinstance(key, str):
                        _check_str(key, loc)
                    elif not (key is None or isinstance(key, int | float)):
                        raise BadJson(f"a key of type {type(key).__name__} is not JSON", loc)
                    stack.append((child, depth + 1, loc + (key,)))
            else:
                for i, child in enumerate(item):
                    stack.append((child, depth + 1, loc + (i,)))
        else:
            raise BadJson(
                f"a value of type {type(item).__name__} is not JSON (quote it to make it a string)",
                loc,
            )
    return seen


def _finite(value: Any) -> Any:
    """`value` with every non-finite float replaced by null (iteratively deep enough for
    anything `check` let in)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def dumps(value: Any, **kwargs) -> str:
    """json.dumps that only ever writes strict JSON: a non-finite float that reached a response
    (from data stored before inputs were checked, or from a node's output) is written as null
    rather than as a NaN token no other parser reads."""
    kwargs.pop("allow_nan", None)
    try:
        return json.dumps(value, allow_nan=False, **kwargs)
    except ValueError as exc:
        if "Out of range float" not in str(exc):
            raise
        return json.dumps(_finite(value), allow_nan=False, **kwargs)


# A drop-in for the `json` module where a library wants one (connexion's Jsonifier).
load = json.load


def __getattr__(name):  # pragma: no cover - anything else of the json module
    return getattr(json, name)


def storable(value: Any) -> Any:
    """What every database can keep, from values this server produced itself (a task's
    outputs, an error message): no NUL in strings (PostgreSQL refuses them in text and
    JSONB), and no NaN or infinities (JSON has none; a metric can be one): those become
    strings."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return repr(value)
    if isinstance(value, dict):
        return {storable(k): storable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [storable(v) for v in value]
    return value
