"""Ids this server issues as UUIDs (project files, CLI login sessions): an id in any other
form is none of ours, and is never sent to the database (PostgreSQL refuses a NUL in text)."""

from __future__ import annotations

import uuid


def canonical_uuid(value: object) -> str | None:
    """The id as we issue it (a lowercase UUID), or None when `value` is not one."""
    try:
        parsed = uuid.UUID(str(value))
    except (ValueError, AttributeError, TypeError):
        return None
    return str(parsed) if str(parsed) == str(value).lower() else None
