"""The event feed: task events as the API shows them, read after a cursor for one
organization's live stream and for the shared live reader."""

from __future__ import annotations

from sqlalchemy import func, or_, select

from ..store.models import TaskEvent

_EV = TaskEvent.__table__


def event_view(r) -> dict:
    return {
        "id": r.id,
        "type": r.type,
        "task_id": r.task_id,
        "workflow_id": r.workflow_id,
        "node_db_id": r.node_instance_id,
        "node_id": r.node_id,
        "data": r.data or {},
        "actor_id": r.actor_id,
        "created_at": r.created_at,
    }


INT32_MAX = 2**31 - 1  # task_events.workflow_id is a 32-bit column on PostgreSQL


def event_rows_after(
    conn, org_id: int, after: int, task_id: int | None, workflow_id: int | None, limit: int = 500
) -> list:
    if workflow_id is not None and workflow_id > INT32_MAX:
        return []  # no event has it (and PostgreSQL would refuse the comparison)
    where = [_EV.c.org_id == org_id, _EV.c.id > after]
    if task_id is not None:
        where.append(_EV.c.task_id == task_id)
    if workflow_id is not None:
        where.append(_EV.c.workflow_id == workflow_id)
    return conn.execute(select(_EV).where(*where).order_by(_EV.c.id).limit(limit)).all()


def events_since(conn, after: int, missing: list[int] | None = None, limit: int = 1000):
    """The shared live reader's feed, every organization at once: rows with an id above
    `after`, and the rows among `missing` (ids below it not seen yet: on PostgreSQL a
    transaction can commit after one that took a later id), oldest first."""
    where = _EV.c.id > after
    if missing:
        where = or_(where, _EV.c.id.in_(missing))
    return conn.execute(select(_EV).where(where).order_by(_EV.c.id).limit(limit)).all()


def max_event_id(conn) -> int:
    return conn.execute(select(func.max(_EV.c.id))).scalar() or 0


def last_event_id(conn, org_id: int) -> int:
    return conn.execute(select(func.max(_EV.c.id)).where(_EV.c.org_id == org_id)).scalar() or 0
