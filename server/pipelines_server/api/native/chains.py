"""The `chains` tag: workflow chains of a project (a finished task starts one in the next
workflow)."""

from ...domain import chains
from ...shared.timestamps import ts
from ...store.models import WorkflowChain
from ...web import idempotency
from ...web.auth import caller_session
from . import shapes


def chain(c: WorkflowChain) -> dict:
    return {
        "id": c.id,
        "project_id": c.project_id,
        "name": c.name,
        "source_workflow_id": c.source_workflow_id,
        "target_workflow_id": c.target_workflow_id,
        "field_mapping": c.field_mapping or {},
        "enabled": bool(c.enabled),
        "created_by_id": c.created_by_id,
        "created_at": ts(c.created_at),
        "updated_at": ts(c.updated_at),
        "stats": {
            "tasks_created": c.tasks_created or 0,
            "failures": c.failures or 0,
            "last_run_at": ts(c.last_run_at),
        },
    }


def list_workflow_chains(
    project_id: int,
    page: int = 1,
    page_size: int = 50,
    source_workflow_id: int | None = None,
    target_workflow_id: int | None = None,
    enabled: bool | None = None,
):
    with caller_session() as (session, me):
        rows, total = chains.list_chains(
            session,
            me,
            project_id,
            shapes.offset(page, page_size),
            page_size,
            source_workflow_id,
            target_workflow_id,
            enabled,
        )
        return shapes.page([chain(c) for c in rows], total, page, page_size), 200


def create_workflow_chain(project_id: int, body: dict):
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        return once.answer(chain(chains.create_chain(session, me, project_id, body)), 201)


def get_workflow_chain(project_id: int, chain_id: int):
    with caller_session() as (session, me):
        return chain(chains.get_chain(session, me, project_id, chain_id)), 200


def update_workflow_chain(project_id: int, chain_id: int, body: dict):
    with caller_session() as (session, me):
        return chain(chains.update_chain(session, me, project_id, chain_id, body)), 200


def delete_workflow_chain(project_id: int, chain_id: int):
    with caller_session() as (session, me):
        chains.delete_chain(session, me, project_id, chain_id)
    return None, 204
