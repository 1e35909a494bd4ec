"""Rules every surface's free text meets before it is stored: no NUL character (PostgreSQL
refuses one in text; SQLite would keep it) and at most the length of its column (PostgreSQL
refuses longer text; SQLite would keep it).

The API's request schema says the same before its handler runs; the web UI has no schema in
front of it, so the domain functions both surfaces call check their text here and refuse with
every reason at its field's location (the UI shows each beside its input)."""

from __future__ import annotations

from ..shared.errors import FieldError, ValidationFailed


def problems(loc: str | tuple, value: str | None, max_length: int | None) -> list[FieldError]:
    """What is wrong with one text value (none when it is None)."""
    if value is None:
        return []
    where = loc if isinstance(loc, tuple) else (loc,)
    label = str(where[-1]).replace("_", " ").capitalize()
    out = []
    if "\x00" in value:
        out.append(FieldError(f"{label} must not contain NUL (\\u0000) characters", loc=where))
    if max_length is not None and len(value) > max_length:
        out.append(FieldError(f"{label} is longer than {max_length} characters", loc=where))
    return out


def check(*fields: tuple[str | tuple, str | None, int | None]) -> None:
    """Each (location, value, max length) checked; ValidationFailed listing every problem."""
    errors = [e for loc, value, max_length in fields for e in problems(loc, value, max_length)]
    if errors:
        raise ValidationFailed("; ".join(e.message for e in errors), errors)
