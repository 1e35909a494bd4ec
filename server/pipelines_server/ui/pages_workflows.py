"""Workflows: the list (by project, searched by name, filtered by status, paged), a workflow's
page (its graph with live counts of node instances by state, its definition to edit as JSON or
YAML, the status buttons, a form to start a task) and a new workflow's form.

Every rule is the domain's (domain.workflows, the functions the native API's handlers call):
a refused save shows every reason the domain gives, at its location in the definition."""

from __future__ import annotations

from flask import redirect, request, url_for

from ..domain import projects as projects_domain
from ..domain import workflow_progress
from ..domain import workflows as wf_domain
from ..domain.event_feed import last_event_id
from ..shared.errors import DomainError, Forbidden, NotFound
from . import definitions, graphs, paged
from .core import bp, db, field_errors, nav, principal, render, signed_in
from .params import int_arg, parse_int

nav("ui.workflows", "Workflows", order=20)

PAGE_SIZE = 25
ACTIONS = {
    "activate": wf_domain.activate,
    "pause": wf_domain.pause,
    "complete": wf_domain.complete,
    "archive": wf_domain.archive,
}


def actions_for(status: str) -> list[str]:
    """The status buttons a workflow in this status shows (the domain refuses the others)."""
    out = []
    if status in (wf_domain.DRAFT, wf_domain.PENDING_ACTIVATION, wf_domain.PAUSED):
        out.append("activate")
    if status == wf_domain.ACTIVE:
        out.append("pause")
    if status in (wf_domain.ACTIVE, wf_domain.PAUSED):
        out.append("complete")
    if status != wf_domain.ARCHIVED:
        out.append("archive")
    return out


def reasons_of(exc: DomainError) -> list[tuple[str, str]]:
    return [(loc, msg) for loc, msgs in field_errors(exc).items() for msg in msgs]


def issue_reasons(issues) -> list[tuple[str, str]]:
    return [(".".join(str(p) for p in (e.loc or ())), e.message) for e in issues]


def _all_reasons(exc: DomainError, project_id: int, fields, graph) -> list[tuple[str, str]]:
    """Every reason a definition was refused: the domain's dry run finds them all at once
    (fields, graph, assignees, library references); the refusal's own come first."""
    if isinstance(exc, NotFound | Forbidden):
        raise exc
    reasons = reasons_of(exc)
    try:
        with db() as session:
            issues = wf_domain.validation_issues(session, principal(), project_id, fields, graph)
    except DomainError:
        issues = []
    for reason in issue_reasons(issues):
        if reason not in reasons:
            reasons.append(reason)
    return reasons


def _fmt() -> str:
    fmt = request.values.get("format", "json")
    return fmt if fmt in definitions.FORMATS else "json"


@bp.get("/workflows")
@signed_in
def workflows():
    me = principal()
    search = request.args.get("q", "").strip()[:200]
    status = request.args.get("status") or None
    if status not in wf_domain.STATUSES:
        status = None
    project_id = int_arg("project_id")
    page = paged.requested(PAGE_SIZE)
    with db() as session:
        projects, _ = projects_domain.list_projects(session, me, 0, 200)
        if project_id is not None and all(p.id != project_id for p in projects):
            projects_domain.get_project(session, me, project_id)  # not found, or archived
        rows, total = wf_domain.list_workflows(
            session,
            me,
            project_id,
            page.offset,
            page.size,
            status,
            search=search or None,
        )
        counts = workflow_progress.task_counts(session, me, [w.id for w in rows])
        names = {p.id: p.name for p in projects}
        items = [
            {
                "id": w.id,
                "name": w.name,
                "status": w.status,
                "version": w.version,
                "project": names.get(w.project_id, f"#{w.project_id}"),
                "tasks": counts.get(w.id, 0),
                "updated_at": w.updated_at,
            }
            for w in rows
        ]
    return render(
        "workflows/list.html",
        items=items,
        total=total,
        paged=page.with_total(total),
        projects=projects,
        project_id=project_id,
        q=search,
        status_filter=status,
        statuses=wf_domain.STATUSES,
    )


# -- a new workflow -----------------------------------------------------------------------


@bp.route("/workflows/new", methods=["GET", "POST"])
@signed_in
def workflow_new():
    me = principal()
    fmt = _fmt()
    with db() as session:
        projects, _ = projects_domain.list_projects(session, me, 0, 200)
    # No project_id: the first project. One that is not a number of ours is refused below,
    # never replaced by another project (the workflow would be made where it was not meant).
    asked = request.values.get("project_id", "").strip()
    form = {
        "project_id": parse_int(asked) if asked else (projects[0].id if projects else None),
        "name": request.form.get("name", ""),
        "description": request.form.get("description", ""),
        "definition": request.form.get("definition")
        or definitions.dump([], wf_domain.DEFAULT_GRAPH, fmt),
        "format": fmt,
    }
    if request.method == "GET":
        return render("workflows/new.html", projects=projects, form=form, reasons=[])
    reasons: list[tuple[str, str]] = []
    if asked and form["project_id"] is None:
        raise NotFound("Project not found")
    try:
        fields, graph = definitions.parse(form["definition"], fmt)
    except definitions.DefinitionError as exc:
        reasons = exc.reasons
    if not reasons:
        try:
            with db() as session:
                wf = wf_domain.create_workflow(
                    session,
                    me,
                    form["project_id"] or 0,
                    form["name"],
                    form["description"],
                    fields,
                    graph,
                )
                wf_id = wf.id
        except DomainError as exc:
            if isinstance(exc, NotFound) and form["project_id"] is None:
                reasons = [("project_id", "Choose a project")]
            else:
                reasons = _all_reasons(exc, form["project_id"] or 0, fields, graph)
    if reasons:
        return render(
            "workflows/new.html", status=422, projects=projects, form=form, reasons=reasons
        )
    return redirect(url_for("ui.workflow", workflow_id=wf_id, saved=1), code=303)


