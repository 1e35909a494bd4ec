"""Pipelit's epics and tasks (v0.3.16): an epic groups tasks, a task may depend on others and
starts `blocked` until they are all completed; completing a task unblocks its dependants;
cancelling an epic cancels its pending, blocked and running tasks; every change recounts the
epic's totals and is broadcast on `epic:<id>`.

Upstream lets any authenticated user see every epic; here they belong to the caller's
organization, which every member sees. A row keeps `status` and its timestamps in columns and
every other field in `data`."""

from __future__ import annotations

import re
import secrets
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...shared.errors import NotFound
from ...shared.principal import Principal
from ...shared.timestamps import utcnow
from ...store.models import PipelitEpic, PipelitTask
from . import access
from .access import broadcast, iso, page

EPIC_NOT_FOUND = "Epic not found."
TASK_NOT_FOUND = "Task not found."
EPIC_STATUSES = ("planning", "active", "paused", "completed", "failed", "cancelled")
TASK_STATUSES = ("pending", "blocked", "running", "completed", "failed", "cancelled")
CANCELLED_BY_EPIC = ("pending", "blocked", "running")

EPIC_DEFAULTS: dict = {
    "title": "",
    "description": "",
    "tags": [],
    "created_by_node_id": None,
    "workflow_id": None,
    "user_profile_id": None,
    "priority": 2,
    "budget_tokens": None,
    "budget_usd": None,
    "spent_tokens": 0,
    "spent_usd": 0.0,
    "agent_overhead_tokens": 0,
    "agent_overhead_usd": 0.0,
    "total_tasks": 0,
    "completed_tasks": 0,
    "failed_tasks": 0,
    "completed_at": None,
    "result_summary": None,
}
TASK_DEFAULTS: dict = {
    "title": "",
    "description": "",
    "tags": [],
    "created_by_node_id": None,
    "priority": 2,
    "workflow_id": None,
    "workflow_slug": None,
    "execution_id": None,
    "workflow_source": "inline",
    "depends_on": [],
    "requirements": None,
    "estimated_tokens": None,
    "actual_tokens": 0,
    "actual_usd": 0.0,
    "llm_calls": 0,
    "tool_invocations": 0,
    "duration_ms": 0,
    "started_at": None,
    "completed_at": None,
    "result_summary": None,
    "error_message": None,
    "retry_count": 0,
    "max_retries": 2,
    "notes": [],
}
EPIC_CREATE = ("title", "description", "tags", "priority", "budget_tokens", "budget_usd",
               "workflow_id")  # fmt: skip
EPIC_PATCH = ("title", "description", "tags", "priority", "budget_tokens", "budget_usd",
              "result_summary")  # fmt: skip
TASK_CREATE = ("title", "description", "tags", "depends_on", "priority", "workflow_slug",
               "estimated_tokens", "max_retries", "requirements")  # fmt: skip
TASK_PATCH = ("title", "description", "tags", "priority", "workflow_slug", "execution_id",
              "result_summary", "error_message", "notes")  # fmt: skip


ID_FORM = {"ep": re.compile(r"ep-[0-9a-f]{12}"), "tk": re.compile(r"tk-[0-9a-f]{12}")}


def is_id(prefix: str, value: str) -> bool:
    """Whether `value` has the form of the ids we issue (others are never looked up: the
    database refuses some strings, e.g. with a NUL)."""
    return bool(ID_FORM[prefix].fullmatch(value or ""))


def new_id(prefix: str) -> str:
    """`ep-` or `tk-` and 12 hex digits, as upstream."""
    return f"{prefix}-{secrets.token_hex(6)}"


def parse_tags(csv: str | None) -> list[str]:
    return [t.strip() for t in (csv or "").split(",") if t.strip()]


def has_any_tag(tags: Iterable[str] | None, wanted: list[str]) -> bool:
    """The tags filter: a row matches when it has any of `wanted` (OR)."""
    return bool(set(tags or []) & set(wanted))


def all_done(depends_on: list[str], completed: set[str]) -> bool:
    """A task may start (is not blocked) once every dependency is completed."""
    return all(dep in completed for dep in depends_on)


# -- shapes -------------------------------------------------------------------------------------


def epic_out(row: PipelitEpic) -> dict:
    data = {**EPIC_DEFAULTS, **(row.data or {})}
    return {
        "id": row.id,
        **{k: data[k] for k in EPIC_DEFAULTS if k not in ("completed_at", "result_summary")},
        "status": row.status,
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
        "completed_at": data["completed_at"],
        "result_summary": data["result_summary"],
    }


def task_out(row: PipelitTask) -> dict:
    data = {**TASK_DEFAULTS, **(row.data or {})}
    out = {"id": row.id, "epic_id": row.epic_id}
    for key in TASK_DEFAULTS:
        if key == "started_at":
            out["created_at"] = iso(row.created_at)
            out["updated_at"] = iso(row.updated_at)
        if key == "priority":
            out["status"] = row.status
        out[key] = data[key]
    return out


# -- look-ups -----------------------------------------------------------------------------------


