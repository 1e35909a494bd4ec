"""Pipelit's agent memory, read and deleted through the API (admins only): facts, episodes,
procedures, memory users and checkpoints, all rows of `PipelitMemory` in the caller's
organization.

How a row is kept (what a writer must follow): `kind` is the list's name (`facts`,
`episodes`, `procedures`, `users`, `checkpoints`); `agent_id`, `scope`, `fact_type` and
`thread_id` are columns because lists filter on them; `sort_at` is the time a list is
ordered by (a fact's `updated_at`, an episode's `started_at`, a user's `last_seen_at`, a
procedure's `created_at`); every other field is in `data`. A checkpoint's row id is its
`checkpoint_id` (their list is ordered by it, newest first).

Nothing on this server writes memories yet: the memory_read / memory_write nodes are not
run."""

from __future__ import annotations

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from ...shared.principal import Principal
from ...store.models import PipelitMemory
from . import access
from .access import iso, page

KINDS = ("facts", "episodes", "procedures", "users", "checkpoints")


def success_rate(used: int, succeeded: int) -> float:
    """A procedure's success rate: 0.5 while it has never been used."""
    return succeeded / used if used else 0.5


def _data(row: PipelitMemory, defaults: dict) -> dict:
    return {**defaults, **(row.data or {})}


def fact_out(row: PipelitMemory) -> dict:
    d = _data(
        row,
        {"user_id": None, "key": "", "value": None, "confidence": 1.0, "times_confirmed": 1,
         "access_count": 0},
    )  # fmt: skip
    return {
        "id": row.id,
        "scope": row.scope or "agent",
        "agent_id": row.agent_id,
        "user_id": d["user_id"],
        "key": d["key"],
        "value": d["value"],
        "fact_type": row.fact_type or "",
        "confidence": d["confidence"],
        "times_confirmed": d["times_confirmed"],
        "access_count": d["access_count"],
        "created_at": iso(row.created_at),
        "updated_at": iso(row.sort_at),
    }


def episode_out(row: PipelitMemory) -> dict:
    d = _data(
        row,
        {"user_id": None, "trigger_type": "", "success": False, "error_code": None,
         "summary": None, "ended_at": None, "duration_ms": None},
    )  # fmt: skip
    return {
        "id": row.id,
        "agent_id": row.agent_id or "",
        "user_id": d["user_id"],
        "trigger_type": d["trigger_type"],
        "success": d["success"],
        "error_code": d["error_code"],
        "summary": d["summary"],
        "started_at": iso(row.sort_at),
        "ended_at": d["ended_at"],
        "duration_ms": d["duration_ms"],
        "created_at": iso(row.created_at),
    }


def procedure_out(row: PipelitMemory) -> dict:
    d = _data(
        row,
        {"name": "", "description": "", "procedure_type": "", "times_used": 0,
         "times_succeeded": 0, "times_failed": 0, "is_active": True},
    )  # fmt: skip
    return {
        "id": row.id,
        "agent_id": row.agent_id or "",
        "name": d["name"],
        "description": d["description"],
        "procedure_type": d["procedure_type"],
        "times_used": d["times_used"],
        "times_succeeded": d["times_succeeded"],
        "times_failed": d["times_failed"],
        "success_rate": success_rate(d["times_used"], d["times_succeeded"]),
        "is_active": d["is_active"],
        "created_at": iso(row.created_at),
    }


def user_out(row: PipelitMemory) -> dict:
    d = _data(
        row,
        {"canonical_id": "", "display_name": None, "telegram_id": None, "email": None,
         "total_conversations": 0},
    )  # fmt: skip
    return {
        "id": row.id,
        "canonical_id": d["canonical_id"],
        "display_name": d["display_name"],
        "telegram_id": d["telegram_id"],
        "email": d["email"],
        "total_conversations": d["total_conversations"],
        "last_seen_at": iso(row.sort_at),
        "created_at": iso(row.created_at),
    }


def checkpoint_out(row: PipelitMemory) -> dict:
    d = _data(
        row,
        {"checkpoint_ns": "", "parent_checkpoint_id": None, "step": None, "source": None,
         "blob_size": 0},
    )  # fmt: skip
    return {
        "thread_id": row.thread_id or "",
        "checkpoint_ns": d["checkpoint_ns"] or "",
        "checkpoint_id": row.id,
        "parent_checkpoint_id": d["parent_checkpoint_id"],
        "step": d["step"],
        "source": d["source"],
        "blob_size": d["blob_size"] or 0,
    }


SHAPES = {
    "facts": fact_out,
    "episodes": episode_out,
    "procedures": procedure_out,
    "users": user_out,
    "checkpoints": checkpoint_out,
}


def _of(principal: Principal, kind: str):
    return select(PipelitMemory).where(
        PipelitMemory.org_id == principal.org_id, PipelitMemory.kind == kind
    )


def list_memories(
    session: Session, principal: Principal, kind: str, filters: dict, limit, offset
) -> tuple[list[dict], int]:
    """One kind's page: `filters` maps a column (scope, fact_type, agent_id, thread_id) to the
    value it must equal; empty values do not filter (as upstream)."""
    if access.unmatchable(*filters.values()):
        return [], 0
    stmt = _of(principal, kind)
    for column, value in filters.items():
        if value:
            stmt = stmt.where(getattr(PipelitMemory, column) == value)
    if kind == "checkpoints":
        stmt = stmt.order_by(PipelitMemory.id.desc())
    elif kind == "procedures":
        stmt = stmt.order_by(PipelitMemory.created_at.desc(), PipelitMemory.id.desc())
    else:
        stmt = stmt.order_by(PipelitMemory.sort_at.desc(), PipelitMemory.id.desc())
    rows, total = page(session, stmt, limit, offset)
    return [SHAPES[kind](r) for r in rows], total


def batch_delete(session: Session, principal: Principal, kind: str, ids: list[str]) -> None:
    if not ids:
        return
    session.execute(
        delete(PipelitMemory)
        .where(
            PipelitMemory.org_id == principal.org_id,
            PipelitMemory.kind == kind,
            PipelitMemory.id.in_(ids),
        )
        .execution_options(synchronize_session=False)
    )


def delete_checkpoints(
    session: Session,
    principal: Principal,
    thread_ids: list[str] | None,
    checkpoint_ids: list[str] | None,
) -> None:
    """Deletes every checkpoint of `thread_ids` and the checkpoints `checkpoint_ids`."""
    conditions = []
    if thread_ids:
        conditions.append(PipelitMemory.thread_id.in_(thread_ids))
    if checkpoint_ids:
        conditions.append(PipelitMemory.id.in_(checkpoint_ids))
    if not conditions:
        return
    session.execute(
        delete(PipelitMemory)
        .where(
            PipelitMemory.org_id == principal.org_id,
            PipelitMemory.kind == "checkpoints",
            or_(*conditions),
        )
        .execution_options(synchronize_session=False)
    )