# -- a workflow's page ----------------------------------------------------------------------


def _graph_context(session, wf) -> dict:
    me = principal()
    counts = workflow_progress.node_counts(session, me, wf.id)
    nodes = [
        {
            "id": str(n["id"]),
            "name": str(n.get("name") or n["id"]),
            "kind": n.get("kind") or "",
            "counts": counts.get(str(n["id"]), dict.fromkeys(workflow_progress.BUCKETS, 0)),
        }
        for n in (wf.graph or {}).get("nodes") or []
        if isinstance(n, dict) and n.get("id")
    ]
    return {
        "wf": wf,
        "layout": graphs.workflow_dag(wf.graph or {}, counts),
        "nodes": nodes,
        "buckets": workflow_progress.BUCKETS,
        "unstarted": workflow_progress.unstarted_tasks(session, wf.id),
    }


def workflow_page(workflow_id: int, status: int = 200, **extra):
    me = principal()
    fmt = _fmt()
    with db() as session:
        # The stream's cursor is read BEFORE the state it follows: reads here are not one
        # snapshot, and an event committed between the two reads would otherwise be both
        # missing from the page and skipped by the stream (the page would stay stale).
        after = last_event_id(session.connection(), me.org_id)
        wf = wf_domain.get_workflow(session, me, workflow_id)
        project = projects_domain.get_project(session, me, wf.project_id)
        ctx = _graph_context(session, wf)
        form = {
            "name": wf.name,
            "description": wf.description,
            "definition": definitions.dump(wf.fields, wf.graph, fmt),
            "format": fmt,
        }
        form.update(extra.pop("form", {}))
        inputs = extra.pop("inputs", None) or definitions.task_skeleton(wf.fields)
        return render(
            "workflows/show.html",
            status=status,
            project=project,
            form=form,
            actions=actions_for(wf.status),
            accepts_tasks=wf.status in wf_domain.ACCEPTS_TASKS,
            after=after,
            inputs=inputs,
            saved=request.args.get("saved"),
            reasons=extra.pop("reasons", []),
            action_reasons=extra.pop("action_reasons", []),
            task_reasons=extra.pop("task_reasons", []),
            **ctx,
            **extra,
        )


@bp.get("/workflows/<id64:workflow_id>")
@signed_in
def workflow(workflow_id: int):
    return workflow_page(workflow_id)


@bp.get("/workflows/<id64:workflow_id>/graph")
@signed_in
def workflow_graph(workflow_id: int):
    """The graph and its counts, re-fetched by the page on each live event."""
    with db() as session:
        wf = wf_domain.get_workflow(session, principal(), workflow_id)
        return render("workflows/_graph.html", **_graph_context(session, wf))


@bp.post("/workflows/<id64:workflow_id>/definition")
@signed_in
def workflow_save(workflow_id: int):
    me = principal()
    fmt = _fmt()
    form = {
        "name": request.form.get("name", ""),
        "description": request.form.get("description", ""),
        "definition": request.form.get("definition", ""),
        "format": fmt,
    }
    with db() as session:
        project_id = wf_domain.get_workflow(session, me, workflow_id).project_id
    reasons: list[tuple[str, str]] = []
    try:
        fields, graph = definitions.parse(form["definition"], fmt)
    except definitions.DefinitionError as exc:
        reasons = exc.reasons
    if not reasons:
        try:
            with db() as session:
                wf_domain.update_workflow(
                    session,
                    me,
                    project_id,
                    workflow_id,
                    form["name"],
                    form["description"],
                    fields,
                    graph,
                )
        except DomainError as exc:
            reasons = _all_reasons(exc, project_id, fields, graph)
    if reasons:
        return workflow_page(workflow_id, status=422, form=form, reasons=reasons)
    return redirect(url_for("ui.workflow", workflow_id=workflow_id, saved=1, format=fmt), code=303)


@bp.post("/workflows/<id64:workflow_id>/status")
@signed_in
def workflow_status(workflow_id: int):
    me = principal()
    action = ACTIONS.get(request.form.get("action", ""))
    if action is None:
        return workflow_page(workflow_id, status=400, action_reasons=[("action", "Unknown action")])
    try:
        with db() as session:
            project_id = wf_domain.get_workflow(session, me, workflow_id).project_id
            action(session, me, project_id, workflow_id)
    except DomainError as exc:
        if isinstance(exc, NotFound | Forbidden):
            raise
        return workflow_page(workflow_id, status=exc.status, action_reasons=reasons_of(exc))
    return redirect(url_for("ui.workflow", workflow_id=workflow_id), code=303)
