"""A user's notifications: listed, read and marked read by that user only, within the
organization of the key (another user's or organization's notification is not found).

Notifications are written by the engine (engine/notices.py: work assigned, submissions
rejected, tasks failed, escalated or quarantined) and by the job runner (domain/jobs.py:
jobs finished), in the same transaction as what causes them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..engine import notices
from ..shared.errors import FieldError, NotFound, ValidationFailed
from ..shared.principal import Principal, acting_user
from ..shared.timestamps import ts, utcnow
from ..store.models import Notification, Workflow

_N = Notification.__table__


def view(row: Any) -> dict:
    return {
        "id": row.id,
        "user_id": row.user_id,
        "type": row.type,
        "title": row.title,
        "body": row.body or "",
        "data": row.data or {},
        "read": row.read_at is not None,
        "read_at": ts(row.read_at),
        "created_at": ts(row.created_at),
    }


def _mine(principal: Principal) -> list:
    user_id = acting_user(principal)
    return [_N.c.user_id == user_id, _N.c.org_id == principal.org_id]


def read_filter(unread_only: bool | None, read: bool | None) -> bool | None:
    """The read state a list keeps: None (both), True (read ones), False (unread ones)."""
    if unread_only:
        if read:
            raise ValidationFailed(
                "unread_only=true contradicts read=true",
                [FieldError("unread_only=true contradicts read=true", loc=("query", "read"))],
            )
        return False
    return read


def list_notifications(
    session: Session,
    principal: Principal,
    offset: int,
    limit: int,
    *,
    unread_only: bool | None = None,
    read: bool | None = None,
    type_: str | None = None,
) -> tuple[list[dict], int]:
    where = _mine(principal)
    state = read_filter(unread_only, read)
    if state is True:
        where.append(_N.c.read_at.is_not(None))
    elif state is False:
        where.append(_N.c.read_at.is_(None))
    if type_:
        where.append(_N.c.type == type_)
    total = session.execute(select(func.count()).select_from(_N).where(*where)).scalar_one()
    rows = session.execute(
        select(_N).where(*where).order_by(_N.c.id.desc()).offset(offset).limit(limit)
    ).all()
    return [view(r) for r in rows], total


def get_notification(session: Session, principal: Principal, notification_id: int) -> dict:
    row = session.execute(select(_N).where(_N.c.id == notification_id, *_mine(principal))).first()
    if row is None:
        raise NotFound("Notification not found")
    return view(row)


def unread_count(session: Session, principal: Principal) -> int:
    return session.execute(
        select(func.count()).select_from(_N).where(*_mine(principal), _N.c.read_at.is_(None))
    ).scalar_one()


def mark_read(
    session: Session,
    principal: Principal,
    notification_ids: list[int] | None = None,
    all_: bool = False,
) -> dict:
    """Marks the caller's unread notifications read: those of `notification_ids` (ids that
    are not the caller's are ignored) or, with `all_`, every one. Returns how many changed
    and how many stay unread."""
    where = [*_mine(principal), _N.c.read_at.is_(None)]
    if all_ and notification_ids:
        raise _invalid("Pass notification_ids or all=true, not both")
    if not all_:
        if not notification_ids:
            raise _invalid("Pass notification_ids=[...] or all=true")
        where.append(_N.c.id.in_(set(notification_ids)))
    result = session.execute(
        update(_N)
        .where(*where)
        .values(read_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return {"updated": result.rowcount, "unread_count": unread_count(session, principal)}


def _invalid(message: str) -> ValidationFailed:
    return ValidationFailed(message, [FieldError(message, loc=("body",))])


# ---- written by the job runner -------------------------------------------------------------

# Jobs whose end notifies nobody: the system jobs that workflow chains start.
SILENT_JOB_KINDS = frozenset({"workflow_chain"})
_JOB_WORDS = {
    "completed": "completed",
    "completed_with_partial_results": "completed with partial results",
    "failed": "failed",
    "cancelled": "was cancelled",
}


def job_finished(session: Session, job: Any, status: str, error: str | None) -> None:
    """A `job_finished` notification to the user who started `job` (a row with id, kind,
    org_id, created_by_id, workflow_id, done, total), in the transaction that ends it."""
    if job.created_by_id is None or job.kind in SILENT_JOB_KINDS:
        return
    data: dict[str, Any] = {"job_id": job.id, "kind": job.kind, "status": status}
    if job.workflow_id is not None:
        project_id = session.execute(
            select(Workflow.project_id).where(Workflow.id == job.workflow_id)
        ).scalar()
        data.update(project_id=project_id, workflow_id=job.workflow_id)
    if job.dataset_id is not None:
        data["dataset_id"] = job.dataset_id
    progress = f" ({job.done} of {job.total})" if job.total is not None else ""
    notices.write(
        session.connection(),
        job.org_id,
        [
            {
                "user_id": job.created_by_id,
                "type": "job_finished",
                "title": f"Job {job.kind.replace('_', ' ')} {_JOB_WORDS.get(status, status)}"
                f"{progress}",
                "body": error or "",
                "data": data,
            }
        ],
    )
