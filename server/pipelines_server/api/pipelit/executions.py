"""Executions: the manual trigger, status, list, detail, cancel and batch delete."""

from __future__ import annotations

from ...domain.pipelit import access, executions
from ...web.auth import caller_session

EXECUTION_NOT_FOUND_STATUS = "Execution not found"


def _out(session, execution) -> dict:
    tokens, cost, calls = executions.usage(session, execution)
    return {
        "execution_id": execution.id,
        "workflow_slug": executions.slug_of(session, execution),
        "status": execution.status,
        "error_message": execution.error_message or "",
        "started_at": access.iso(execution.started_at),
        "completed_at": access.iso(execution.completed_at),
        "total_tokens": tokens,
        "total_cost_usd": cost,
        "llm_calls": calls,
    }


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
        return {
            "execution_id": execution.id,
            "workflow": executions.slug_of(session, execution),
            "status": execution.status,
            "started_at": access.iso(execution.started_at),
            "completed_at": access.iso(execution.completed_at),
            "final_output": execution.final_output,
            "error_message": execution.error_message or None,
        }, 200


def list_executions(
    workflow_slug: str | None = None,
    status: str | None = None,
    limit: int | None = None,
    offset: int | None = None,
):
    with caller_session() as (session, me):
        rows, total = executions.list_executions(session, me, workflow_slug, status, limit, offset)
        return {"items": [_out(session, e) for e in rows], "total": total}, 200


def get_execution(execution_id: str):
    with caller_session() as (session, me):
        execution = executions.get_execution(session, me, execution_id)
        body = _out(session, execution)
        body["final_output"] = execution.final_output
        body["trigger_payload"] = execution.trigger_payload
        body["logs"] = executions.logs(session, execution)
        return body, 200


def cancel_execution(execution_id: str):
    with caller_session() as (session, me):
        execution = executions.cancel(session, me, execution_id)
        return _out(session, execution), 200


def batch_delete_executions(body: dict):
    with caller_session() as (session, me):
        executions.batch_delete(session, me, body.get("execution_ids") or [])
    return None, 204