def epic_for(session: Session, principal: Principal, epic_id: str) -> PipelitEpic:
    row = session.get(PipelitEpic, epic_id) if is_id("ep", epic_id) else None
    if row is None or row.org_id != principal.org_id:
        raise NotFound(EPIC_NOT_FOUND)
    return row


def task_for(session: Session, principal: Principal, task_id: str) -> PipelitTask:
    row = session.get(PipelitTask, task_id) if is_id("tk", task_id) else None
    if row is None or row.org_id != principal.org_id:
        raise NotFound(TASK_NOT_FOUND)
    return row


def _tagged(session: Session, stmt, model, tags: str | None):
    wanted = parse_tags(tags)
    if not wanted:
        return stmt
    ids = [r.id for r in session.scalars(stmt) if has_any_tag((r.data or {}).get("tags"), wanted)]
    return stmt.where(model.id.in_(ids))


def list_epics(session, principal, status, tags, limit, offset) -> tuple[list[dict], int]:
    if access.unmatchable(status, tags):
        return [], 0
    stmt = select(PipelitEpic).where(PipelitEpic.org_id == principal.org_id)
    if status:
        stmt = stmt.where(PipelitEpic.status == status)
    stmt = _tagged(session, stmt, PipelitEpic, tags)
    stmt = stmt.order_by(PipelitEpic.created_at.desc(), PipelitEpic.id.desc())
    rows, total = page(session, stmt, limit, offset)
    return [epic_out(r) for r in rows], total


def list_tasks(session, principal, epic_id, status, tags, limit, offset) -> tuple[list[dict], int]:
    if access.unmatchable(epic_id, status, tags):
        return [], 0
    stmt = select(PipelitTask).where(PipelitTask.org_id == principal.org_id)
    if epic_id:
        stmt = stmt.where(PipelitTask.epic_id == epic_id)
    if status:
        stmt = stmt.where(PipelitTask.status == status)
    stmt = _tagged(session, stmt, PipelitTask, tags)
    stmt = stmt.order_by(PipelitTask.created_at.desc(), PipelitTask.id.desc())
    rows, total = page(session, stmt, limit, offset)
    return [task_out(r) for r in rows], total


def epic_tasks(session, principal, epic_id, limit, offset) -> tuple[list[dict], int]:
    epic_for(session, principal, epic_id)
    return list_tasks(session, principal, epic_id, None, None, limit, offset)


# -- changes ------------------------------------------------------------------------------------


def _tasks_of(session: Session, epic_id: str) -> list[PipelitTask]:
    return list(session.scalars(select(PipelitTask).where(PipelitTask.epic_id == epic_id)))


def _recount(session: Session, epic: PipelitEpic) -> None:
    session.flush()
    statuses = [t.status for t in _tasks_of(session, epic.id)]
    epic.data = {
        **(epic.data or {}),
        "total_tasks": len(statuses),
        "completed_tasks": statuses.count("completed"),
        "failed_tasks": statuses.count("failed"),
    }


def _send_epic(session: Session, epic: PipelitEpic, type_: str) -> None:
    broadcast(session, epic.org_id, f"epic:{epic.id}", type_, epic_out(epic))


def _send_task(session: Session, task: PipelitTask, type_: str) -> None:
    broadcast(session, task.org_id, f"epic:{task.epic_id}", type_, task_out(task))


