"""Pipelit workflows, their nodes and their edges: CRUD with Pipelit's replies, the socket
events each change raises, and the native workflow behind each Pipelit workflow.

Each Pipelit workflow is backed by a native workflow (`PipelitWorkflow.workflow_id`) in the
project "Pipelit" of the caller's organization (created on first use; an archived one is
not reused). The executions area compiles the Pipelit graph onto it when it runs; here it
is only created, renamed with its Pipelit workflow, and on delete removed, or archived when
it already has tasks (the native domain keeps a workflow with tasks).

Node configs live in `PipelitNode.config` as Pipelit stores them (only what a node's kind
keeps); `graph.render_config` gives NodeOut's full config. An `llm` edge links its target
to its source: the target's `llm_model_config_id` is the source node's row id (Pipelit's is
the id of the source's config row, which this surface does not have)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import delete, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...shared.errors import Conflict, NotFound, ValidationFailed
from ...shared.principal import Principal
from ...shared.timestamps import utcnow
from ...store.models import (
    PipelitEdge,
    PipelitNode,
    PipelitSchedule,
    PipelitWorkflow,
    Project,
    Workflow,
)
from .. import workflows as native
from . import access, graph, schedules

PROJECT_NAME = "Pipelit"
SLUG_TAKEN = "Workflow with this slug already exists."
NODE_NOT_FOUND = "Node not found."
EDGE_NOT_FOUND = "Edge not found."
NODE_COLLISION = "Node id collision after retry."

WORKFLOW_FIELDS = (
    "name",
    "slug",
    "description",
    "is_active",
    "is_public",
    "is_default",
    "tags",
    "error_handler_workflow_id",
    "max_execution_seconds",
    "input_schema",
    "output_schema",
)
NODE_FIELDS = (
    "node_id",
    "label",
    "component_type",
    "is_entry_point",
    "interrupt_before",
    "interrupt_after",
    "position_x",
    "position_y",
    "subworkflow_id",
    "code_block_id",
)
EDGE_FIELDS = (
    "source_node_id",
    "target_node_id",
    "edge_type",
    "edge_label",
    "condition_mapping",
    "condition_value",
    "priority",
)


def node_taken(node_id: str) -> str:
    return f"Node with id '{node_id}' already exists."


def _workflow(session: Session, principal: Principal, slug: str) -> PipelitWorkflow:
    """The workflow of a path's slug (404 as if missing)."""
    return access.workflow_for(session, principal, slug)


def get_workflow(session: Session, principal: Principal, slug: str) -> PipelitWorkflow:
    return _workflow(session, principal, slug)


def _channel(wf: PipelitWorkflow, slug: str | None = None) -> str:
    return f"workflow:{slug or wf.slug}"


# ── Replies ───────────────────────────────────────────────────────────────────


def _counts(session: Session, model, workflow_ids: list[int]) -> dict[int, int]:
    if not workflow_ids:
        return {}
    rows = session.execute(
        select(model.workflow_id, func.count())
        .where(model.workflow_id.in_(workflow_ids))
        .group_by(model.workflow_id)
    )
    return dict(rows.all())


def workflow_out(
    session: Session, wf: PipelitWorkflow, counts: tuple[dict, dict] | None = None
) -> dict:
    """WorkflowOut; `counts` (node and edge counts by workflow id) saves a list its queries."""
    nodes, edges = counts or (
        _counts(session, PipelitNode, [wf.id]),
        _counts(session, PipelitEdge, [wf.id]),
    )
    return {
        "id": wf.id,
        "name": wf.name,
        "slug": wf.slug,
        "description": wf.description or "",
        "is_active": wf.is_active,
        "is_public": wf.is_public,
        "is_default": wf.is_default,
        "tags": wf.tags,
        "error_handler_workflow_id": wf.error_handler_workflow_id,
        "max_execution_seconds": wf.max_execution_seconds,
        "input_schema": wf.input_schema,
        "output_schema": wf.output_schema,
        "node_count": nodes.get(wf.id, 0),
        "edge_count": edges.get(wf.id, 0),
        "created_at": access.iso(wf.created_at),
        "updated_at": access.iso(wf.updated_at),
    }


def workflow_detail(session: Session, wf: PipelitWorkflow) -> dict:
    body = workflow_out(session, wf)
    body["nodes"] = [node_out(session, n) for n in workflow_nodes(session, wf.id)]
    body["edges"] = [edge_out(e) for e in workflow_edges(session, wf.id)]
    return body


