"""The my-work list: the human nodes the caller can open now, and the ones the caller holds."""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ..shared.principal import Principal, acting_user
from ..store.models import NodeInstance, Task, Workflow, utcnow
from .human_work import WORKABLE_TASK

_NI = NodeInstance.__table__
_T = Task.__table__
_W = Workflow.__table__


def my_work(
    session: Session,
    principal: Principal,
    project_id: int | None,
    offset: int,
    limit: int,
    kind: str | None = None,
) -> tuple[list[dict], int]:
    """Human nodes the caller can open now, and the ones the caller holds."""
    user_id = acting_user(principal)
    now = utcnow()
    where = [
        _NI.c.org_id == principal.org_id,
        _NI.c.kind.in_((kind,) if kind else ("subtask", "review")),
        _T.c.status.in_(WORKABLE_TASK),
        or_(
            and_(
                _NI.c.status == "available",
                or_(_NI.c.reserved_for_id.is_(None), _NI.c.reserved_for_id == user_id),
                or_(_NI.c.excluded_user_id.is_(None), _NI.c.excluded_user_id != user_id),
            ),
            and_(
                _NI.c.status == "claimed",
                _NI.c.assignee_id.is_not(None),
                or_(_NI.c.assignee_id == user_id, _NI.c.lease_expires_at <= now),
            ),
        ),
    ]
    if project_id is not None:
        where.append(_W.c.project_id == project_id)
    joined = _NI.join(_T, _T.c.id == _NI.c.task_id).join(_W, _W.c.id == _NI.c.workflow_id)
    total = session.scalar(select(func.count()).select_from(joined).where(*where))
    rows = session.execute(
        select(
            _NI.c.id,
            _NI.c.task_id,
            _NI.c.workflow_id,
            _W.c.project_id,
            _W.c.name.label("workflow_name"),
            _NI.c.node_id,
            _NI.c.kind,
            _NI.c.status,
            _NI.c.assignee_id,
            _NI.c.lease_expires_at,
            _NI.c.attempt,
            _NI.c.created_at,
            _NI.c.updated_at,
        )
        .select_from(joined)
        .where(*where)
        .order_by(_NI.c.id)
        .offset(offset)
        .limit(limit)
    ).all()
    items = []
    for r in rows:
        mine = r.status == "claimed" and r.assignee_id == user_id
        items.append(
            {
                "node_db_id": r.id,
                "task_id": r.task_id,
                "workflow_id": r.workflow_id,
                "workflow_name": r.workflow_name,
                "project_id": r.project_id,
                "node_id": r.node_id,
                "kind": r.kind,
                "status": "claimed" if mine else "available",
                "claimed_by_me": mine,
                "lease_expires_at": r.lease_expires_at if mine else None,
                "attempt": r.attempt,
                "created_at": r.created_at,
                "updated_at": r.updated_at,
            }
        )
    return items, total
