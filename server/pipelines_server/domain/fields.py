"""The input field schema of a workflow, and validation of task input against it."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from ..engine.vocabulary import FIELD_TYPES, NAME_RE
from ..shared.errors import FieldError

SHORT_TEXT_MAX = 1000
DEFAULT_RATING_MAX = 5


def check_schema(fields: list[dict]) -> list[FieldError]:
    """Every problem with a field schema, so that an edit can be rejected with all reasons."""
    errors: list[FieldError] = []
    seen: set[str] = set()
    for i, f in enumerate(fields):
        name = f.get("name", "")
        loc = ("fields", i)
        if not NAME_RE.match(name or ""):
            errors.append(
                FieldError(
                    f"Field name {name!r} must start with a letter or _ and "
                    "contain only letters, digits and _ (at most 64)",
                    field_name=name,
                    loc=loc + ("name",),
                )
            )
        elif name in seen:
            errors.append(
                FieldError(f"Duplicate field name {name!r}", field_name=name, loc=loc + ("name",))
            )
        seen.add(name)
        ftype = f.get("type")
        if ftype not in FIELD_TYPES:
            errors.append(
                FieldError(
                    f"Field {name!r} has unknown type {ftype!r}; expected one of "
                    + ", ".join(FIELD_TYPES),
                    field_name=name,
                    loc=loc + ("type",),
                )
            )
        if ftype == "select":
            options = f.get("options") or []
            if not options:
                errors.append(
                    FieldError(
                        f"Select field {name!r} needs at least one option",
                        field_name=name,
                        loc=loc + ("options",),
                    )
                )
            elif len(set(options)) != len(options):
                errors.append(
                    FieldError(
                        f"Select field {name!r} has duplicate options",
                        field_name=name,
                        loc=loc + ("options",),
                    )
                )
        if ftype == "rating":
            top = f.get("max_rating", DEFAULT_RATING_MAX)
            if not isinstance(top, int) or not 1 <= top <= 10:
                errors.append(
                    FieldError(
                        f"Rating field {name!r} needs max_rating between 1 and 10",
                        field_name=name,
                        loc=loc + ("max_rating",),
                    )
                )
    return errors


def normalize_schema(fields: list[dict]) -> list[dict]:
    out = []
    for f in fields:
        item = {
            "name": f["name"],
            "title": f.get("title") or f["name"],
            "type": f["type"],
            "required": bool(f.get("required", False)),
            "description": f.get("description") or "",
        }
        if f["type"] == "select":
            item["options"] = list(f.get("options") or [])
        if f["type"] == "rating":
            item["max_rating"] = f.get("max_rating", DEFAULT_RATING_MAX)
        out.append(item)
    return out


def file_fields(fields: list[dict]) -> list[dict]:
    return [f for f in fields if f["type"] == "file_upload"]


def format_hint(field: dict) -> str | None:
    if field["type"] == "select":
        return "One of: " + ", ".join(field.get("options") or [])
    return None


def _parse_datetime(value: str) -> bool:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
        return True
    except ValueError:
        return False


def check_value(field: dict, value: Any) -> str | None:
    """None when the value fits the field, else the message for the user."""
    name, ftype = field["name"], field["type"]
    if ftype in ("short_text", "long_text", "code"):
        if not isinstance(value, str):
            return f"Field '{name}' must be a string"
        if ftype == "short_text" and len(value) > SHORT_TEXT_MAX:
            return f"Field '{name}' is longer than {SHORT_TEXT_MAX} characters"
    elif ftype == "boolean":
        if not isinstance(value, bool):
            return f"Field '{name}' must be true or false"
    elif ftype == "numeric":
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (isinstance(value, float) and not math.isfinite(value))
        ):
            return f"Field '{name}' must be a number"
    elif ftype == "datetime":
        if not isinstance(value, str) or not _parse_datetime(value):
            return f"Field '{name}' must be an ISO 8601 date-time"
    elif ftype == "select":
        if value not in (field.get("options") or []):
            return f"Field '{name}' must be one of: " + ", ".join(field.get("options") or [])
    elif ftype == "rating":
        top = field.get("max_rating", DEFAULT_RATING_MAX)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= top:
            return f"Field '{name}' must be an integer rating from 1 to {top}"
    elif ftype == "file_upload":
        return f"Field '{name}' is a file upload field; use the ZIP upload flow"
    return None


def file_reference(field: dict, value: Any) -> tuple[str | None, str | None]:
    """A subtask's `file_upload` value: (the project file id it names, None) or (None, the
    message for the user). The value is an object `{"file_id": "<id>"}`; other keys (a
    stored value's filename, size...) are ignored, since the file itself is read again. Whether
    the file exists, is confirmed and belongs to the project is for the caller to check."""
    file_id = value.get("file_id") if isinstance(value, dict) else None
    if not isinstance(file_id, str) or not file_id:
        return None, (
            f"Field '{field['name']}' must be a project file reference: an object "
            '{"file_id": "<id>"} naming a file uploaded to this project and confirmed'
        )
    return file_id, None


def missing_required(f: dict, index: int | None) -> FieldError:
    """The error of a required field that a task row leaves out (or sets to null)."""
    return FieldError(f"Missing required columns: {f['name']}", field_name=f["name"], index=index)


def validate_row(
    schema: list[dict], values: Any, index: int, skip_types: frozenset[str] = frozenset()
) -> list[FieldError]:
    """Every error of one task row: unknown fields, missing required ones, bad values.

    `skip_types` leaves some field types to the caller (the ZIP flow resolves files itself).
    """
    if not isinstance(values, dict):
        return [FieldError("Task fields must be an object", index=index)]
    by_name = {f["name"]: f for f in schema}
    errors = [
        FieldError(f"Unknown field: {k}", field_name=k, index=index)
        for k in values
        if k not in by_name
    ]
    for f in schema:
        if f["type"] in skip_types:
            continue
        value = values.get(f["name"])
        if value is None:
            if f["required"]:
                errors.append(missing_required(f, index))
            continue
        problem = check_value(f, value)
        if problem:
            errors.append(FieldError(problem, field_name=f["name"], index=index))
    return errors