def _schedule_of(session: Session, node: PipelitNode) -> PipelitSchedule | None:
    """The schedule job of a trigger_schedule node: the schedules area's row for it (id
    "node:..."), else any schedule naming the node as its trigger (as upstream)."""
    rows = list(
        session.scalars(
            select(PipelitSchedule)
            .where(
                PipelitSchedule.workflow_id == node.workflow_id,
                PipelitSchedule.trigger_node_id == node.node_id,
            )
            .order_by(PipelitSchedule.created_at)
        )
    )
    for row in rows:
        if row.id.startswith("node:"):
            return row
    return rows[0] if rows else None


def _schedule_job(job: PipelitSchedule) -> dict:
    return {
        "id": job.id,
        "status": job.status,
        "run_count": job.run_count,
        "error_count": job.error_count,
        "current_repeat": job.current_repeat,
        "current_retry": job.current_retry,
        "total_repeats": job.total_repeats,
        "max_retries": job.max_retries,
        "timeout_seconds": job.timeout_seconds,
        "interval_seconds": job.interval_seconds,
        "last_run_at": access.iso(job.last_run_at),
        "next_run_at": access.iso(job.next_run_at),
        "last_error": job.last_error or "",
        "created_at": access.iso(job.created_at),
    }


def node_out(session: Session, node: PipelitNode) -> dict:
    job = None
    if node.component_type == "trigger_schedule":
        row = _schedule_of(session, node)
        job = _schedule_job(row) if row is not None else None
    return {
        "id": node.id,
        "node_id": node.node_id,
        "label": node.label,
        "component_type": node.component_type,
        "is_entry_point": node.is_entry_point,
        "interrupt_before": node.interrupt_before,
        "interrupt_after": node.interrupt_after,
        "position_x": node.position_x,
        "position_y": node.position_y,
        "config": graph.render_config(node.component_type, node.config),
        "subworkflow_id": node.subworkflow_id,
        "code_block_id": node.code_block_id,
        "updated_at": access.iso(node.updated_at),
        "schedule_job": job,
    }


def edge_out(edge: PipelitEdge) -> dict:
    return {
        "id": edge.id,
        "source_node_id": edge.source_node_id,
        "target_node_id": edge.target_node_id or "",
        "edge_type": edge.edge_type,
        "edge_label": edge.edge_label or "",
        "condition_mapping": edge.condition_mapping,
        "condition_value": edge.condition_value or "",
        "priority": edge.priority,
    }


# ── Workflows ─────────────────────────────────────────────────────────────────


def list_workflows(
    session: Session, principal: Principal, limit: int | None, offset: int | None
) -> tuple[list[dict], int]:
    stmt = access.visible_workflows(principal).order_by(PipelitWorkflow.id)
    rows, total = access.page(session, stmt, limit, offset)
    ids = [wf.id for wf in rows]
    counts = (_counts(session, PipelitNode, ids), _counts(session, PipelitEdge, ids))
    return [workflow_out(session, wf, counts) for wf in rows], total


def _slug_taken(session: Session, org_id: int, slug: str, other_than: int | None = None) -> bool:
    stmt = select(PipelitWorkflow.id).where(
        PipelitWorkflow.org_id == org_id, PipelitWorkflow.slug == slug
    )
    if other_than is not None:
        stmt = stmt.where(PipelitWorkflow.id != other_than)
    return session.scalar(stmt.limit(1)) is not None


def _flush_unique(session: Session, message: str) -> None:
    """Flush in a savepoint: a unique clash (two requests racing for one slug or node id)
    is a 409 `message`, and the session stays usable."""
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:
        raise Conflict(message) from exc


def _pipelit_project(session: Session, principal: Principal) -> Project:
    project = session.scalar(
        select(Project)
        .where(
            Project.org_id == principal.org_id,
            Project.name == PROJECT_NAME,
            Project.archived_at.is_(None),
        )
        .order_by(Project.id)
        .limit(1)
    )
    if project is None:
        project = Project(org_id=principal.org_id, name=PROJECT_NAME, description="")
        session.add(project)
        session.flush()
    return project


def _native_name(name: str, slug: str) -> str:
    return ((name or "").strip() or slug.strip() or "Pipelit workflow")[:200]


