"""The `search` filter of lists: case-insensitive "contains" over one or more text columns,
with LIKE's wildcards taken literally. Stored text never holds a NUL character (input with one
is refused), so a search with one matches nothing — and never reaches PostgreSQL, which
refuses NUL in text parameters."""

from __future__ import annotations

from sqlalchemy import false, func, or_


def contains(needle: str, *columns):
    """A condition: one of `columns`, lower-cased, contains `needle` (already lower-cased)."""
    if "\x00" in needle:
        return false()
    return or_(*(func.lower(c).contains(needle, autoescape=True) for c in columns))
