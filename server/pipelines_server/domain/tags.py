"""Tags: labels of a workflow that its tasks may carry.

A tag belongs to one workflow (its name unique there, 1..100 characters once trimmed); a
task carries only tags of its own workflow. Any user of the organization creates tags and
sets a task's tags; deleting a tag (which removes it from every task) is for an organization
admin or the user who created it.
"""

from __future__ import annotations

import re

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..shared.errors import Conflict, FieldError, Forbidden, NotFound, ValidationFailed
from ..shared.principal import Principal
from ..store.models import Tag, TaskTag
from .run_views import task_row
from .workflows import get_workflow

NAME_MAX = 100
COLOR_RE = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def clean_name(name: str | None) -> str:
    """The tag's name trimmed; 422 when empty or longer than NAME_MAX."""
    name = (name or "").strip()
    if not name or len(name) > NAME_MAX:
        raise ValidationFailed(
            f"A tag name has 1 to {NAME_MAX} characters",
            [FieldError(f"1 to {NAME_MAX} characters", loc=("body", "name"))],
        )
    return name


def clean_color(color: str | None) -> str | None:
    if color is None or color == "":
        return None
    if not COLOR_RE.match(color):
        raise ValidationFailed(
            "A tag color is a hex color like #1f77b4",
            [FieldError("a hex color like #1f77b4 or #abc", loc=("body", "color"))],
        )
    return color.lower()


def task_counts(session: Session, tag_ids: list[int]) -> dict[int, int]:
    if not tag_ids:
        return {}
    rows = session.execute(
        select(TaskTag.tag_id, func.count())
        .where(TaskTag.tag_id.in_(tag_ids))
        .group_by(TaskTag.tag_id)
    )
    counts = {tag_id: 0 for tag_id in tag_ids}
    counts.update({tag_id: n for tag_id, n in rows})
    return counts


def list_tags(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    offset: int,
    limit: int,
) -> tuple[list[Tag], int, dict[int, int]]:
    """The workflow's tags by name, with how many tasks carry each."""
    wf = get_workflow(session, principal, workflow_id, project_id)
    where = [Tag.workflow_id == wf.id]
    total = session.scalar(select(func.count()).select_from(Tag).where(*where))
    rows = list(
        session.scalars(
            select(Tag).where(*where).order_by(Tag.name, Tag.id).offset(offset).limit(limit)
        )
    )
    return rows, total, task_counts(session, [t.id for t in rows])


def create_tag(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    name: str,
    color: str | None = None,
) -> Tag:
    wf = get_workflow(session, principal, workflow_id, project_id)
    name = clean_name(name)
    color = clean_color(color)
    if session.scalar(select(Tag.id).where(Tag.workflow_id == wf.id, Tag.name == name)):
        raise Conflict(f"The workflow already has a tag named {name!r}")
    tag = Tag(
        org_id=wf.org_id,
        project_id=wf.project_id,
        workflow_id=wf.id,
        name=name,
        color=color,
        created_by_id=principal.user_id,
    )
    session.add(tag)
    try:
        session.flush()
    except IntegrityError:  # a concurrent create of the same name won the race
        raise Conflict(f"The workflow already has a tag named {name!r}") from None
    return tag


def get_tag(
    session: Session, principal: Principal, project_id: int, workflow_id: int, tag_id: int
) -> Tag:
    wf = get_workflow(session, principal, workflow_id, project_id)
    tag = session.get(Tag, tag_id)
    if tag is None or tag.workflow_id != wf.id:
        raise NotFound("Tag not found")
    return tag


def delete_tag(
    session: Session, principal: Principal, project_id: int, workflow_id: int, tag_id: int
) -> None:
    tag = get_tag(session, principal, project_id, workflow_id, tag_id)
    mine = principal.user_id is not None and tag.created_by_id == principal.user_id
    if not (mine or (principal.is_admin and principal.user_id is not None)):
        raise Forbidden("Only an organization admin or the tag's creator can delete a tag")
    session.execute(delete(TaskTag).where(TaskTag.tag_id == tag.id))
    session.delete(tag)
    session.flush()


def tags_of_task(session: Session, task_id: int) -> list[Tag]:
    return list(
        session.scalars(
            select(Tag)
            .join(TaskTag, TaskTag.tag_id == Tag.id)
            .where(TaskTag.task_id == task_id)
            .order_by(Tag.name, Tag.id)
        )
    )


def tags_of_tasks(session: Session, task_ids: list[int]) -> dict[int, list[Tag]]:
    """Each task's tags by name, in one query."""
    out: dict[int, list[Tag]] = {t: [] for t in task_ids}
    if task_ids:
        rows = session.execute(
            select(TaskTag.task_id, Tag)
            .join(Tag, TaskTag.tag_id == Tag.id)
            .where(TaskTag.task_id.in_(task_ids))
            .order_by(Tag.name, Tag.id)
        )
        for task_id, tag in rows:
            out[task_id].append(tag)
    return out


def task_tags(
    session: Session, principal: Principal, project_id: int, workflow_id: int, task_id: int
) -> list[Tag]:
    task = task_row(session, principal, project_id, workflow_id, task_id)
    return tags_of_task(session, task.id)


def set_task_tags(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    task_id: int,
    tag_ids: list[int],
) -> list[Tag]:
    """Replaces the task's tags with `tag_ids` (duplicates ignored); every one must be a tag
    of the task's workflow, else 422 naming each that is not."""
    task = task_row(session, principal, project_id, workflow_id, task_id)
    wanted = list(dict.fromkeys(tag_ids))
    found = set()
    if wanted:
        found = set(
            session.scalars(
                select(Tag.id).where(Tag.id.in_(wanted), Tag.workflow_id == task.workflow_id)
            )
        )
    wrong = [
        FieldError(f"tag {tag_id} is not a tag of this workflow", loc=("body", "tag_ids", i))
        for i, tag_id in enumerate(tag_ids)
        if tag_id not in found
    ]
    if wrong:
        raise ValidationFailed("Only tags of the task's workflow can be set", wrong)
    session.execute(delete(TaskTag).where(TaskTag.task_id == task.id))
    if wanted:
        session.execute(insert(TaskTag), [{"task_id": task.id, "tag_id": t} for t in wanted])
    session.flush()
    return tags_of_task(session, task.id)