def create_workflow(session: Session, principal: Principal, body: Mapping) -> PipelitWorkflow:
    slug = body["slug"]
    if _slug_taken(session, principal.org_id, slug):
        raise Conflict(SLUG_TAKEN)
    project = _pipelit_project(session, principal)
    backing = native.create_workflow(
        session,
        principal,
        project.id,
        _native_name(body["name"], slug),
        f"Pipelit workflow '{slug}'",
    )
    now = utcnow()
    wf = PipelitWorkflow(
        org_id=principal.org_id,
        owner_id=principal.user_id,
        workflow_id=backing.id,
        slug=slug,
        name=body["name"],
        description=body.get("description", ""),
        is_active=body.get("is_active", True),
        is_public=body.get("is_public", False),
        is_default=body.get("is_default", False),
        tags=body.get("tags"),
        error_handler_workflow_id=body.get("error_handler_workflow_id"),
        max_execution_seconds=body.get("max_execution_seconds", 600),
        input_schema=body.get("input_schema"),
        output_schema=body.get("output_schema"),
        created_at=now,
        updated_at=now,
    )
    session.add(wf)
    _flush_unique(session, SLUG_TAKEN)
    return wf


def update_workflow(
    session: Session, principal: Principal, slug: str, body: Mapping
) -> tuple[PipelitWorkflow, dict]:
    """PATCH: the fields given (nulls only where Pipelit allows them); a taken slug is 409.
    Broadcasts workflow_updated on the channel of the old slug."""
    wf = _workflow(session, principal, slug)
    changes = {k: body[k] for k in WORKFLOW_FIELDS if k in body}
    if "slug" in changes and changes["slug"] != wf.slug:
        if _slug_taken(session, principal.org_id, changes["slug"], other_than=wf.id):
            raise Conflict(SLUG_TAKEN)
    for key, value in changes.items():
        setattr(wf, key, value)
    wf.updated_at = utcnow()
    if "name" in changes and wf.workflow_id is not None:
        backing = session.get(Workflow, wf.workflow_id)
        if backing is not None and backing.status != native.ARCHIVED:
            backing.name = _native_name(wf.name, wf.slug)
    _flush_unique(session, SLUG_TAKEN)
    out = workflow_out(session, wf)
    access.broadcast(session, wf.org_id, _channel(wf, slug), "workflow_updated", out)
    return wf, out


def _remove(session: Session, principal: Principal, wf: PipelitWorkflow) -> None:
    """Delete a Pipelit workflow (its nodes, edges, executions and schedules go with it by
    the foreign keys' cascade) and its native workflow, or archive that one when it has
    tasks."""
    backing_id = wf.workflow_id
    session.execute(delete(PipelitEdge).where(PipelitEdge.workflow_id == wf.id))
    session.execute(delete(PipelitNode).where(PipelitNode.workflow_id == wf.id))
    session.delete(wf)
    session.flush()
    if backing_id is None:
        return
    backing = session.get(Workflow, backing_id)
    if backing is None:
        return
    try:
        native.delete_workflow(session, principal, backing.project_id, backing.id)
    except Conflict:  # it has tasks: the native domain keeps it, archived
        if backing.status != native.ARCHIVED:
            native.archive(session, principal, backing.project_id, backing.id)
    session.flush()


def delete_workflow(session: Session, principal: Principal, slug: str) -> None:
    _remove(session, principal, _workflow(session, principal, slug))


def batch_delete(session: Session, principal: Principal, slugs: list[str]) -> None:
    """Delete the listed workflows the caller sees; the others are skipped silently."""
    if not slugs:
        return
    rows = list(
        session.scalars(
            access.visible_workflows(principal)
            .where(PipelitWorkflow.slug.in_(set(slugs)))
            .order_by(PipelitWorkflow.id)
        )
    )
    for wf in rows:
        _remove(session, principal, wf)


def validate_workflow(session: Session, principal: Principal, slug: str) -> dict:
    wf = _workflow(session, principal, slug)
    nodes = [
        {"node_id": n.node_id, "component_type": n.component_type}
        for n in workflow_nodes(session, wf.id)
    ]
    edges = [edge_out(e) for e in workflow_edges(session, wf.id)]
    errors = graph.validate(nodes, edges)
    return {"valid": not errors, "errors": errors}


# ── Nodes ─────────────────────────────────────────────────────────────────────


def workflow_nodes(session: Session, workflow_id: int) -> list[PipelitNode]:
    return list(
        session.scalars(
            select(PipelitNode)
            .where(PipelitNode.workflow_id == workflow_id)
            .order_by(PipelitNode.id)
        )
    )


def _node(session: Session, workflow_id: int, node_id: str) -> PipelitNode | None:
    return session.scalar(
        select(PipelitNode).where(
            PipelitNode.workflow_id == workflow_id, PipelitNode.node_id == node_id
        )
    )


def _node_or_404(session: Session, workflow_id: int, node_id: str) -> PipelitNode:
    node = None if access.unmatchable(node_id) else _node(session, workflow_id, node_id)
    if node is None:
        raise NotFound(NODE_NOT_FOUND)
    return node


