"""Tasks: batch creation with partial success, cursor pagination, status and progress."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field

from sqlalchemy import Connection, Row, bindparam, func, insert, select, text
from sqlalchemy.orm import Session

from ..shared import jsonsafe
from ..shared.errors import BadRequest, FieldError, NotFound, ValidationFailed
from ..shared.principal import Principal
from ..store.fastread import fetch_all
from ..store.models import NodeInstance, Task, Workflow, WorkflowVersion, utcnow
from . import fields as fieldschema
from . import library_refs
from .workflows import ACTIVE, get_workflow, require_accepts_tasks

TASK_STATUSES = (
    "pending",
    "in_progress",
    "finished",
    "failed",
    "paused",
    "escalated",
    "quarantined",
)
# Stored task statuses are the v1 ones plus `cancelled`, which v1 shows as `failed`.
V1_STATUS_FILTER = {"failed": ("failed", "cancelled")}
MAX_BATCH = 5000


def v1_status(status: str) -> str:
    return "failed" if status == "cancelled" else status


# How the many node instance states collapse into the three buckets of node_summary.
NODE_BUCKETS = {
    "finished": "finished",
    "available": "in_progress",
    "claimed": "in_progress",
    "submitted": "in_progress",
    "escalated": "in_progress",
    "quarantined": "in_progress",
    "pending": "pending",
    "deferred": "pending",
}


@dataclass
class BatchResult:
    task_ids: list[int] = field(default_factory=list)
    errors: list[FieldError] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        return len({e.index for e in self.errors})

    def summary(self) -> dict:
        """The batch reply both surfaces give (v1's shape, which /api keeps)."""
        return {
            "success_count": len(self.task_ids),
            "error_count": self.error_count,
            "errors": row_errors(self.errors),
            "task_ids": self.task_ids,
        }


def row_errors(errors: list[FieldError]) -> list[dict]:
    """A batch's per-row errors as v1 and the native API show them."""
    return [{"index": e.index, "field_name": e.field_name, "message": e.message} for e in errors]


def initial_status(wf: Workflow) -> str:
    return "pending" if wf.status == ACTIVE else "paused"


def insert_tasks(
    session: Session,
    wf: Workflow,
    rows: list[dict],
    upload_id: str | None = None,
    *,
    created_by: int | None,
) -> list[int]:
    """Inserts one task per row in one bulk statement; returns the ids in the order of rows.
    `created_by` is the user whose tasks they are (None: a key whose user was removed)."""
    if not rows:
        return []
    ensure_version(session, wf)
    now = utcnow()
    values = [
        {
            "org_id": wf.org_id,
            "workflow_id": wf.id,
            "workflow_version": wf.version,
            "node_count": len((wf.graph or {}).get("nodes") or []),
            "status": initial_status(wf),
            "fields": r,
            "upload_id": upload_id,
            "created_by_id": created_by,
            "created_at": now,
            "updated_at": now,
        }
        for r in rows
    ]
    table = Task.__table__
    if session.get_bind().dialect.name == "postgresql":
        # Ids drawn from the sequence up front, then a plain pipelined executemany: about
        # twice as fast as INSERT .. RETURNING in bulk, and the order of ids is ours.
        ids = sorted(
            session.scalars(
                text(
                    "SELECT nextval(pg_get_serial_sequence('tasks', 'id')) "
                    "FROM generate_series(1, :n)"
                ),
                {"n": len(rows)},
            )
        )
        for task_id, value in zip(ids, values, strict=True):
            value["id"] = task_id
        session.execute(insert(table), values)
        return ids
    result = session.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True), values
    )
    return [r[0] for r in result]


def ensure_version(session: Session, wf: Workflow) -> None:
    """Snapshots the workflow's current version (graph and schema) once: tasks run through
    the version they were created with."""
    table = WorkflowVersion.__table__
    graph = wf.graph or {}
    if library_refs.has_refs(graph):
        # Library references resolve into the snapshot (their versions are immutable), once.
        exists = session.scalar(
            select(table.c.id).where(table.c.workflow_id == wf.id, table.c.version == wf.version)
        )
        if exists is not None:
            return
        graph = library_refs.resolve(session, wf.org_id, graph)
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    session.execute(
        dialect_insert(table)
        .values(
            workflow_id=wf.id,
            version=wf.version,
            graph=graph,
            fields=wf.fields or [],
            created_at=utcnow(),
        )
        .on_conflict_do_nothing(index_elements=["workflow_id", "version"])
    )


def check_creatable(wf: Workflow) -> None:
    """Tasks can be created from JSON rows: the workflow accepts tasks and has no file
    fields (those go through the ZIP upload flow)."""
    require_accepts_tasks(wf)
    if fieldschema.file_fields(wf.fields):
        raise ValidationFailed(
            "This workflow has file upload fields; create its tasks with the ZIP upload flow "
            f"(POST /workflows/{wf.id}/tasks/upload)"
        )


def validate_rows(wf: Workflow, tasks: list, start: int = 0) -> tuple[list[dict], BatchResult]:
    """The valid rows' fields, and every error of the others (`index` counted from
    `start`, the position of `tasks[0]` in the caller's whole list)."""
    result = BatchResult()
    valid: list[dict] = []
    for i, task in enumerate(tasks, start):
        values = task.get("fields") if isinstance(task, dict) else None
        errors = fieldschema.validate_row(wf.fields, values if values is not None else {}, i)
        if errors:
            result.errors.extend(errors)
        else:
            valid.append(values)
    return valid, result


