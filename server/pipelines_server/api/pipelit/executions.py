"""Executions: the manual trigger, status, list, detail, cancel and batch delete: thin
handlers over domain/pipelit/executions.py."""

from __future__ import annotations

from ...domain.pipelit import executions
from ...web.auth import caller_session

EXECUTION_NOT_FOUND_STATUS = "Execution not found"


def execute_workflow(slug: str, body: dict | None = None):
    body = body or {}
    with caller_session() as (session, me):
        execution = executions.execute_manual(
            session, me, slug, body.get("text") or "", body.get("trigger_node_id")
        )
        return {"execution_id": execution.id, "status": "pending"}, 200


def get_execution_status(execution_id: str):
    with caller_session() as (session, me):
        execution = executions.get_execution(session, me, execution_id, EXECUTION_NOT_FOUND_STATUS)
        return executions.status_out(session, execution), 200


def list_executions(
    workflow_slug: str | None = None,
    status: str | None = None,
    limit: int | None = None,
    offset: int | None = None,
):
    with caller_session() as (session, me):
        rows, total = executions.list_executions(session, me, workflow_slug, status, limit, offset)
        return {"items": executions.executions_out(session, rows), "total": total}, 200


def get_execution(execution_id: str):
    with caller_session() as (session, me):
        execution = executions.get_execution(session, me, execution_id)
        return executions.detail_out(session, execution), 200


def cancel_execution(execution_id: str):
    with caller_session() as (session, me):
        execution = executions.cancel(session, me, execution_id)
        return executions.execution_out(session, execution), 200


def batch_delete_executions(body: dict):
    with caller_session() as (session, me):
        executions.batch_delete(session, me, body.get("execution_ids") or [])
    return None, 204
