"""The `workflows` tag of the Pipelit surface: workflow CRUD, batch delete, validate, the
node-type catalogue and the DSL dry-run."""

from __future__ import annotations

from ...domain.pipelit import catalogue, dsl
from ...domain.pipelit import workflows as flows
from ...web.auth import caller_session


def list_workflows(limit: int | None = None, offset: int | None = None):
    with caller_session() as (session, me):
        items, total = flows.list_workflows(session, me, limit, offset)
        return {"items": items, "total": total}, 200


def create_workflow(body: dict):
    with caller_session() as (session, me):
        wf = flows.create_workflow(session, me, body)
        return flows.workflow_out(session, wf), 201


def get_workflow(slug: str):
    with caller_session() as (session, me):
        return flows.workflow_detail(session, flows.get_workflow(session, me, slug)), 200


def update_workflow(slug: str, body: dict):
    with caller_session() as (session, me):
        _wf, out = flows.update_workflow(session, me, slug, body)
        return out, 200


def delete_workflow(slug: str):
    with caller_session() as (session, me):
        flows.delete_workflow(session, me, slug)
    return None, 204


def batch_delete_workflows(body: dict):
    with caller_session() as (session, me):
        flows.batch_delete(session, me, body["slugs"])
    return None, 204


def validate_workflow(slug: str):
    with caller_session() as (session, me):
        return flows.validate_workflow(session, me, slug), 200


def list_node_types():
    return catalogue.node_types(), 200


def validate_dsl(body: dict):
    with caller_session() as (session, me):
        return dsl.validate(session, me, body["yaml_str"]), 200