def create_tasks(
    session: Session,
    principal: Principal,
    workflow_id: int,
    tasks: list,
    project_id: int | None = None,
) -> BatchResult:
    """Validates every row, creates the valid ones, reports the others.

    Raises ValidationFailed (all rows failed, wrong workflow state, file fields) so that the
    caller answers 422; otherwise at least one task was created. With `project_id`, the
    workflow must belong to that project (else not found).
    """
    wf = get_workflow(session, principal, workflow_id, project_id)
    check_creatable(wf)
    if not 1 <= len(tasks) <= MAX_BATCH:
        raise ValidationFailed(f"tasks: send between 1 and {MAX_BATCH} tasks")
    valid, result = validate_rows(wf, tasks)
    if not valid:
        raise ValidationFailed("Every task failed validation", result.errors)
    result.task_ids = insert_tasks(session, wf, valid, created_by=principal.user_id)
    return result


def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"last_id": last_id}).encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = jsonsafe.loads(base64.urlsafe_b64decode(padded.encode("ascii")), max_depth=1)
        last_id = data["last_id"]
        # An id the database can compare with: positive and within a 64-bit integer.
        if isinstance(last_id, bool) or not isinstance(last_id, int) or not 1 <= last_id < 2**63:
            raise ValueError
        return last_id
    except (ValueError, KeyError, TypeError, UnicodeError, binascii.Error):
        raise BadRequest("Invalid pagination cursor") from None


@dataclass
class Page:
    tasks: list[Task]
    next_cursor: str | None
    has_more: bool


def list_tasks(
    session: Session,
    principal: Principal,
    workflow_id: int,
    limit: int = 50,
    cursor: str | None = None,
    status: str | None = None,
) -> Page:
    """Newest first; the cursor seeks on (workflow_id, id), it never counts or offsets."""
    if status is not None and status not in TASK_STATUSES:
        raise BadRequest(
            f"Invalid status filter {status!r}. Accepted values: " + ", ".join(TASK_STATUSES)
        )
    if not 1 <= limit <= 200:
        raise BadRequest("limit must be between 1 and 200")
    wf = get_workflow(session, principal, workflow_id)
    query = select(Task).where(Task.workflow_id == wf.id)
    if status is not None:
        query = query.where(Task.status.in_(V1_STATUS_FILTER.get(status, (status,))))
    if cursor:
        query = query.where(Task.id < decode_cursor(cursor))
    rows = list(session.scalars(query.order_by(Task.id.desc()).limit(limit + 1)))
    has_more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor(rows[-1].id) if has_more else None, has_more)


_T = Task.__table__.c
_N = NodeInstance.__table__.c
_TASK_COLUMNS = (
    _T.id,
    _T.org_id,
    _T.workflow_id,
    _T.status,
    _T.created_at,
    _T.updated_at,
    _T.node_count,
)
# The task and its node counts in one round trip: task status is the most polled read.
_TASK_WITH_NODES = (
    select(*_TASK_COLUMNS, _N.status.label("node_status"), func.count(_N.id).label("n"))
    .select_from(Task.__table__.outerjoin(NodeInstance.__table__, _N.task_id == _T.id))
    .where(_T.id == bindparam("task_id"))
    .group_by(*_TASK_COLUMNS, _N.status)
)  # built once: SQLAlchemy memoizes the cache key of a statement object it sees again


def get_task(
    conn: Connection | Session, principal: Principal, workflow_id: int, task_id: int
) -> tuple[Row, dict[str, int]]:
    """The task's row (id, status, timestamps) and its node_summary, scoped to the workflow
    and the organization. Core, not the ORM, and one query."""
    params = {"task_id": task_id}
    rows = (
        fetch_all(conn, _TASK_WITH_NODES, params)
        if isinstance(conn, Connection)
        else conn.execute(_TASK_WITH_NODES, params).all()
    )
    if not rows or rows[0].org_id != principal.org_id or rows[0].workflow_id != workflow_id:
        raise NotFound("Task not found")
    task = rows[0]
    counted = [(r.node_status, r.n) for r in rows if r.node_status is not None]
    return task, _summary(task.node_count, counted)


def _summary(node_count: int, counted: list[tuple[str, int]]) -> dict[str, int]:
    if not counted:
        return {"total": node_count, "finished": 0, "in_progress": 0, "pending": node_count}
    summary = {"total": 0, "finished": 0, "in_progress": 0, "pending": 0}
    for status, n in counted:
        if status == "na":
            continue
        summary["total"] += n
        bucket = NODE_BUCKETS.get(status)
        if bucket:
            summary[bucket] += n
    return summary


def node_summaries(conn: Connection | Session, tasks: list) -> dict[int, dict[str, int]]:
    """node_summary per task (anything with .id and .node_count): finished / in_progress /
    pending buckets; `na` nodes count nowhere, not even in `total`. A task whose nodes were
    not instantiated yet has every node of its workflow version's graph pending."""
    counted: dict[int, list[tuple[str, int]]] = {t.id: [] for t in tasks}
    if tasks:
        rows = conn.execute(
            select(_N.task_id, _N.status, func.count())
            .where(_N.task_id.in_(list(counted)))
            .group_by(_N.task_id, _N.status)
        )
        for task_id, status, n in rows:
            counted[task_id].append((status, n))
    return {t.id: _summary(t.node_count, counted[t.id]) for t in tasks}
