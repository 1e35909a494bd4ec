"""Views of a running task: a human node's form, the task's detail with its nodes, and its
timeline of events."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..engine.executors.evaluation import review_evaluation
from ..engine.state_machine import Inst, TaskRun
from ..shared.errors import NotFound
from ..shared.principal import Principal
from ..store.models import Task, TaskEvent
from . import fields as fieldschema
from .event_feed import event_view
from .tasks import node_summaries
from .workflows import get_workflow

_EV = TaskEvent.__table__


def node_view(run: TaskRun, inst: Inst, project_id: int) -> dict:
    node = run.graph.nodes[inst.node_id]
    config = run.graph.config(inst.node_id)
    view: dict[str, Any] = {
        "node_db_id": inst.id,
        "task_id": run.task_id,
        "workflow_id": run.workflow_id,
        "project_id": project_id,
        "node_id": inst.node_id,
        "kind": inst.kind,
        "name": node.get("name") or inst.node_id,
        "status": inst.status,
        "attempt": inst.attempt,
        "assignee_id": inst.assignee_id,
        "lease_expires_at": inst.lease_expires_at,
        "task_fields": run.fields,
        "input": inst.input,
        "output": inst.output,
    }
    if inst.kind == "subtask":
        view["instructions"] = config.get("instructions") or ""
        view["fields"] = fieldschema.normalize_schema(config.get("fields") or [])
        view["values"] = (inst.state or {}).get("prefill") or {}
    else:
        subtask_id = run.graph.reviewed_subtask(inst.node_id)
        sub = run.insts.get(subtask_id) if subtask_id else None
        view["subtask"] = (
            {
                "node_db_id": sub.id,
                "node_id": sub.node_id,
                "status": sub.status,
                "values": sub.output,
                "submitted_by_id": sub.submitted_by_id,
            }
            if sub
            else None
        )
        view["rejections"] = int((inst.state or {}).get("rejections", 0))
        view["max_rereviews"] = int(config.get("max_rereviews", 2))
        evaluation = review_scores(run, inst)
        if evaluation is not None:
            view["evaluation"] = evaluation
    return view


def review_scores(run: TaskRun, inst: Inst) -> dict | None:
    """A review node's library evaluation (evaluation_ref) of the submission it reviews."""
    config = run.graph.config(inst.node_id)
    if not config.get("criteria"):
        return None
    subtask_id = run.graph.reviewed_subtask(inst.node_id)
    sub = run.insts.get(subtask_id) if subtask_id else None
    submission = sub.output if sub else None
    variables = {
        "input": inst.input,
        "task": run.fields,
        "fields": run.fields,
        "subtask": submission,
    }
    return review_evaluation(config, variables, submission)


def task_row(session: Session, principal: Principal, project_id: int, workflow_id: int, task_id):
    get_workflow(session, principal, workflow_id, project_id)
    task = session.get(Task, task_id)
    if task is None or task.org_id != principal.org_id or task.workflow_id != workflow_id:
        raise NotFound("Task not found")
    return task


def node_entry(run: TaskRun, node_id: str) -> dict:
    """One node of a task as a task's details list it (a node the task has not reached yet
    is `pending`, without a `node_db_id`)."""
    inst = run.insts.get(node_id)
    node = run.graph.nodes[node_id]
    return {
        "node_db_id": inst.id if inst else None,
        "node_id": node_id,
        "kind": run.graph.kind(node_id),
        "name": node.get("name") or node_id,
        "status": inst.status if inst else "pending",
        "attempt": inst.attempt if inst else 0,
        "assignee_id": inst.assignee_id if inst else None,
        "lease_expires_at": inst.lease_expires_at if inst else None,
        "input": inst.input if inst else None,
        "output": inst.output if inst else None,
        "route": inst.route if inst else None,
        "error": inst.error if inst else None,
        "log": inst.log if inst else None,
        "work_seconds": inst.work_seconds if inst else None,
        "finished_at": inst.finished_at if inst else None,
        "updated_at": inst.updated_at if inst else None,
    }


def task_detail(
    session: Session, principal: Principal, project_id: int, workflow_id: int, task_id: int
) -> dict:
    task = task_row(session, principal, project_id, workflow_id, task_id)
    run = TaskRun.load(session.connection(), task.id)
    nodes = [node_entry(run, node_id) for node_id in run.graph.nodes]
    summary = node_summaries(session, [task])[task.id]
    return {
        "id": task.id,
        "project_id": project_id,
        "workflow_id": task.workflow_id,
        "workflow_version": task.workflow_version,
        "status": task.status,
        "fields": task.fields,
        "output": task.output,
        "error": task.error,
        "node_summary": summary,
        "nodes": nodes,
        "created_at": task.created_at,
        "updated_at": task.updated_at,
        "started_at": task.started_at,
        "finished_at": task.finished_at,
    }


def timeline(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    task_id: int,
    offset: int,
    limit: int,
) -> tuple[list[dict], int]:
    task = task_row(session, principal, project_id, workflow_id, task_id)
    where = _EV.c.task_id == task.id
    total = session.scalar(select(func.count()).select_from(_EV).where(where))
    rows = session.execute(
        select(_EV).where(where).order_by(_EV.c.id).offset(offset).limit(limit)
    ).all()
    return [event_view(r) for r in rows], total
