"""Pipelit executions on the native engine: an execution compiles the graph its trigger
reaches (compile.py) into the backing native workflow's current version and is ONE native
task of it (`PipelitExecution.task_id`), whose input fields are the trigger payload.

The execution row keeps what the task cannot say (pending before a task, cancelled here, a
graph that cannot run) and a copy of the task's state, refreshed whenever it is read while
pending or running (`sync`): the status, started_at/completed_at, error_message and
final_output. Statuses map from the task: pending -> pending, in_progress or paused ->
running, finished -> completed, failed (and escalated or quarantined, which Pipelit graphs
do not reach) -> failed, cancelled -> cancelled."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, false, func, select
from sqlalchemy.orm import Session, object_session

from ...engine import task_control
from ...engine.state_machine import EngineConflict
from ...shared.errors import NotFound
from ...shared.ids import canonical_uuid
from ...shared.principal import Principal
from ...store.models import (
    Credential,
    LlmCall,
    NodeInstance,
    PipelitEdge,
    PipelitExecution,
    PipelitNode,
    PipelitWorkflow,
    Project,
    Task,
    Workflow,
    utcnow,
)
from .. import tasks as native_tasks
from .. import workflows as native_workflows
from . import access
from .compile import Unsupported, compile_graph, is_helper, model_links, pipelit_output

ACTIVE = ("pending", "running")
CANCELLABLE = ("pending", "running", "interrupted")
TERMINAL = ("completed", "failed", "cancelled")
TASK_STATUS = {
    "pending": "pending",
    "in_progress": "running",
    "paused": "running",
    "finished": "completed",
    "failed": "failed",
    "cancelled": "cancelled",
    "escalated": "failed",
    "quarantined": "failed",
}
EXECUTION_NOT_FOUND = "Execution not found."
PROJECT_NAME = "Pipelit"


def _node_dict(node: PipelitNode) -> dict:
    return {
        "node_id": node.node_id,
        "component_type": node.component_type,
        "config": node.config or {},
        "label": node.label,
        "is_entry_point": node.is_entry_point,
        "interrupt_before": node.interrupt_before,
        "interrupt_after": node.interrupt_after,
    }


def _edge_dict(edge: PipelitEdge) -> dict:
    return {
        "source_node_id": edge.source_node_id,
        "target_node_id": edge.target_node_id,
        "edge_type": edge.edge_type,
        "edge_label": edge.edge_label,
        "condition_value": edge.condition_value,
    }


def _backing_workflow(session: Session, workflow: PipelitWorkflow) -> Workflow:
    """The native workflow behind a Pipelit workflow (locked), made on first use in the
    organization's `Pipelit` project when the workflow has none yet."""
    if workflow.workflow_id is not None:
        native = session.get(Workflow, workflow.workflow_id, with_for_update=True)
        if native is not None:
            return native
    project_id = session.scalar(
        select(Project.id)
        .where(Project.org_id == workflow.org_id, Project.name == PROJECT_NAME)
        .order_by(Project.id)
        .limit(1)
    )
    if project_id is None:
        project = Project(
            org_id=workflow.org_id,
            name=PROJECT_NAME,
            description="The native workflows behind the Pipelit surface's workflows.",
        )
        session.add(project)
        session.flush()
        project_id = project.id
    native = Workflow(
        org_id=workflow.org_id,
        project_id=project_id,
        name=f"pipelit: {workflow.slug}"[:200],
        description=workflow.description or "",
        status=native_workflows.ACTIVE,
        fields=[],
        graph={},
        version=0,
    )
    session.add(native)
    session.flush()
    workflow.workflow_id = native.id
    return native


