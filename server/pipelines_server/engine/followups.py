"""What follows from a task's changes, written in the same transaction as the changes: the
notifications they cause (`notices`) and the tasks that workflow chains start
(`chain_triggers`). `TaskRun.flush` calls `after_flush` with the events it is writing."""

from __future__ import annotations

from typing import Any

from . import chain_triggers, notices


def after_flush(run: Any, events: list[dict]) -> None:
    """`run` is the TaskRun that flushed `events` (its `conn`, `org_id`, `task_id`,
    `workflow_id`, `insts`, `graph`, `now`)."""
    if not events:
        return
    notices.from_events(run, events)
    chain_triggers.from_events(run, events)
