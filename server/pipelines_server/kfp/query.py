"""Kubeflow Pipelines list queries: `filter`, `sort_by`, `page_token` and `page_size`, as
upstream's API server reads them, turned into SQLAlchemy clauses.

- filter: URL-encoded JSON `{"predicates": [{"key", "operation", <value>}]}`, ANDed. The
  operation is a name or its number (EQUALS 1, NOT_EQUALS 2, GREATER_THAN 3,
  GREATER_THAN_EQUALS 5, LESS_THAN 6, LESS_THAN_EQUALS 7, IN 8, IS_SUBSTRING 9); the value
  key is snake_case or camelCase (`string_value` / `stringValue`, `int_value`, `long_value`,
  `timestamp_value`, `bool_value`, and `string_values: {values: [...]}` and friends for IN).
- sort_by: `field`, `field asc` or `field desc`, on the fields the resource allows.
- page_token: opaque; it carries the offset and the query it belongs to, so a token used
  with another filter or sort is refused. page_size defaults to 20, at most 200.
Every malformed input is a BadRequest naming the reason, never a server error.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_

from ..shared import jsonsafe
from ..shared.errors import BadRequest

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 200
# Offsets this server hands out are row counts; past this one a forged token would overflow
# the database's 64-bit OFFSET once the page size is added.
MAX_OFFSET = 2**53
MAX_FILTER_DEPTH = 8  # {"predicates": [{"string_values": {"values": [...]}}]} is 5 deep
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
OPERATIONS = {
    "EQUALS": 1,
    "NOT_EQUALS": 2,
    "GREATER_THAN": 3,
    "GREATER_THAN_EQUALS": 5,
    "LESS_THAN": 6,
    "LESS_THAN_EQUALS": 7,
    "IN": 8,
    "IS_SUBSTRING": 9,
}
_BY_NUMBER = {number: name for name, number in OPERATIONS.items()}
_SCALARS = {
    "string_value": "stringValue",
    "int_value": "intValue",
    "long_value": "longValue",
    "timestamp_value": "timestampValue",
    "bool_value": "boolValue",
}
_LISTS = {
    "string_values": "stringValues",
    "int_values": "intValues",
    "long_values": "longValues",
}


@dataclass(frozen=True)
class Field:
    """A filterable and sortable field: its column and the kind of value it holds."""

    column: Any
    kind: str = "string"  # string | int | timestamp | bool


@dataclass(frozen=True)
class Query:
    where: list[ColumnElement]
    order_by: list
    offset: int
    limit: int
    fingerprint: str


def _operation(raw: Any) -> str:
    if isinstance(raw, int) and raw in _BY_NUMBER:
        return _BY_NUMBER[raw]
    if isinstance(raw, str):
        if raw.isdigit() and int(raw) in _BY_NUMBER:
            return _BY_NUMBER[int(raw)]
        if raw.upper() in OPERATIONS:
            return raw.upper()
    raise BadRequest(
        f"Invalid filter: unknown operation {raw!r}; expected one of " + ", ".join(OPERATIONS)
    )


def _int(value: Any, key: str) -> int:
    """An int64 as upstream's JSON carries it: a number or a decimal string."""
    if isinstance(value, bool):
        raise BadRequest(f"Invalid filter: {key} must be an integer, not a boolean")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        if len(value) > 25:
            raise BadRequest(f"Invalid filter: {key} must be a 64-bit integer")
        value = int(value)
    if not isinstance(value, int):
        raise BadRequest(f"Invalid filter: {key} must be an integer")
    if not INT64_MIN <= value <= INT64_MAX:
        raise BadRequest(f"Invalid filter: {key} must be a 64-bit integer")
    return value