def _models(session: Session, workflow: PipelitWorkflow, links: dict[str, dict]) -> dict[str, dict]:
    """node_id -> {credential (the native credential's name), model, temperature?,
    max_tokens?} for the llm nodes whose `ai_model` names a credential the workflow's owner
    may use (access.owner_credentials) that is also a native credential."""
    models = {}
    usable = access.owner_credentials(session, workflow).subquery()
    for node_id, config in links.items():
        try:
            pipelit_id = int(config.get("llm_credential_id"))
        except (TypeError, ValueError):
            continue
        name = session.scalar(
            select(Credential.name)
            .join(usable, usable.c.credential_id == Credential.id)
            .where(usable.c.id == pipelit_id, Credential.org_id == workflow.org_id)
        )
        if name is None or not config.get("model_name"):
            continue
        models[node_id] = {
            "credential": name,
            "model": config["model_name"],
            "temperature": config.get("temperature"),
            "max_tokens": config.get("max_tokens"),
        }
    return models


def start_execution(
    session: Session,
    workflow: PipelitWorkflow,
    trigger_node: PipelitNode | None,
    payload: dict,
    user_id: int,
    trigger: str = "manual",
    schedule_id: str | None = None,
    thread_id: str | None = None,
) -> PipelitExecution:
    """Records an execution of `workflow` from `trigger_node` (None: the workflow's first
    `trigger_<trigger>` node) and creates its native task, which the engine's workers run.

    A graph this server cannot run (an unsupported node type, an interrupt) gives an execution
    that is `failed` at once with that reason as error_message; NotFound when there is no
    trigger at all. The caller commits."""
    if trigger_node is None:
        trigger_node = session.scalar(
            select(PipelitNode)
            .where(
                PipelitNode.workflow_id == workflow.id,
                PipelitNode.component_type == f"trigger_{trigger}",
            )
            .order_by(PipelitNode.id)
            .limit(1)
        )
        if trigger_node is None:
            raise NotFound("Trigger node not found")
    now = utcnow()
    execution = PipelitExecution(
        id=str(uuid.uuid4()),
        org_id=workflow.org_id,
        workflow_id=workflow.id,
        user_id=user_id,
        trigger=trigger,
        trigger_node_id=trigger_node.node_id,
        trigger_payload=payload,
        thread_id=thread_id,
        schedule_id=schedule_id,
        status="pending",
        created_at=now,
    )
    session.add(execution)
    nodes = list(session.scalars(select(PipelitNode).where(PipelitNode.workflow_id == workflow.id)))
    edges = list(session.scalars(select(PipelitEdge).where(PipelitEdge.workflow_id == workflow.id)))
    try:
        node_dicts, edge_dicts = [_node_dict(n) for n in nodes], [_edge_dict(e) for e in edges]
        compiled = compile_graph(
            _node_dict(trigger_node),
            node_dicts,
            edge_dicts,
            _models(session, workflow, model_links(node_dicts, edge_dicts)),
        )
        errors = native_workflows.check_graph(compiled.graph)
        if errors:
            raise Unsupported("Graph error: " + "; ".join(e.message for e in errors))
    except Unsupported as exc:
        execution.status, execution.error_message = "failed", str(exc)
        execution.started_at = execution.completed_at = now
        session.flush()
        return execution
    native = _backing_workflow(session, workflow)
    if native.graph != compiled.graph or native.version < 1:
        native.graph = compiled.graph
        native.version = (native.version or 0) + 1
    native.status = native_workflows.ACTIVE
    native.updated_at = now
    session.flush()
    (execution.task_id,) = native_tasks.insert_tasks(
        session, native, [payload or {}], created_by=user_id
    )
    session.flush()
    return execution


# ---- reading the task back --------------------------------------------------------------


def _instances(session: Session, task_id: int) -> list[NodeInstance]:
    return list(
        session.scalars(
            select(NodeInstance)
            .where(NodeInstance.task_id == task_id)
            .order_by(NodeInstance.finished_at, NodeInstance.id)
        )
    )


def _ran(execution: PipelitExecution, instances: list[NodeInstance]) -> list[NodeInstance]:
    """The Pipelit nodes of the task that finished or failed, in the order they did."""
    return [
        i
        for i in instances
        if i.status in ("finished", "failed")
        and not is_helper(i.node_id)
        and i.node_id != execution.trigger_node_id
    ]


def _types(session: Session, execution: PipelitExecution) -> dict[str, str]:
    return dict(
        session.execute(
            select(PipelitNode.node_id, PipelitNode.component_type).where(
                PipelitNode.workflow_id == execution.workflow_id
            )
        ).all()
    )


