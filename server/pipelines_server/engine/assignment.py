"""`assign_to` of subtask and review nodes: the node is reserved for that user when it becomes
available (only they see it in my-work and may open it)."""

from __future__ import annotations

from sqlalchemy import Connection, select

from ..store.models import User


def assignee(
    conn: Connection, org_id: int, config: dict, excluded: int | None = None
) -> int | None:
    """The user a node becoming available is reserved for: its `assign_to`, when that user
    is still an active member of the organization and not kept out of the node (a review's
    no-self-review excludes the submitter); otherwise None, and the node goes to the pool
    rather than waiting for someone who can never take it."""
    user_id = config.get("assign_to")
    if not isinstance(user_id, int) or isinstance(user_id, bool) or user_id == excluded:
        return None
    found = conn.execute(
        select(User.id).where(User.id == user_id, User.org_id == org_id, User.removed_at.is_(None))
    ).scalar()
    return found
