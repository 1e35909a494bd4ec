"""Notifications caused by a task's changes, written in the same transaction as the changes
(`from_events`, called by engine/followups from `TaskRun.flush`), and the one writer of
notification rows (`write`, also used by domain/jobs when a job finishes).

What notifies whom:
- `work_assigned`: a subtask or review node became available reserved for one user (a
  node configured with `assign_to`, or work a review sent back with `on_reject:
  same_worker`) -> that user. Sent also when the user's own submission made the node
  available: the assignment is the workflow's, not the user's doing.
- `submission_rejected`: a review failed a subtask -> the user who submitted it, unless the
  reviewer is that same user (a workflow with `no_self_review: false`).
- `task_failed`, `task_escalated`, `task_quarantined`: a task reached that status -> the user
  who created it (`tasks.created_by_id`), unless that user's own action caused it.
Removed users are never notified; one flush notifies a user once per (type, node, task).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select

from ..store.models import Notification, Task, User, Workflow

_N = Notification.__table__
_TASK_STATUS = {
    "task.failed": ("task_failed", "failed"),
    "task.escalated": ("task_escalated", "was escalated"),
    "task.quarantined": ("task_quarantined", "was quarantined"),
}


def write(conn: Connection, org_id: int, rows: list[dict], now: Any = None) -> int:
    """Inserts notifications (`user_id`, `type`, `title`, `body`, `data`) of one organization,
    skipping users that are removed or of another organization. Returns how many it wrote."""
    if not rows:
        return 0
    users = conn.execute(
        select(User.id).where(
            User.id.in_({r["user_id"] for r in rows}),
            User.org_id == org_id,
            User.removed_at.is_(None),
        )
    ).scalars()
    live = set(users)
    values = []
    for r in rows:
        if r["user_id"] not in live:
            continue
        row = {
            "org_id": org_id,
            "user_id": r["user_id"],
            "type": r["type"],
            "title": r["title"][:300],
            "body": r.get("body") or "",
            "data": r.get("data") or {},
            "read_at": None,
        }
        if now is not None:
            row["created_at"] = now
        values.append(row)
    if values:
        conn.execute(insert(_N), values)
    return len(values)


def _node_name(run: Any, node_id: str) -> str:
    node = run.graph.nodes.get(node_id) or {}
    return node.get("name") or node_id


def from_events(run: Any, events: list[dict]) -> None:
    """The notifications `events` (being written by `run.flush`) cause, written now."""
    by_db_id = None
    rows: list[dict] = []
    seen: set[tuple] = set()
    owner: list[int | None] | None = None

    def add(user_id: int | None, type_: str, key: Any, **row: Any) -> None:
        if user_id is None or (user_id, type_, key) in seen:
            return
        seen.add((user_id, type_, key))
        rows.append({"user_id": user_id, "type": type_, **row})

    for ev in events:
        kind = ev["type"]
        if kind in ("node.available", "review.rejected"):
            if by_db_id is None:
                by_db_id = {i.id: i for i in run.insts.values()}
            inst = by_db_id.get(ev["node_instance_id"])
            if inst is None:
                continue
            if kind == "node.available":
                if inst.kind in ("subtask", "review") and inst.reserved_for_id is not None:
                    sent_back = "sent_back_by" in (ev.get("data") or {})
                    add(
                        inst.reserved_for_id,
                        "work_assigned",
                        inst.id,
                        title=f"{inst.kind.capitalize()} assigned to you: "
                        f"{_node_name(run, inst.node_id)}",
                        body=(
                            "A review sent this work back to you."
                            if sent_back
                            else "This node is reserved for you."
                        ),
                        data={
                            "task_id": run.task_id,
                            "node_db_id": inst.id,
                            "node_id": inst.node_id,
                            "kind": inst.kind,
                            "reason": "sent_back" if sent_back else "assigned",
                        },
                    )
            else:
                subtask_id = (ev.get("data") or {}).get("subtask")
                sub = run.insts.get(subtask_id) if subtask_id else None
                if sub is None or sub.submitted_by_id is None:
                    continue
                if sub.submitted_by_id == ev.get("actor_id"):
                    continue  # a reviewer rejecting their own submission knows it
                history = (inst.state or {}).get("history") or []
                comment = history[-1].get("comment") if history else None
                add(
                    sub.submitted_by_id,
                    "submission_rejected",
                    sub.id,
                    title=f"Your submission to {_node_name(run, sub.node_id)} was rejected",
                    body=comment or "",
                    data={
                        "task_id": run.task_id,
                        "node_db_id": sub.id,
                        "node_id": sub.node_id,
                        "review_node_db_id": inst.id,
                        "review_node_id": inst.node_id,
                        "rejections": (ev.get("data") or {}).get("rejections"),
                        "comment": comment,
                    },
                )
        elif kind in _TASK_STATUS:
            if owner is None:
                owner = [
                    run.conn.execute(
                        select(Task.created_by_id).where(Task.id == run.task_id)
                    ).scalar()
                ]
            if owner[0] is None or owner[0] == ev.get("actor_id"):
                continue
            type_, what = _TASK_STATUS[kind]
            add(
                owner[0],
                type_,
                None,
                title=f"Task {run.task_id} {what}",
                body=(run.task_error or "") if kind == "task.failed" else "",
                data={"task_id": run.task_id},
            )
    if not rows:
        return
    wf = run.conn.execute(
        select(Workflow.project_id, Workflow.name).where(Workflow.id == run.workflow_id)
    ).first()
    for row in rows:
        row["data"] = {
            "project_id": wf.project_id if wf else None,
            "workflow_id": run.workflow_id,
            **row["data"],
        }
        if wf is not None and row["type"].startswith("task_"):
            row["title"] = f"{row['title']} ({wf.name})"
    write(run.conn, run.org_id, rows, run.now)