def final_output(types: dict[str, str], ran: list[NodeInstance]) -> dict | None:
    """Pipelit's final_output: `{"output"}` of the last reply_chat, else `{"message"}` of
    the last agent's answer, else `{"node_outputs"}` of every node that ran, else null."""
    done = [i for i in ran if i.status == "finished"]
    outputs = {i.node_id: pipelit_output(types.get(i.node_id, ""), i.output) for i in done}
    for inst in reversed(done):
        if types.get(inst.node_id) == "reply_chat" and isinstance(inst.output, dict):
            return {"output": inst.output.get("output")}
    for inst in reversed(done):
        if types.get(inst.node_id) in ("agent", "deep_agent"):
            return {"message": outputs[inst.node_id].get("output")}
    if done:
        return {"node_outputs": outputs}
    return None


def sync(session: Session, execution: PipelitExecution) -> PipelitExecution:
    """Brings a pending or running execution up to date with its native task."""
    if execution.status not in ACTIVE or execution.task_id is None:
        return execution
    task = session.get(Task, execution.task_id)
    if task is None:
        return execution
    status = TASK_STATUS.get(task.status, "running")
    if status == execution.status and status == "pending":
        return execution
    execution.status = status
    execution.started_at = task.started_at or execution.started_at
    if status == "running" and _timed_out(session, execution):
        return execution
    if status in TERMINAL:
        execution.completed_at = task.finished_at or utcnow()
        ran = _ran(execution, _instances(session, task.id))
        execution.final_output = final_output(_types(session, execution), ran)
        failed = [i for i in ran if i.status == "failed"]
        if failed:
            execution.error_message = f"Node {failed[0].node_id}: {failed[0].error or ''}"
        elif status == "failed":
            execution.error_message = task.error or "Execution failed"
    return execution


def _timed_out(session: Session, execution: PipelitExecution) -> bool:
    """A running execution past its workflow's max_execution_seconds fails (its task is
    cancelled) with upstream's message. Checked whenever the execution is read."""
    limit = session.scalar(
        select(PipelitWorkflow.max_execution_seconds).where(
            PipelitWorkflow.id == execution.workflow_id
        )
    )
    if not limit or execution.started_at is None:
        return False
    now = utcnow()
    started = execution.started_at
    if started.tzinfo is None:
        started = started.replace(tzinfo=UTC)
    elapsed = now - started
    if elapsed.total_seconds() <= limit:
        return False
    try:
        task_control.cancel_task(session.connection(), execution.task_id)
    except EngineConflict:
        return False  # the task ended meanwhile: read its real outcome next time
    execution.status = "failed"
    execution.completed_at = now
    execution.error_message = (
        f"Execution timed out after {int(elapsed.total_seconds())}s (limit: {limit}s)"
    )
    return True


def is_active(execution: PipelitExecution, session: Session | None = None) -> bool:
    """Whether the execution is still pending or running (read from its task)."""
    session = session or object_session(execution)
    if session is not None:
        sync(session, execution)
    return execution.status in ACTIVE


def _sync_open(session: Session, org_id: int) -> None:
    for execution in session.scalars(
        select(PipelitExecution).where(
            PipelitExecution.org_id == org_id, PipelitExecution.status.in_(ACTIVE)
        )
    ):
        sync(session, execution)
    session.flush()


# ---- the routes' operations ---------------------------------------------------------------


def workflow_for(
    session: Session, principal: Principal, slug: str, message: str = access.WORKFLOW_NOT_FOUND
) -> PipelitWorkflow:
    """access.workflow_for."""
    return access.workflow_for(session, principal, slug, message)


def get_execution(
    session: Session, principal: Principal, execution_id: str, message: str = EXECUTION_NOT_FOUND
) -> PipelitExecution:
    execution_id = canonical_uuid(execution_id)
    execution = (
        session.scalar(
            access.under_visible_workflows(PipelitExecution, principal).where(
                PipelitExecution.id == execution_id
            )
        )
        if execution_id
        else None
    )
    if execution is None:
        raise NotFound(message)
    return sync(session, execution)