def _string(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise BadRequest(f"Invalid filter: {key} must be a string")
    try:
        jsonsafe.check(value)
    except jsonsafe.BadJson as exc:
        raise BadRequest(f"Invalid filter: {key}: {exc.message}") from None
    return value


def _value(predicate: dict) -> tuple[Any, bool, str]:
    """(value, is_list, kind) of a predicate, whichever spelling it uses; kind is the value's
    own kind (string, int, timestamp, bool), checked against the field's by `_coerce`."""
    for snake, camel in _SCALARS.items():
        for key in (snake, camel):
            if key in predicate:
                value = predicate[key]
                if snake in ("int_value", "long_value"):
                    return _int(value, key), False, "int"
                if snake == "timestamp_value":
                    return _timestamp(value), False, "timestamp"
                if snake == "bool_value":
                    if not isinstance(value, bool):
                        raise BadRequest(f"Invalid filter: {key} must be true or false")
                    return value, False, "bool"
                return _string(value, key), False, "string"
    for snake, camel in _LISTS.items():
        for key in (snake, camel):
            if key in predicate:
                holder = predicate[key]
                values = holder.get("values") if isinstance(holder, dict) else holder
                if not isinstance(values, list):
                    raise BadRequest(f'Invalid filter: {key} must be {{"values": [...]}}')
                if snake == "string_values":
                    return [_string(v, key) for v in values], True, "string"
                return [_int(v, key) for v in values], True, "int"
    raise BadRequest(
        f"Invalid filter: predicate on {predicate.get('key')!r} has no value "
        "(string_value, int_value, long_value, timestamp_value, bool_value or *_values)"
    )


def _utc(value: datetime) -> datetime:
    """An aware time in UTC, or a BadRequest when it falls outside the years 1-9999 there."""
    try:
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)  # as the time columns read a naive time
        return value.astimezone(UTC)
    except (OverflowError, ValueError, OSError):
        raise BadRequest(f"Invalid filter: timestamp {value.isoformat()} is out of range") from None


def _timestamp(value: Any) -> datetime:
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return _utc(parsed)
    shown = repr(value) if not isinstance(value, str) or len(value) < 100 else "given"
    raise BadRequest(f"Invalid filter: timestamp_value {shown} is not an RFC 3339 time")


def _seconds(value: int) -> datetime:
    """Upstream compares time fields with int_value as Unix seconds."""
    try:
        return datetime.fromtimestamp(value, UTC)
    except (OverflowError, ValueError, OSError):
        raise BadRequest(
            f"Invalid filter: {value} seconds since 1970 is out of range for a time"
        ) from None


def _coerce(field: Field, value: Any, kind: str, key: str) -> Any:
    """`value` (of its own `kind`) as the field's column compares with it, or a BadRequest:
    a column is only ever compared with a value of its own type."""
    if field.kind == "timestamp":
        if kind == "timestamp":
            return value
        if kind == "int":
            return _seconds(value)
        if kind == "string":
            return _timestamp(value)
        raise BadRequest(f"Invalid filter: {key} is a time; use timestamp_value or int_value")
    if field.kind == "bool":
        if kind != "bool":
            raise BadRequest(f"Invalid filter: {key} takes a bool_value")
        return value
    if field.kind == "int":
        if kind == "int":
            return value
        if kind == "string":
            return _int(value, key)
        raise BadRequest(f"Invalid filter: {key} is an integer; use int_value")
    if kind != "string":
        raise BadRequest(f"Invalid filter: {key} is a string field; use string_value")
    return value


def parse_filter(raw: str | None, fields: dict[str, Field]) -> list[ColumnElement]:
    if not raw:
        return []
    try:
        spec = jsonsafe.loads(raw, max_depth=MAX_FILTER_DEPTH)
    except jsonsafe.BadJson as exc:
        if exc.unstorable:
            raise BadRequest(f"Invalid filter: {exc.message}") from None
        raise BadRequest(f"Invalid filter: not JSON ({exc.message})") from None
    if not isinstance(spec, dict):
        raise BadRequest("Invalid filter: expected an object with predicates")
    predicates = spec.get("predicates") or []
    if not isinstance(predicates, list):
        raise BadRequest("Invalid filter: predicates must be an array")
    clauses = []
    for predicate in predicates:
        if not isinstance(predicate, dict):
            raise BadRequest("Invalid filter: every predicate must be an object")
        key = predicate.get("key")
        field = fields.get(key) if isinstance(key, str) else None
        if field is None:
            raise BadRequest(
                f"Invalid filter: cannot filter on {key!r}; allowed keys: " + ", ".join(fields)
            )
        op = _operation(predicate.get("operation", predicate.get("op")))
        value, is_list, kind = _value(predicate)
        if (op == "IN") != is_list:
            raise BadRequest(
                f"Invalid filter: {op} on {key!r} takes "
                + ("a list value (*_values)" if op == "IN" else "a single value")
            )
        col = field.column
        if is_list:
            clauses.append(col.in_([_coerce(field, v, kind, key) for v in value]))
            continue
        value = _coerce(field, value, kind, key)
        if op == "IS_SUBSTRING":
            if not isinstance(value, str):
                raise BadRequest(f"Invalid filter: IS_SUBSTRING on {key!r} takes a string_value")
            clauses.append(col.contains(value, autoescape=True))
        else:
            clauses.append(
                {
                    "EQUALS": col == value,
                    "NOT_EQUALS": col != value,
                    "GREATER_THAN": col > value,
                    "GREATER_THAN_EQUALS": col >= value,
                    "LESS_THAN": col < value,
                    "LESS_THAN_EQUALS": col <= value,
                }[op]
            )
    return clauses


