"""Task creation, listing and status."""

from ...domain import tasks
from ...runtime import current
from ...shared.timestamps import ts
from ...web import idempotency
from ...web.auth import caller_session, principal


def task_status(task, summary: dict) -> dict:
    return {
        "id": task.id,
        # v1 knows no `cancelled`: a task cancelled through the native API ended unfinished.
        "status": tasks.v1_status(task.status),
        "node_summary": summary,
        "created_at": ts(task.created_at),
        "updated_at": ts(task.updated_at),
    }


def create_tasks(workflow_id: int, body: dict):
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        result = tasks.create_tasks(session, me, workflow_id, body["tasks"])
        reply = once.answer(result.summary(), 200)
    current().engine.tasks_created()
    return reply


def list_tasks(
    workflow_id: int, limit: int = 50, cursor: str | None = None, status: str | None = None
):
    with caller_session() as (session, me):
        page = tasks.list_tasks(session, me, workflow_id, limit, cursor, status)
        summaries = tasks.node_summaries(session, page.tasks)
        return {
            "tasks": [task_status(t, summaries[t.id]) for t in page.tasks],
            "next_cursor": page.next_cursor,
            "has_more": page.has_more,
        }, 200


def get_task(workflow_id: int, task_id: int):
    who = principal()
    task, summary = current().db.read(lambda conn: tasks.get_task(conn, who, workflow_id, task_id))
    return task_status(task, summary), 200
