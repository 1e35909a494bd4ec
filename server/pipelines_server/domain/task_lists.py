"""A workflow's tasks as a paged list, filtered by status and by tag (the web app's task
table). Newest first; each item is a task summary with its node_summary and its tags."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..shared.errors import BadRequest
from ..shared.principal import Principal
from ..store.models import Task
from .tag_filters import task_tagged
from .tags import tags_of_tasks
from .tasks import TASK_STATUSES, node_summaries
from .workflows import get_workflow

# Stored statuses: the v1 ones plus `cancelled`.
STATUSES = (*TASK_STATUSES, "cancelled")


def list_tasks(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    offset: int,
    limit: int,
    status: str | None = None,
    tag: str | None = None,
) -> tuple[list[dict], int]:
    if status is not None and status not in STATUSES:
        raise BadRequest(
            f"Invalid status filter {status!r}. Accepted values: " + ", ".join(STATUSES)
        )
    wf = get_workflow(session, principal, workflow_id, project_id)
    where = [Task.workflow_id == wf.id]
    if status is not None:
        where.append(Task.status == status)
    if tag is not None:
        where.append(task_tagged(Task.id, tag))
    total = session.scalar(select(func.count()).select_from(Task).where(*where))
    rows = list(
        session.scalars(
            select(Task).where(*where).order_by(Task.id.desc()).offset(offset).limit(limit)
        )
    )
    summaries = node_summaries(session, rows)
    tags = tags_of_tasks(session, [t.id for t in rows])
    items = [
        {
            "id": t.id,
            "project_id": wf.project_id,
            "workflow_id": t.workflow_id,
            "workflow_version": t.workflow_version,
            "status": t.status,
            "fields": t.fields,
            "error": t.error,
            "node_summary": summaries[t.id],
            "tags": [{"id": g.id, "name": g.name, "color": g.color} for g in tags[t.id]],
            "created_by_id": t.created_by_id,
            "created_at": t.created_at,
            "updated_at": t.updated_at,
            "started_at": t.started_at,
            "finished_at": t.finished_at,
        }
        for t in rows
    ]
    return items, total