def parse_sort(raw: str | None, fields: dict[str, Field], default: str) -> list:
    text = (raw or default).strip()
    parts = text.split()
    if not parts or len(parts) > 2 or (len(parts) == 2 and parts[1].lower() not in ("asc", "desc")):
        raise BadRequest(f"Invalid sort_by {raw!r}: use 'field', 'field asc' or 'field desc'")
    field = fields.get(parts[0])
    if field is None:
        raise BadRequest(
            f"Invalid sort_by: cannot sort on {parts[0]!r}; allowed fields: " + ", ".join(fields)
        )
    desc = len(parts) == 2 and parts[1].lower() == "desc"
    return [field.column.desc() if desc else field.column.asc()]


def page_size(raw: int | None) -> int:
    if raw is None or raw == 0:
        return DEFAULT_PAGE_SIZE
    if raw < 0:
        raise BadRequest("Invalid page_size: it cannot be negative")
    return min(raw, MAX_PAGE_SIZE)


def _fingerprint(filter_raw: str | None, sort_raw: str | None, scope: str) -> str:
    material = json.dumps([filter_raw or "", sort_raw or "", scope])
    return hashlib.sha256(material.encode()).hexdigest()[:16]


def encode_token(offset: int, fingerprint: str) -> str:
    raw = json.dumps({"o": offset, "q": fingerprint}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_token(token: str, fingerprint: str) -> int:
    try:
        padded = token + "=" * (-len(token) % 4)
        data = jsonsafe.loads(base64.urlsafe_b64decode(padded.encode()), max_depth=2)
        offset, query = data["o"], data["q"]
        if isinstance(offset, bool) or not isinstance(offset, int):
            raise ValueError("offset")
    except (ValueError, KeyError, TypeError, UnicodeError, binascii.Error):
        raise BadRequest("Invalid page_token: it is not a token this server issued") from None
    if not 0 <= offset <= MAX_OFFSET:
        raise BadRequest("Invalid page_token: it is not a token this server issued")
    if query != fingerprint:
        raise BadRequest(
            "Invalid page_token: it belongs to another query (the filter or sort_by changed)"
        )
    return offset


def build(
    fields: dict[str, Field],
    *,
    filter_raw: str | None,
    sort_raw: str | None,
    page_token: str | None,
    size: int | None,
    default_sort: str,
    tiebreak,
    scope: str = "",
) -> Query:
    """Everything one list request asks for; `tiebreak` keeps pages stable (the id column)."""
    for raw, what in ((filter_raw, "filter"), (sort_raw, "sort_by")):
        if raw and ("\x00" in raw or "\\u0000" in raw.lower()):
            raise BadRequest(f"Invalid {what}: strings must not contain NUL characters")
    fingerprint = _fingerprint(filter_raw, sort_raw, scope)
    offset = decode_token(page_token, fingerprint) if page_token else 0
    order = parse_sort(sort_raw, fields, default_sort) + [tiebreak]
    return Query(
        where=parse_filter(filter_raw, fields),
        order_by=order,
        offset=offset,
        limit=page_size(size),
        fingerprint=fingerprint,
    )


def next_token(query: Query, returned: int, total: int) -> str:
    end = query.offset + returned
    return encode_token(end, query.fingerprint) if end < total else ""


def page(session, model, where: list, query: Query) -> tuple[list, int, str]:
    """One page of `model` rows matching `where` and the query: (rows, total_size,
    next_page_token)."""
    from sqlalchemy import func, select

    where = [*where, *query.where]
    total = session.scalar(select(func.count()).select_from(model).where(*where))
    rows = list(
        session.scalars(
            select(model)
            .where(*where)
            .order_by(*query.order_by)
            .offset(query.offset)
            .limit(query.limit)
        )
    )
    return rows, total, next_token(query, len(rows), total)


__all__ = ["Field", "Query", "and_", "build", "next_token", "page", "parse_filter", "parse_sort"]