def get_node(
    session: Session, principal: Principal, slug: str, node_id: str
) -> tuple[PipelitWorkflow, PipelitNode]:
    """The workflow of `slug` the caller sees and its node `node_id` (404 "Workflow not
    found." / "Node not found."), for the routes other areas serve under a node."""
    wf = _workflow(session, principal, slug)
    return wf, _node_or_404(session, wf.id, node_id)


def list_nodes(session: Session, principal: Principal, slug: str) -> list[dict]:
    wf = _workflow(session, principal, slug)
    return [node_out(session, n) for n in workflow_nodes(session, wf.id)]


def _check_model_credential(
    session: Session, principal: Principal, kind: str, config: Mapping | None
) -> None:
    """An ai_model's llm_credential_id (when set) must be one the caller may use (422)."""
    if kind != "ai_model" or not config or config.get("llm_credential_id") is None:
        return
    if not access.may_use_credential(session, principal, config["llm_credential_id"]):
        raise access.credential_refused(
            "llm_credential_id", ("body", "config", "llm_credential_id")
        )


def create_node(session: Session, principal: Principal, slug: str, body: Mapping) -> dict:
    wf = _workflow(session, principal, slug)
    kind = body["component_type"]
    _check_model_credential(session, principal, kind, body.get("config"))
    given_id = body.get("node_id")
    if given_id:
        if _node(session, wf.id, given_id) is not None:
            raise Conflict(node_taken(given_id))
        node_id, message = given_id, node_taken(given_id)
    else:
        node_id = ""
        for _ in range(10):
            candidate = graph.default_node_id(kind)
            if _node(session, wf.id, candidate) is None:
                node_id = candidate
                break
        node_id = node_id or graph.default_node_id(kind, 8)
        message = NODE_COLLISION
    now = utcnow()
    node = PipelitNode(
        workflow_id=wf.id,
        node_id=node_id,
        label=body.get("label"),
        component_type=kind,
        is_entry_point=body.get("is_entry_point", False),
        interrupt_before=True
        if kind == "human_confirmation"
        else body.get("interrupt_before", False),
        interrupt_after=body.get("interrupt_after", False),
        position_x=body.get("position_x", 0),
        position_y=body.get("position_y", 0),
        config=graph.create_config(kind, body.get("config")),
        subworkflow_id=body.get("subworkflow_id"),
        code_block_id=body.get("code_block_id"),
        created_at=now,
        updated_at=now,
    )
    session.add(node)
    _flush_unique(session, message)
    out = node_out(session, node)
    access.broadcast(session, wf.org_id, _channel(wf), "node_created", out)
    return out


def update_node(
    session: Session, principal: Principal, slug: str, node_id: str, body: Mapping
) -> dict:
    """PATCH: the fields given, the config keys given (graph.patch_config); a human
    confirmation keeps interrupt_before. Renaming does not touch edges (as upstream); a
    rename onto another node's id is 409."""
    wf = _workflow(session, principal, slug)
    node = _node_or_404(session, wf.id, node_id)
    changes = {k: body[k] for k in NODE_FIELDS if k in body}
    if node.component_type == "human_confirmation":
        changes.pop("interrupt_before", None)
    config = body.get("config")
    _check_model_credential(session, principal, node.component_type, config)
    if config:
        node.config = graph.patch_config(node.component_type, node.config, config)
    new_id = changes.get("node_id")
    if new_id is not None and new_id != node.node_id and _node(session, wf.id, new_id):
        raise Conflict(node_taken(new_id))
    for key, value in changes.items():
        setattr(node, key, value)
    node.updated_at = utcnow()
    _flush_unique(session, node_taken(node.node_id))
    out = node_out(session, node)
    access.broadcast(session, wf.org_id, _channel(wf), "node_updated", out)
    return out


_SCHEDULE_ACTIONS = {
    "start": schedules.node_start,
    "pause": schedules.node_pause,
    "stop": schedules.node_stop,
}


def node_schedule(
    session: Session, principal: Principal, slug: str, node_id: str, action: str
) -> dict:
    """A trigger_schedule node's start, pause or stop (schedules.node_*): the node as
    NodeOut, broadcast as `node_updated` like any node update."""
    wf = _workflow(session, principal, slug)
    node = _SCHEDULE_ACTIONS[action](session, principal, wf, node_id)
    out = node_out(session, node)
    access.broadcast(session, wf.org_id, _channel(wf), "node_updated", out)
    return out


def _set_link(node: PipelitNode, value: int | None) -> None:
    config = dict(node.config or {})
    config["llm_model_config_id"] = value
    node.config = config