def list_executions(
    session: Session,
    principal: Principal,
    workflow_slug: str | None,
    status: str | None,
    limit: int | None,
    offset: int | None,
) -> tuple[list[PipelitExecution], int]:
    _sync_open(session, principal.org_id)
    stmt = access.under_visible_workflows(PipelitExecution, principal)
    if access.unmatchable(workflow_slug, status):
        stmt = stmt.where(false())
    if workflow_slug:
        stmt = stmt.where(
            PipelitExecution.workflow_id.in_(
                select(PipelitWorkflow.id).where(
                    PipelitWorkflow.org_id == principal.org_id,
                    PipelitWorkflow.slug == workflow_slug,
                )
            )
        )
    if status:
        stmt = stmt.where(PipelitExecution.status == status)
    stmt = stmt.order_by(
        PipelitExecution.started_at.desc().nulls_last(), PipelitExecution.created_at.desc()
    )
    return access.page(session, stmt, limit, offset)


def cancel(session: Session, principal: Principal, execution_id: str) -> PipelitExecution:
    """A pending, running or interrupted execution becomes cancelled (its task too);
    anything else is left as it is."""
    execution = get_execution(session, principal, execution_id)
    if execution.status not in CANCELLABLE:
        return execution
    if execution.task_id is not None:
        try:
            task_control.cancel_task(session.connection(), execution.task_id, principal.user_id)
        except EngineConflict:
            pass  # the task ended meanwhile; the execution is cancelled all the same
    execution.status = "cancelled"
    execution.completed_at = utcnow()
    workflow = session.get(PipelitWorkflow, execution.workflow_id)
    access.broadcast(
        session,
        execution.org_id,
        f"workflow:{workflow.slug}",
        "execution_cancelled",
        {"execution_id": execution.id},
    )
    session.flush()
    return execution


def batch_delete(session: Session, principal: Principal, ids: list[str]) -> None:
    """Deletes the listed executions the caller sees; others are skipped. Their native
    tasks stay (the native surfaces still show them)."""
    ids = [i for i in (canonical_uuid(v) for v in ids) if i]
    if not ids:
        return
    visible = access.under_visible_workflows(PipelitExecution, principal).where(
        PipelitExecution.id.in_(ids)
    )
    found = [e.id for e in session.scalars(visible)]
    if found:
        session.execute(delete(PipelitExecution).where(PipelitExecution.id.in_(found)))


def _slugs(session: Session, rows: list[PipelitExecution]) -> dict[int, str]:
    ids = {e.workflow_id for e in rows}
    if not ids:
        return {}
    found = session.execute(
        select(PipelitWorkflow.id, PipelitWorkflow.slug).where(PipelitWorkflow.id.in_(ids))
    )
    return dict(found.tuples().all())


def _usage(session: Session, rows: list[PipelitExecution]) -> dict[int, tuple[int, int]]:
    """task id -> (total tokens, llm calls) of the executions' tasks, in one query."""
    task_ids = {e.task_id for e in rows if e.task_id is not None}
    if not task_ids:
        return {}
    found = session.execute(
        select(
            LlmCall.task_id,
            func.coalesce(func.sum(LlmCall.tokens_in), 0)
            + func.coalesce(func.sum(LlmCall.tokens_out), 0),
            func.count(LlmCall.id),
        )
        .where(LlmCall.task_id.in_(task_ids))
        .group_by(LlmCall.task_id)
    )
    return {task_id: (int(tokens or 0), int(calls or 0)) for task_id, tokens, calls in found}


def executions_out(session: Session, rows: list[PipelitExecution]) -> list[dict]:
    """ExecutionOut of each row (its workflow's slug, its task's token use): two queries
    for the whole page, whatever its size."""
    slugs, usage = _slugs(session, rows), _usage(session, rows)
    out = []
    for execution in rows:
        tokens, calls = usage.get(execution.task_id, (0, 0))
        out.append(
            {
                "execution_id": execution.id,
                "workflow_slug": slugs.get(execution.workflow_id, ""),
                "status": execution.status,
                "error_message": execution.error_message or "",
                "started_at": access.iso(execution.started_at),
                "completed_at": access.iso(execution.completed_at),
                "total_tokens": tokens,
                "total_cost_usd": 0.0,
                "llm_calls": calls,
            }
        )
    return out


