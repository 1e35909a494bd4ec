"""Numbers from the UI's URLs: path ids through the `id64` converter (a signed 64-bit
database id, so a bigger number is a 404 like any id that names nothing) and query-string
integers through `int_arg` / `page_arg` (out of range reads as absent), so no number the
database cannot hold ever reaches a query."""

from __future__ import annotations

from flask import request
from werkzeug.routing import IntegerConverter

INT64_MAX = 2**63 - 1
MAX_PAGE = 100_000


class Id64Converter(IntegerConverter):
    """`<id64:name>`: an unsigned integer of at most 2**63 - 1 (else no route matches)."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", INT64_MAX)
        super().__init__(map, *args, **kwargs)


def parse_int(raw: str | None, default: int | None = None) -> int | None:
    """A positive 64-bit integer from text; `default` when absent, malformed or out of range."""
    raw = (raw or "").strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > 19:
        return default
    value = int(raw)
    return value if 1 <= value <= INT64_MAX else default


def int_arg(name: str, default: int | None = None) -> int | None:
    """A positive 64-bit integer from the query string or form."""
    return parse_int(request.values.get(name), default)


def page_arg(name: str = "page") -> int:
    """A page number: 1 when absent or malformed, at most MAX_PAGE."""
    return min(parse_int(request.args.get(name), 1), MAX_PAGE)