def delete_node(session: Session, principal: Principal, slug: str, node_id: str) -> None:
    """Delete a node, its edges (either end), the links of nodes whose model it was, and
    its schedule job."""
    wf = _workflow(session, principal, slug)
    node = _node_or_404(session, wf.id, node_id)
    if node.component_type == "trigger_schedule":
        job = _schedule_of(session, node)
        if job is not None:
            session.delete(job)
    session.execute(
        delete(PipelitEdge).where(
            PipelitEdge.workflow_id == wf.id,
            or_(PipelitEdge.source_node_id == node_id, PipelitEdge.target_node_id == node_id),
        )
    )
    for other in workflow_nodes(session, wf.id):
        if other.id != node.id and (other.config or {}).get("llm_model_config_id") == node.id:
            _set_link(other, None)
    deleted = node.node_id
    session.delete(node)
    session.flush()
    access.broadcast(session, wf.org_id, _channel(wf), "node_deleted", {"node_id": deleted})


# ── Edges ─────────────────────────────────────────────────────────────────────


def workflow_edges(session: Session, workflow_id: int) -> list[PipelitEdge]:
    return list(
        session.scalars(
            select(PipelitEdge)
            .where(PipelitEdge.workflow_id == workflow_id)
            .order_by(PipelitEdge.id)
        )
    )


def _edge_or_404(session: Session, workflow_id: int, edge_id: int) -> PipelitEdge:
    edge = session.get(PipelitEdge, edge_id)
    if edge is None or edge.workflow_id != workflow_id:
        raise NotFound(EDGE_NOT_FOUND)
    return edge


def list_edges(session: Session, principal: Principal, slug: str) -> list[dict]:
    wf = _workflow(session, principal, slug)
    return [edge_out(e) for e in workflow_edges(session, wf.id)]


def _as_rule_node(node: PipelitNode | None) -> dict | None:
    if node is None:
        return None
    return {"node_id": node.node_id, "component_type": node.component_type}


def create_edge(session: Session, principal: Principal, slug: str, body: Mapping) -> dict:
    """An edge after Pipelit's checks, in its order: the conditional rules (a string 422),
    then the type check (422 validation_errors). No de-duplication, no cycle check."""
    wf = _workflow(session, principal, slug)
    fields = {
        "source_node_id": body["source_node_id"],
        "target_node_id": body.get("target_node_id", ""),
        "edge_type": body.get("edge_type", "direct"),
        "edge_label": body.get("edge_label", ""),
        "condition_mapping": body.get("condition_mapping"),
        "condition_value": body.get("condition_value", ""),
        "priority": body.get("priority", 0),
    }
    source = _node(session, wf.id, fields["source_node_id"]) if fields["source_node_id"] else None
    target = _node(session, wf.id, fields["target_node_id"]) if fields["target_node_id"] else None
    refusal = graph.conditional_error(fields, _as_rule_node(source))
    if refusal:
        raise ValidationFailed(refusal)
    errors = graph.post_type_errors(fields, _as_rule_node(source), _as_rule_node(target))
    if errors:
        raise access.EdgeValidationErrors(errors)
    edge = PipelitEdge(workflow_id=wf.id, created_at=utcnow(), **fields)
    session.add(edge)
    if fields["edge_label"] == "llm" and source is not None and target is not None:
        _set_link(target, source.id)
    session.flush()
    out = edge_out(edge)
    access.broadcast(session, wf.org_id, _channel(wf), "edge_created", out)
    return out


def update_edge(
    session: Session, principal: Principal, slug: str, edge_id: int, body: Mapping
) -> dict:
    """PATCH: the fields given, unchecked (as upstream)."""
    wf = _workflow(session, principal, slug)
    edge = _edge_or_404(session, wf.id, edge_id)
    for key in EDGE_FIELDS:
        if key in body:
            setattr(edge, key, body[key])
    session.flush()
    out = edge_out(edge)
    access.broadcast(session, wf.org_id, _channel(wf), "edge_updated", out)
    return out


def delete_edge(session: Session, principal: Principal, slug: str, edge_id: int) -> None:
    wf = _workflow(session, principal, slug)
    edge = _edge_or_404(session, wf.id, edge_id)
    if edge.edge_label == "llm" and edge.target_node_id:
        target = _node(session, wf.id, edge.target_node_id)
        if target is not None:
            _set_link(target, None)
    deleted = edge.id
    session.delete(edge)
    session.flush()
    access.broadcast(session, wf.org_id, _channel(wf), "edge_deleted", {"id": deleted})
