"""Tasks that workflow chains start when a task finishes (issue 13, area 8): filled in by
the chains work."""

from __future__ import annotations

from typing import Any


def from_events(run: Any, events: list[dict]) -> None:
    return None
