"""Organization workflow templates: a saved graph and input fields that new workflows start
from. Members read them; org admins create and delete them. A template is a copy: workflows
made from it, or the workflow it was saved from, never change with it."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..shared.errors import NotFound, ValidationFailed
from ..shared.principal import Principal, acting_user, require_admin
from ..store.models import WorkflowTemplate, utcnow
from . import fields as fieldschema
from . import library_refs, text_search
from .workflows import DEFAULT_GRAPH, get_workflow
from .workflows import _validate as validate_definition

WHAT = "workflow templates"


def _org(principal: Principal, org_id: int) -> None:
    if principal.org_id != org_id:
        raise NotFound("Organization not found")


def graph_of(t: WorkflowTemplate) -> dict:
    return (t.definition or {}).get("graph") or DEFAULT_GRAPH


def fields_of(t: WorkflowTemplate) -> list[dict]:
    return (t.definition or {}).get("fields") or []


def list_templates(
    session: Session,
    principal: Principal,
    org_id: int,
    offset: int,
    limit: int,
    search: str | None = None,
) -> tuple[list[WorkflowTemplate], int]:
    _org(principal, org_id)
    where = [WorkflowTemplate.org_id == org_id]
    if search and search.strip():
        needle = search.strip().lower()
        where.append(
            text_search.contains(needle, WorkflowTemplate.name, WorkflowTemplate.description)
        )
    total = session.scalar(select(func.count()).select_from(WorkflowTemplate).where(*where))
    rows = session.scalars(
        select(WorkflowTemplate)
        .where(*where)
        .order_by(func.lower(WorkflowTemplate.name), WorkflowTemplate.id)
        .offset(offset)
        .limit(limit)
    )
    return list(rows), total or 0


def get_template(
    session: Session, principal: Principal, org_id: int, template_id: int
) -> WorkflowTemplate:
    _org(principal, org_id)
    t = session.get(WorkflowTemplate, template_id)
    if t is None or t.org_id != org_id:
        raise NotFound("Template not found")
    return t


def create_template(
    session: Session,
    principal: Principal,
    org_id: int,
    name: str | None,
    description: str | None = None,
    graph: dict | None = None,
    fields: list[dict] | None = None,
    workflow_id: int | None = None,
) -> WorkflowTemplate:
    """From a graph and fields (validated as a workflow's are), or from an existing
    workflow of the organization (its current graph and fields)."""
    require_admin(principal, org_id, WHAT)
    if workflow_id is not None:
        if graph is not None or fields is not None:
            raise ValidationFailed("Give either workflow_id or graph and fields, not both")
        try:
            wf = get_workflow(session, principal, workflow_id)
        except NotFound:
            raise NotFound("Workflow not found") from None
        graph, fields = wf.graph, wf.fields
        name = name if name is not None else wf.name
        description = description if description is not None else wf.description
    else:
        if graph is None:
            raise ValidationFailed("graph is required (or workflow_id, to save a workflow)")
        fields = fields or []
        validate_definition(fields, graph)
        library_refs.check(session, org_id, graph)
        fields = fieldschema.normalize_schema(fields)
    name = (name or "").strip()
    if not name:
        raise ValidationFailed("name must not be blank")
    now = utcnow()
    t = WorkflowTemplate(
        org_id=org_id,
        name=name[:200],
        description=description or "",
        definition={"graph": graph, "fields": fields},
        created_by_id=acting_user(principal),
        created_at=now,
        updated_at=now,
    )
    session.add(t)
    session.flush()
    return t


def delete_template(session: Session, principal: Principal, org_id: int, template_id: int) -> None:
    require_admin(principal, org_id, WHAT)
    session.delete(get_template(session, principal, org_id, template_id))
