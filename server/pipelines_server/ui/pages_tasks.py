"""Tasks: a workflow's tasks (filtered by status, paged), starting a task from a workflow with
its inputs as JSON, and a task's page: its graph with each node's state kept live by the
server-sent events of `/ui/events?task_id=N` (live/ui_events.py), its timeline, inputs and
outputs, the logs of its code and http nodes, and Cancel.

The domain functions are the native API's: domain.task_lists (the task table),
domain.tasks.create_tasks, domain.run_views (detail, timeline), domain.human_work.cancel_task."""

from __future__ import annotations

import json

from flask import redirect, request, url_for

from ..domain import human_work, run_views, task_lists, workflow_progress
from ..domain import tasks as tasks_domain
from ..domain import workflows as wf_domain
from ..runtime import current
from ..shared.errors import DomainError, Forbidden, NotFound
from . import definitions, graphs, paged
from .core import bp, db, nav, principal, render, signed_in
from .pages_workflows import reasons_of, workflow_page
from .params import int_arg

nav("ui.tasks", "Tasks", order=21)

PAGE_SIZE = 50
EVENTS_PAGE = 100
LOG_KINDS = ("code", "http")
FINAL = ("finished", "failed", "cancelled")


@bp.get("/tasks")
@signed_in
def tasks():
    me = principal()
    status = request.args.get("status") or None
    if status not in task_lists.STATUSES:
        status = None
    workflow_id = int_arg("workflow_id")
    page = paged.requested(PAGE_SIZE)
    with db() as session:
        choices, _ = wf_domain.list_workflows(session, me, None, 0, 200)
        if workflow_id is None and choices:
            workflow_id = choices[0].id
        items, total, wf = [], 0, None
        if workflow_id is not None:
            wf = wf_domain.get_workflow(session, me, workflow_id)
            items, total = task_lists.list_tasks(
                session,
                me,
                wf.project_id,
                wf.id,
                page.offset,
                page.size,
                status,
            )
            if all(c.id != wf.id for c in choices):
                choices.append(wf)
        return render(
            "tasks/list.html",
            items=items,
            total=total,
            paged=page.with_total(total),
            wf=wf,
            choices=choices,
            status_filter=status,
            statuses=task_lists.STATUSES,
        )


@bp.post("/workflows/<id64:workflow_id>/tasks")
@signed_in
def task_create(workflow_id: int):
    me = principal()
    text = request.form.get("inputs", "")
    try:
        values = definitions.parse_inputs(text)
    except definitions.DefinitionError as exc:
        return workflow_page(workflow_id, status=422, inputs=text, task_reasons=exc.reasons)
    try:
        with db() as session:
            wf = wf_domain.get_workflow(session, me, workflow_id)
            result = tasks_domain.create_tasks(
                session, me, wf.id, [{"fields": values}], wf.project_id
            )
    except DomainError as exc:
        if isinstance(exc, NotFound | Forbidden):
            raise
        reasons = [
            (f"inputs.{e.field_name}" if e.field_name else "inputs", e.message)
            for e in getattr(exc, "errors", None) or []
        ] or reasons_of(exc)
        return workflow_page(workflow_id, status=exc.status, inputs=text, task_reasons=reasons)
    current().engine.tasks_created()
    return redirect(url_for("ui.task", task_id=result.task_ids[0]), code=303)


def _task_context(task_id: int) -> dict:
    me = principal()
    events_page = min(int_arg("events_page", 1), 100_000)
    with db() as session:
        project_id, workflow_id = workflow_progress.locate_task(session, me, task_id)
        # The stream's cursor first, then the state (see pages_workflows.workflow_page).
        after = workflow_progress.last_task_event_id(session, task_id)
        wf = wf_domain.get_workflow(session, me, workflow_id)
        detail = run_views.task_detail(session, me, project_id, workflow_id, task_id)
        graph = workflow_progress.version_graph(session, wf, detail["workflow_version"])
        events, total = run_views.timeline(
            session,
            me,
            project_id,
            workflow_id,
            task_id,
            (events_page - 1) * EVENTS_PAGE,
            EVENTS_PAGE,
        )
    nodes = detail["nodes"]
    return {
        "task": detail,
        "wf": wf,
        "layout": graphs.task_dag(graph, nodes),
        "nodes": nodes,
        "logged": [n for n in nodes if n["kind"] in LOG_KINDS or n["log"] or n["error"]],
        "events": events,
        "events_total": total,
        "events_page": events_page,
        "events_pages": max(1, -(-total // EVENTS_PAGE)),
        "after": after,
        "final": detail["status"] in FINAL,
        "as_json": _as_json,
    }


def _as_json(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=str)


@bp.get("/tasks/<id64:task_id>")
@signed_in
def task(task_id: int):
    return render("tasks/show.html", **_task_context(task_id))


@bp.get("/tasks/<id64:task_id>/live")
@signed_in
def task_live(task_id: int):
    """The task's changing parts, re-fetched by its page on each live event."""
    return render("tasks/_live.html", **_task_context(task_id))


@bp.post("/tasks/<id64:task_id>/cancel")
@signed_in
def task_cancel(task_id: int):
    me = principal()
    with db() as session:
        project_id, workflow_id = workflow_progress.locate_task(session, me, task_id)
        human_work.cancel_task(session, me, project_id, workflow_id, task_id)
    return redirect(url_for("ui.task", task_id=task_id), code=303)
