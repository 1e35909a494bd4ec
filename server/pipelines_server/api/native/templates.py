"""The `templates` tag: an organization's workflow templates (members read, admins write)."""

from ...domain import templates
from ...shared.timestamps import ts
from ...store.models import WorkflowTemplate
from ...web import idempotency
from ...web.auth import caller_session
from . import shapes


def _shape(t: WorkflowTemplate) -> dict:
    graph, fields = templates.graph_of(t), templates.fields_of(t)
    return {
        "id": t.id,
        "org_id": t.org_id,
        "name": t.name,
        "description": t.description,
        "graph": graph,
        "fields": fields,
        "node_count": len(graph.get("nodes") or []),
        "created_by_id": t.created_by_id,
        "created_at": ts(t.created_at),
        "updated_at": ts(t.updated_at),
    }


def list_org_workflow_templates(
    org_id: int, page: int = 1, page_size: int = 50, search: str | None = None
):
    with caller_session() as (session, me):
        rows, total = templates.list_templates(
            session, me, org_id, shapes.offset(page, page_size), page_size, search
        )
        return shapes.page([_shape(t) for t in rows], total, page, page_size), 200


def create_org_workflow_template(org_id: int, body: dict):
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        t = templates.create_template(
            session,
            me,
            org_id,
            body.get("name"),
            body.get("description"),
            body.get("graph"),
            body.get("fields"),
            body.get("workflow_id"),
        )
        return once.answer(_shape(t), 201)


def get_org_workflow_template(org_id: int, template_id: int):
    with caller_session() as (session, me):
        return _shape(templates.get_template(session, me, org_id, template_id)), 200


def delete_org_workflow_template(org_id: int, template_id: int):
    with caller_session() as (session, me):
        templates.delete_template(session, me, org_id, template_id)
    return None, 204
