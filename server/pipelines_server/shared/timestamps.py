"""Timestamps as every surface writes them: the current time in UTC and RFC 3339 strings in
UTC with a Z suffix."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def ts(value: datetime | None) -> str | None:
    """RFC 3339 in UTC with a Z suffix (fractional seconds only when there are some)."""
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def ts_micros(value: datetime) -> str:
    """RFC 3339 in UTC with a Z suffix and always six fractional digits (upstream KFP's
    RuntimeStatus and task times)."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
