"""A subtask's form in the web UI: the text each input shows for a stored value, the values a
posted form means, and the domain's validation errors placed next to their fields.

Nothing here decides whether a value is valid: a posted text that does not parse as its
field's type is handed to the domain as it is, and the domain's validation (the one the API's
submit runs) says why it is refused. The browser's own checks (required, min/max, maxlength,
number and date inputs) come from the same field schema in the template; they save a round
trip, and the server checks again whatever they let through.

A chosen file is handed to the page, which stores it as a project file and submits its
reference `{"file_id": ...}`; after a refusal the form carries that reference (hidden), so the
file need not be chosen again."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from ..shared.errors import DomainError
from .core import field_errors

PREFIX = "v."  # the form name of a field's input: v.<field name>
VALUES_LOC = "body.values."  # where the domain locates a subtask value's error
KEPT_ID, KEPT_NAME = ".file_id", ".filename"  # a file field's already stored file


def shown(field: dict, value: Any) -> str:
    """A stored value as the field's input shows it (a date-time in UTC, as a
    datetime-local input takes it; booleans as `true` / `false`)."""
    if value is None or field["type"] == "file_upload":
        return ""
    ftype = field["type"]
    if ftype == "boolean" and isinstance(value, bool):
        return "true" if value else "false"
    if ftype == "datetime" and isinstance(value, str):
        try:
            when = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
        if when.tzinfo is not None:
            when = when.astimezone(UTC).replace(tzinfo=None)
        return when.strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(value, dict | list):
        return json.dumps(value)
    return str(value)


def typed(field: dict, text: str | None) -> Any:
    """What an input's text means as a value of the field: None when empty; else the value of
    the field's type it reads as, or the text itself when it reads as none (the domain then
    refuses it, saying why)."""
    if text is None or text == "":
        return None
    ftype = field["type"]
    if ftype in ("long_text", "code"):
        return text.replace("\r\n", "\n")  # browsers post a textarea's line breaks as CRLF
    if ftype == "boolean":
        return {"true": True, "false": False}.get(text, text)
    if ftype in ("numeric", "rating"):
        for parse in (int, float):
            try:
                return parse(text)
            except ValueError:
                pass
        return text
    if ftype == "datetime":
        try:
            when = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return text
        # A datetime-local input has no zone; the form says its times are UTC.
        return (when if when.tzinfo else when.replace(tzinfo=UTC)).isoformat()
    return text


def read_values(fields: list[dict], form, files, prefill: dict) -> tuple[dict, dict]:
    """A posted subtask form: (the values to submit, the texts to show again if it is
    refused). An empty input is left out, so the field's prefill (if any) stands, unless the
    user emptied a prefilled input: then the field is submitted as null."""
    values: dict[str, Any] = {}
    texts: dict[str, str] = {}
    for f in fields:
        key = PREFIX + f["name"]
        if f["type"] == "file_upload":
            _read_file(f["name"], key, form, files, values, texts)
            continue
        text = form.get(key, "")
        texts[f["name"]] = text
        value = typed(f, text)
        if value is not None:
            values[f["name"]] = value
        elif prefill.get(f["name"]) is not None:
            values[f["name"]] = None
    return values, texts


def _read_file(name: str, key: str, form, files, values: dict, texts: dict) -> None:
    """A file input: the chosen file (a FileStorage, which the page stores as a project file
    and submits as its reference), else the file a refused attempt of this form already
    stored (its hidden `<key>.file_id`, shown by the name in `<key>.filename`), else nothing
    (the field's prefill, if any, stands)."""
    upload = files.get(key)
    if upload is not None and upload.filename:
        values[name], texts[name] = upload, upload.filename
    elif form.get(key + KEPT_ID):
        values[name] = {"file_id": form[key + KEPT_ID]}
        texts[name] = form.get(key + KEPT_NAME, "")
    else:
        texts[name] = ""


def kept_files(fields: list[dict], values: dict, texts: dict) -> dict[str, dict]:
    """The file fields whose file is already a project file (stored by a refused attempt, or
    prefilled): by field name, its id and the name to show, for the form to carry again."""
    kept = {}
    for f in fields:
        value = values.get(f["name"])
        if f["type"] == "file_upload" and isinstance(value, dict) and value.get("file_id"):
            name = value.get("filename") or texts.get(f["name"]) or value["file_id"]
            kept[f["name"]] = {"file_id": str(value["file_id"]), "filename": str(name)}
    return kept


def split_errors(exc: DomainError, names) -> tuple[dict[str, list[str]], list[str]]:
    """A refused submission's reasons: (by field name, for the fields of this form; the rest,
    e.g. a field the form does not have or a reason without a field)."""
    by_field: dict[str, list[str]] = {}
    general: list[str] = []
    names = set(names)
    for loc, messages in field_errors(exc).items():
        name = loc[len(VALUES_LOC) :] if loc.startswith(VALUES_LOC) else None
        if name in names:
            by_field.setdefault(name, []).extend(messages)
        else:
            general.extend(messages)
    return by_field, general
