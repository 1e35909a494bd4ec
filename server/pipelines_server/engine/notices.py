"""Notifications caused by a task's changes (issue 13, area 4): filled in by the
notifications work."""

from __future__ import annotations

from typing import Any


def from_events(run: Any, events: list[dict]) -> None:
    return None