def execution_out(session: Session, execution: PipelitExecution) -> dict:
    return executions_out(session, [execution])[0]


def detail_out(session: Session, execution: PipelitExecution) -> dict:
    """ExecutionDetail: ExecutionOut with the final output, the payload and the logs."""
    body = execution_out(session, execution)
    body["final_output"] = execution.final_output
    body["trigger_payload"] = execution.trigger_payload
    body["logs"] = logs(session, execution)
    return body


def status_out(session: Session, execution: PipelitExecution) -> dict:
    """`GET /executions/{id}/status/`'s reply."""
    return {
        "execution_id": execution.id,
        "workflow": _slugs(session, [execution]).get(execution.workflow_id, ""),
        "status": execution.status,
        "started_at": access.iso(execution.started_at),
        "completed_at": access.iso(execution.completed_at),
        "final_output": execution.final_output,
        "error_message": execution.error_message or None,
    }


def logs(session: Session, execution: PipelitExecution) -> list[dict[str, Any]]:
    """One Log per Pipelit node that finished or failed (its latest attempt)."""
    if execution.task_id is None:
        return []
    rows = []
    types = _types(session, execution)
    for inst in _ran(execution, _instances(session, execution.task_id)):
        failed = inst.status == "failed"
        usage = inst.output.get("usage") if isinstance(inst.output, dict) else None
        llm = inst.kind == "llm"
        rows.append(
            {
                "id": inst.id,
                "node_id": inst.node_id,
                "status": "failed" if failed else "completed",
                "input": None,
                "output": None
                if failed
                else pipelit_output(types.get(inst.node_id, ""), inst.output),
                "error": (inst.error or "") if failed else "",
                "error_code": "NodeFailed" if failed else None,
                "metadata": {"token_usage": usage} if llm and usage else None,
                "duration_ms": int(round((inst.work_seconds or 0.0) * 1000)),
                "timestamp": access.iso(inst.finished_at),
            }
        )
    return rows


def parse_before(value: str) -> datetime | None:
    """An ISO 8601 instant (a `Z` or an offset allowed) as naive UTC; None when unreadable."""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def execute_manual(
    session: Session,
    principal: Principal,
    slug: str,
    text: str,
    trigger_node_id: str | None = None,
) -> PipelitExecution:
    """POST /workflows/{slug}/execute/: the workflow must be active and one the caller sees
    (else 404 "Workflow not found", no period, as upstream); it runs that workflow's own
    `trigger_manual` (the given one, else its active one of highest priority), never another
    workflow's (upstream's resolver may pick any workflow's)."""
    workflow = workflow_for(session, principal, slug, "Workflow not found")
    if not workflow.is_active:
        raise NotFound("Workflow not found")
    manual = select(PipelitNode).where(
        PipelitNode.workflow_id == workflow.id, PipelitNode.component_type == "trigger_manual"
    )
    if trigger_node_id:
        trigger = session.scalar(manual.where(PipelitNode.node_id == trigger_node_id))
        if trigger is None:
            raise NotFound("Manual trigger node not found")
        payload = {"text": text}
    else:
        candidates = [
            n for n in session.scalars(manual.order_by(PipelitNode.id)) if _trigger_active(n)
        ]
        if not candidates:
            raise NotFound("No trigger configured for manual execution")
        trigger = max(candidates, key=lambda n: _priority(n))
        payload = {"text": text, "workflow_slug": slug}
    return start_execution(session, workflow, trigger, payload, principal.user_id, "manual")


def _trigger_active(node: PipelitNode) -> bool:
    return (node.config or {}).get("is_active", True) is not False


def _priority(node: PipelitNode) -> int:
    try:
        return int((node.config or {}).get("priority") or 0)
    except (TypeError, ValueError):
        return 0