def create_epic(session: Session, principal: Principal, body: dict) -> dict:
    now = utcnow()
    data = {**EPIC_DEFAULTS, **{k: body[k] for k in EPIC_CREATE if k in body}}
    data["user_profile_id"] = principal.user_id
    for key, default in (("description", ""), ("tags", []), ("priority", 2)):
        if data[key] is None:
            data[key] = default
    row = PipelitEpic(
        id=new_id("ep"),
        org_id=principal.org_id,
        user_id=principal.user_id,
        data=data,
        status="planning",
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    _send_epic(session, row, "epic_created")
    return epic_out(row)


def update_epic(session: Session, principal: Principal, epic_id: str, body: dict) -> dict:
    epic = epic_for(session, principal, epic_id)
    changes = {k: body[k] for k in EPIC_PATCH if k in body}
    for key, default in (("title", None), ("description", ""), ("tags", []), ("priority", 2)):
        if key in changes and changes[key] is None:
            if default is None:
                changes.pop(key)
            else:
                changes[key] = default
    epic.data = {**(epic.data or {}), **changes}
    status = body.get("status")
    if status:
        epic.status = status
        if status == "cancelled":
            now = utcnow()
            for task in _tasks_of(session, epic.id):
                if task.status in CANCELLED_BY_EPIC:
                    task.status = "cancelled"
                    task.updated_at = now
    epic.updated_at = utcnow()
    _recount(session, epic)
    _send_epic(session, epic, "epic_updated")
    return epic_out(epic)


def delete_epic(session: Session, principal: Principal, epic_id: str) -> None:
    epic = epic_for(session, principal, epic_id)
    for task in _tasks_of(session, epic.id):
        session.delete(task)
    session.flush()
    session.delete(epic)
    broadcast(session, epic.org_id, f"epic:{epic_id}", "epic_deleted", {"id": epic_id})


def batch_delete_epics(session: Session, principal: Principal, epic_ids: list[str]) -> None:
    """Deletes the caller's organization's epics among `epic_ids` with their tasks; others are
    skipped silently."""
    epic_ids = [i for i in epic_ids if is_id("ep", i)]
    if not epic_ids:
        return
    rows = session.scalars(
        select(PipelitEpic).where(
            PipelitEpic.id.in_(epic_ids), PipelitEpic.org_id == principal.org_id
        )
    )
    for epic in list(rows):
        delete_epic(session, principal, epic.id)


def _completed_ids(session: Session, org_id: int, ids: list[str]) -> set[str]:
    ids = [i for i in ids if is_id("tk", i)]
    if not ids:
        return set()
    return set(
        session.scalars(
            select(PipelitTask.id).where(
                PipelitTask.id.in_(ids),
                PipelitTask.org_id == org_id,
                PipelitTask.status == "completed",
            )
        )
    )


def create_task(session: Session, principal: Principal, body: dict) -> dict:
    epic = epic_for(session, principal, body["epic_id"])
    data = {**TASK_DEFAULTS, **{k: body[k] for k in TASK_CREATE if k in body}}
    for key, default in (
        ("description", ""),
        ("tags", []),
        ("depends_on", []),
        ("priority", 2),
        ("max_retries", 2),
    ):
        if data[key] is None:
            data[key] = default
    deps = data["depends_on"]
    completed = _completed_ids(session, principal.org_id, deps)
    now = utcnow()
    row = PipelitTask(
        id=new_id("tk"),
        org_id=principal.org_id,
        epic_id=epic.id,
        data=data,
        status="pending" if all_done(deps, completed) else "blocked",
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    _recount(session, epic)
    epic.updated_at = now
    _send_task(session, row, "task_created")
    return task_out(row)


def _unblock(session: Session, done: PipelitTask) -> None:
    """The blocked tasks that depended on `done` become pending when every dependency of
    theirs is completed."""
    blocked = session.scalars(
        select(PipelitTask).where(
            PipelitTask.org_id == done.org_id, PipelitTask.status == "blocked"
        )
    )
    for task in list(blocked):
        deps = (task.data or {}).get("depends_on") or []
        if done.id not in deps:
            continue
        if all_done(deps, _completed_ids(session, done.org_id, deps)):
            task.status = "pending"
            task.updated_at = utcnow()
            _send_task(session, task, "task_updated")
            other = session.get(PipelitEpic, task.epic_id)
            if other is not None:
                _recount(session, other)


def update_task(session: Session, principal: Principal, task_id: str, body: dict) -> dict:
    task = task_for(session, principal, task_id)
    changes = {k: body[k] for k in TASK_PATCH if k in body}
    for key, default in (("title", None), ("description", ""), ("tags", []), ("notes", [])):
        if key in changes and changes[key] is None:
            if default is None:
                changes.pop(key)
            else:
                changes[key] = default
    if "priority" in changes and changes["priority"] is None:
        changes.pop("priority")
    task.data = {**(task.data or {}), **changes}
    status = body.get("status")
    if status:
        task.status = status
    task.updated_at = utcnow()
    session.flush()
    if status == "completed":
        _unblock(session, task)
    epic = session.get(PipelitEpic, task.epic_id)
    if epic is not None:
        _recount(session, epic)
    _send_task(session, task, "task_updated")
    return task_out(task)


def _forget(session: Session, org_id: int, task_ids: set[str]) -> None:
    """Deleted tasks leave the `depends_on` of the others."""
    for task in list(session.scalars(select(PipelitTask).where(PipelitTask.org_id == org_id))):
        deps = (task.data or {}).get("depends_on") or []
        kept = [d for d in deps if d not in task_ids]
        if len(kept) != len(deps):
            task.data = {**(task.data or {}), "depends_on": kept}


def delete_task(session: Session, principal: Principal, task_id: str) -> None:
    task = task_for(session, principal, task_id)
    epic_id = task.epic_id
    _forget(session, task.org_id, {task.id})
    session.delete(task)
    epic = session.get(PipelitEpic, epic_id)
    if epic is not None:
        _recount(session, epic)
    broadcast(session, principal.org_id, f"epic:{epic_id}", "task_deleted", {"id": task_id})


def batch_delete_tasks(session: Session, principal: Principal, task_ids: list[str]) -> None:
    task_ids = [i for i in task_ids if is_id("tk", i)]
    if not task_ids:
        return
    rows = list(
        session.scalars(
            select(PipelitTask).where(
                PipelitTask.id.in_(task_ids), PipelitTask.org_id == principal.org_id
            )
        )
    )
    by_epic: dict[str, list[str]] = defaultdict(list)
    for task in rows:
        by_epic[task.epic_id].append(task.id)
    _forget(session, principal.org_id, {t.id for t in rows})
    for task in rows:
        session.delete(task)
    for epic_id, ids in by_epic.items():
        epic = session.get(PipelitEpic, epic_id)
        if epic is not None:
            _recount(session, epic)
        broadcast(session, principal.org_id, f"epic:{epic_id}", "tasks_deleted", {"task_ids": ids})
