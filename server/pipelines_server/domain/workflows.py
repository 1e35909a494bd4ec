"""Workflows: CRUD, the status machine, the input schema and the node graph."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..engine import task_control
from ..engine.graph_validation import assignee_errors, validate_graph
from ..shared.errors import (
    BadRequest,
    Conflict,
    FieldError,
    Forbidden,
    NotFound,
    ValidationFailed,
)
from ..shared.principal import Principal
from ..store.models import Task, Upload, Workflow, WorkflowTemplate, utcnow
from . import fields as fieldschema
from . import library_refs, tag_filters, text_fields, text_search
from .projects import get_project

DRAFT, PENDING_ACTIVATION, ACTIVE = "DRAFT", "PENDING_ACTIVATION", "ACTIVE"
PAUSED, COMPLETED, ARCHIVED = "PAUSED", "COMPLETED", "ARCHIVED"
STATUSES = (DRAFT, PENDING_ACTIVATION, ACTIVE, PAUSED, COMPLETED, ARCHIVED)
ACCEPTS_TASKS = (ACTIVE, PAUSED)
DEFAULT_GRAPH = {
    "nodes": [
        {"id": "start", "kind": "start", "name": "Start"},
        {"id": "end", "kind": "end", "name": "End"},
    ],
    "edges": [{"source": "start", "target": "end"}],
}


# As openapi/pipelines.yaml's WorkflowCreate, WorkflowUpdate and Graph.
NAME_MAX, DESCRIPTION_MAX, FIELDS_MAX = 200, 10_000, 200
NODES_MAX, EDGES_MAX = 500, 2000


def _size_errors(schema: list | None, graph: dict | None) -> list[FieldError]:
    """A definition past the sizes the API's schema allows: refused before any other check
    walks it (the web UI's editor has no schema in front of it)."""
    errors = []
    if isinstance(schema, list) and len(schema) > FIELDS_MAX:
        errors.append(FieldError(f"At most {FIELDS_MAX} fields", loc=("fields",)))
    if isinstance(graph, dict):
        for member, cap in (("nodes", NODES_MAX), ("edges", EDGES_MAX)):
            items = graph.get(member)
            if isinstance(items, list) and len(items) > cap:
                errors.append(
                    FieldError(f"A graph has at most {cap} {member}", loc=("graph", member))
                )
    return errors


def _check_text(name: str | None, description: str | None) -> None:
    text_fields.check(("name", name, NAME_MAX), ("description", description, DESCRIPTION_MAX))


def check_graph(graph: dict, fields: list[dict] | None = None) -> list[FieldError]:
    """Every problem of a graph (kinds, ports and their types, configuration, cycles,
    reachability): engine/graph_validation.py holds the rules."""
    return validate_graph(graph, fields or [])


def _check_assignees(session: Session, org_id: int, graph: dict | None) -> None:
    """`assign_to` of human nodes names an active user of the organization."""
    errors = assignee_errors(session.connection(), org_id, graph) if graph else []
    if errors:
        raise ValidationFailed("; ".join(e.message for e in errors), errors)


def _validate(
    schema: list[dict] | None, graph: dict | None, current: Workflow | None = None
) -> None:
    """A rejected edit lists every reason and saves nothing. The graph is checked against
    the input fields it will run with (the new ones, else the workflow's)."""
    errors = _size_errors(schema, graph)
    if errors:
        raise ValidationFailed("; ".join(e.message for e in errors), errors)
    if schema is not None:
        errors += fieldschema.check_schema(schema)
    if graph is not None or (schema is not None and current is not None):
        # A new schema is checked against the graph too (a subtask may copy an input field).
        fields = schema if schema is not None else (current.fields if current else [])
        errors += check_graph(graph if graph is not None else current.graph, fields)
    if errors:
        raise ValidationFailed("; ".join(e.message for e in errors), errors)


def validation_issues(
    session: Session,
    principal: Principal,
    project_id: int,
    schema: list[dict] | None,
    graph: dict | None,
) -> list[FieldError]:
    """Every reason a create with this definition would be refused, without saving anything
    (a dry run of create_workflow's checks: fields, graph, assignees, library references and
    model slugs). The issues are located in the request body."""
    get_project(session, principal, project_id)
    schema = schema or []
    graph = graph if graph else DEFAULT_GRAPH
    issues: list[FieldError] = []
    for check in (
        lambda: _validate(schema, graph),
        lambda: _check_assignees(session, principal.org_id, graph),
        lambda: library_refs.check(session, principal.org_id, graph),
    ):
        try:
            check()
        except ValidationFailed as exc:
            issues += exc.errors or [FieldError(exc.message)]
        except Forbidden as exc:  # a model slug no credential of the organization serves
            issues.append(FieldError(exc.message, loc=("graph",)))
    return issues


def _refresh(workflow: Workflow, now: datetime | None = None) -> Workflow:
    """A scheduled activation takes effect the first time the workflow is read after it."""
    now = now or utcnow()
    if (
        workflow.status == PENDING_ACTIVATION
        and workflow.activate_at
        and workflow.activate_at <= now
    ):
        workflow.status = ACTIVE
        workflow.updated_at = now
    return workflow


def _activate_due(session: Session, org_id: int) -> None:
    """Scheduled activations that came due take effect before a list filters on status."""
    now = utcnow()
    session.execute(
        update(Workflow)
        .where(
            Workflow.org_id == org_id,
            Workflow.status == PENDING_ACTIVATION,
            Workflow.activate_at <= now,
        )
        .values(status=ACTIVE, activate_at=None, updated_at=now)
        .execution_options(synchronize_session=False)
    )


def get_workflow(
    session: Session, principal: Principal, workflow_id: int, project_id: int | None = None
) -> Workflow:
    wf = session.get(Workflow, workflow_id)
    if (
        wf is None
        or wf.org_id != principal.org_id
        or (project_id is not None and wf.project_id != project_id)
    ):
        raise NotFound("Workflow not found")
    return _refresh(wf)


def list_workflows(
    session: Session,
    principal: Principal,
    project_id: int | None,
    offset: int,
    limit: int,
    status: str | None = None,
    tag: str | None = None,
    search: str | None = None,
) -> tuple[list[Workflow], int]:
    """`search`: the name contains it (case-insensitive)."""
    _activate_due(session, principal.org_id)
    where = [Workflow.org_id == principal.org_id]
    if project_id is not None:
        get_project(session, principal, project_id)
        where.append(Workflow.project_id == project_id)
    if status is not None:
        where.append(Workflow.status == status)
    if tag is not None:  # workflows that have a tag of this name
        where.append(Workflow.id.in_(tag_filters.workflows_tagged(principal.org_id, tag)))
    if search:
        where.append(text_search.contains(search.strip().lower(), Workflow.name))
    total = session.scalar(select(func.count()).select_from(Workflow).where(*where))
    rows = list(
        session.scalars(
            select(Workflow).where(*where).order_by(Workflow.id.desc()).offset(offset).limit(limit)
        )
    )
    return [_refresh(w) for w in rows], total


def create_workflow(
    session: Session,
    principal: Principal,
    project_id: int,
    name: str,
    description: str | None = "",
    schema: list[dict] | None = None,
    graph: dict | None = None,
    template_id: int | None = None,
) -> Workflow:
    """`template_id`: start from an organization template's graph and fields (copied); the
    body's graph, fields and description, when given, override the template's."""
    project = get_project(session, principal, project_id)
    if project.archived_at is not None:
        raise Conflict("Project is archived; unarchive it before adding workflows")
    name = (name or "").strip()
    if not name:
        raise BadRequest("Workflow name is required")
    _check_text(name, description)
    if template_id is not None:
        tpl = session.get(WorkflowTemplate, template_id)
        if tpl is None or tpl.org_id != principal.org_id:
            raise NotFound("Template not found")
        definition = tpl.definition or {}
        schema = schema if schema is not None else definition.get("fields")
        graph = graph if graph else definition.get("graph")
        description = description if description is not None else tpl.description
    schema = schema or []
    graph = graph if graph else DEFAULT_GRAPH
    _validate(schema, graph)
    _check_assignees(session, principal.org_id, graph)
    library_refs.check(session, principal.org_id, graph)
    wf = Workflow(
        org_id=principal.org_id,
        project_id=project.id,
        name=name,
        description=description or "",
        status=DRAFT,
        fields=fieldschema.normalize_schema(schema),
        graph=graph,
    )
    session.add(wf)
    session.flush()
    return wf


def update_workflow(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    name: str | None = None,
    description: str | None = None,
    schema: list[dict] | None = None,
    graph: dict | None = None,
) -> Workflow:
    wf = get_workflow(session, principal, workflow_id, project_id)
    if wf.status == ARCHIVED:
        raise Conflict("Workflow is archived and can no longer be edited")
    _check_text(name.strip() if name is not None else None, description)
    _validate(schema, graph, wf)
    _check_assignees(session, principal.org_id, graph)
    if graph is not None:
        library_refs.check(session, principal.org_id, graph, previous=wf.graph)
    if name is not None:
        if not name.strip():
            raise BadRequest("Workflow name is required")
        wf.name = name.strip()
    if description is not None:
        wf.description = description
    changed = False
    if schema is not None:
        normalized = fieldschema.normalize_schema(schema)
        if normalized != wf.fields:
            wf.fields, changed = normalized, True
    if graph is not None and graph != wf.graph:
        wf.graph, changed = graph, True
    if changed:
        wf.version += 1
    wf.updated_at = utcnow()
    return wf


def delete_workflow(
    session: Session, principal: Principal, project_id: int, workflow_id: int
) -> None:
    wf = get_workflow(session, principal, workflow_id, project_id)
    for model, what in ((Task, "tasks"), (Upload, "uploads")):
        if session.scalar(
            select(func.count()).select_from(model).where(model.workflow_id == wf.id)
        ):
            raise Conflict(f"Workflow has {what}; archive it instead of deleting it")
    session.delete(wf)


def _illegal(wf: Workflow, action: str, reason: str) -> Conflict:
    return Conflict(f"Cannot {action} a workflow in status {wf.status}: {reason}")


def activate(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    activate_at: datetime | None = None,
) -> Workflow:
    wf = get_workflow(session, principal, workflow_id, project_id)
    now = utcnow()
    if wf.status == ACTIVE:
        raise _illegal(wf, "activate", "it is already active")
    if wf.status in (COMPLETED, ARCHIVED):
        raise _illegal(wf, "activate", "completed and archived workflows stay closed")
    if wf.status in (DRAFT, PENDING_ACTIVATION, PAUSED):
        errors = check_graph(wf.graph, wf.fields)
        if errors:
            raise ValidationFailed("; ".join(e.message for e in errors), errors)
        library_refs.check(session, principal.org_id, wf.graph, previous=wf.graph)
    resuming = wf.status == PAUSED
    if activate_at is not None and activate_at > now and wf.status in (DRAFT, PENDING_ACTIVATION):
        wf.status, wf.activate_at = PENDING_ACTIVATION, activate_at
    else:
        wf.status, wf.activate_at = ACTIVE, None
    wf.updated_at = now
    if resuming:  # its paused tasks continue
        session.flush()
        task_control.resume_workflow(session.connection(), wf.id, principal.user_id)
    return wf


def pause(session: Session, principal: Principal, project_id: int, workflow_id: int) -> Workflow:
    wf = get_workflow(session, principal, workflow_id, project_id)
    if wf.status != ACTIVE:
        raise _illegal(wf, "pause", "only an ACTIVE workflow can be paused")
    wf.status, wf.updated_at = PAUSED, utcnow()
    session.flush()
    task_control.pause_workflow(session.connection(), wf.id, principal.user_id)  # and its tasks
    return wf


def complete(session: Session, principal: Principal, project_id: int, workflow_id: int) -> Workflow:
    wf = get_workflow(session, principal, workflow_id, project_id)
    if wf.status not in (ACTIVE, PAUSED):
        raise _illegal(wf, "complete", "only an ACTIVE or PAUSED workflow can be completed")
    wf.status, wf.updated_at = COMPLETED, utcnow()
    return wf


def archive(session: Session, principal: Principal, project_id: int, workflow_id: int) -> Workflow:
    wf = get_workflow(session, principal, workflow_id, project_id)
    if wf.status == ARCHIVED:
        raise _illegal(wf, "archive", "it is already archived")
    wf.status, wf.activate_at, wf.updated_at = ARCHIVED, None, utcnow()
    return wf


def copy_workflow(
    session: Session, principal: Principal, source: Workflow, name: str, graph: dict
) -> Workflow:
    """A new ACTIVE workflow in the source's project with its input fields and description,
    named `name` (cut to 200 characters) and running `graph` (checked first). The source is
    read, never changed."""
    errors = check_graph(graph, source.fields)
    if errors:
        raise ValidationFailed("; ".join(e.message for e in errors), errors)
    now = utcnow()
    wf = Workflow(
        org_id=principal.org_id,
        project_id=source.project_id,
        name=name.strip()[:200] or source.name,
        description=source.description or "",
        status=ACTIVE,
        fields=list(source.fields or []),
        graph=graph,
        created_at=now,
        updated_at=now,
    )
    session.add(wf)
    session.flush()
    return wf


def require_accepts_tasks(wf: Workflow) -> None:
    if wf.status not in ACCEPTS_TASKS:
        raise ValidationFailed("Workflow must be ACTIVE or PAUSED to create tasks")
