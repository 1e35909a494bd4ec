"""The `tag` filter of lists (workflows, a workflow's tasks, my-work, my-submissions): one
reading of a tag name, trimmed as tags are when they are created. A name with a NUL character
names no tag (none can hold one) and never reaches PostgreSQL, which refuses it."""

from __future__ import annotations

from sqlalchemy import exists, false, select

from ..store.models import Tag, TaskTag


def workflows_tagged(org_id: int, name: str):
    """A subquery: the ids of the organization's workflows that have a tag named `name`."""
    return select(Tag.workflow_id).where(Tag.org_id == org_id, _named(name))


def task_tagged(task_id_column, name: str):
    """A condition: the task whose id is in `task_id_column` carries a tag named `name`."""
    return exists(
        select(TaskTag.task_id)
        .join(Tag, Tag.id == TaskTag.tag_id)
        .where(TaskTag.task_id == task_id_column, _named(name))
    )


def _named(name: str):
    name = name.strip()
    return false() if "\x00" in name else Tag.name == name
