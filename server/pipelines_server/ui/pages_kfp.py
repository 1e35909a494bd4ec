"""Kubeflow Pipelines pages (/ui/kfp/...): experiments, pipelines and their versions (the
IR's DAG drawn), runs (their DAG coloured by task state and refreshed while the run goes on,
parameters, each task's log and artifacts, terminate and retry), recurring runs (enable,
disable).

Every page calls the KFP rules the v2beta1 handlers call (kfp/experiments.py, pipelines.py,
runs.py, recurring_runs.py, artifacts.py) with the viewer's Principal: a KFP object is the
viewer's when it belongs to their organization, and a namespace is one of its projects
(kfp/namespaces.py), so the lists show the organization's objects, optionally of one
namespace. The kfp SDK's links (`<host>/#/runs/details/<id>` ...) reach these pages through
`/` (static/landing.js)."""

from __future__ import annotations

import json
import re

from flask import Response, redirect, request, url_for
from sqlalchemy import select

from ..kfp import artifacts, experiments, recurring_runs, runs
from ..kfp import pipelines as kp
from ..kfp.namespaces import namespaces_of
from ..runtime import current
from ..shared.errors import BadRequest, NotFound
from ..store.models import KfpExperiment, KfpRun
from . import kfp_graph
from .core import bp, db, nav, render, signed_in, viewer
from .kfp_graph import NESTED, TERMINAL

PAGE_SIZE = 20

nav("ui.kfp_runs", "KFP runs", order=40)


def _me():
    return viewer().principal


@bp.app_template_filter("kfp_time")
def _kfp_time(value) -> str:
    """A record's RFC 3339 string (or a datetime) as the UI shows times."""
    dt = kfp_graph._dt(value)
    if dt is None:
        return "—"
    return dt.strftime("%Y-%m-%d %H:%M:%S UTC")


@bp.app_template_global("kfp_duration")
def _kfp_duration(start, end) -> str:
    return kfp_graph.duration(start, end)


def _predicate(key: str, operation: str, value: str) -> dict:
    return {"key": key, "operation": operation, "string_value": value}


def _filter_json(*predicates: dict) -> str | None:
    """A KFP list filter (the `filter` query of the v2beta1 API) of these predicates, ANDed."""
    return json.dumps({"predicates": list(predicates)}) if predicates else None


def _list_args(*extra: dict) -> dict:
    """A list rule's keywords from the page's query: the namespace, a name filter (and the
    `extra` predicates), the page."""
    name = request.args.get("q", "").strip()
    named = [_predicate("display_name", "IS_SUBSTRING", name)] if name else []
    return {
        "namespace": request.args.get("namespace", "").strip() or None,
        "filter_raw": _filter_json(*named, *extra),
        "sort_by": "created_at desc",
        "page_token": request.args.get("page_token") or None,
        "page_size": PAGE_SIZE,
    }


def _list_page(template: str, lister, experiments: bool = False, **extra):
    """A KFP list page: `lister(session)` -> (rows, total, next token), shown with the rows'
    namespaces (and their experiments' names), the filters and the next page's link."""
    with db() as session:
        rows, total, token = lister(session)
        names = namespaces_of(session, rows)
        exps = _experiment_names(session, rows) if experiments else None
    return render(
        template,
        rows=rows,
        total=total,
        namespaces=names,
        experiments=exps,
        next_url=_next_url(token),
        **{"filters": _filters(), **extra},
    )


# The query arguments a list page keeps from page to page (its filters); anything else in the
# query string is dropped (url_for would take `endpoint`, `_external`... as its own).
KEPT_ARGS = ("namespace", "q", "state", "version", "dag")


def _kept_args() -> dict:
    return {k: request.args[k] for k in KEPT_ARGS if request.args.get(k)}


def _next_url(token: str | None, **extra) -> str | None:
    if not token:
        return None
    args = {**_kept_args(), **extra}
    return url_for(request.endpoint, **(request.view_args or {}), **args, page_token=token)


@bp.app_template_global("kfp_first_url")
def _first_url() -> str:
    """This list's first page with its filters kept."""
    return url_for(request.endpoint, **(request.view_args or {}), **_kept_args())


def _filters() -> dict:
    return {"namespace": request.args.get("namespace", ""), "q": request.args.get("q", "")}


# -- experiments -----------------------------------------------------------------------------


@bp.get("/kfp/experiments")
@signed_in
def kfp_experiments():
    return _list_page(
        "kfp/experiments.html",
        lambda session: experiments.list_experiments(session, _me(), **_list_args()),
    )


@bp.get("/kfp/experiments/<experiment_id>")
@signed_in
def kfp_experiment(experiment_id: str):
    page = {
        "namespace": None,
        "filter_raw": None,
        "sort_by": "created_at desc",
        "page_token": request.args.get("page_token") or None,
        "page_size": PAGE_SIZE,
    }
    with db() as session:
        exp = experiments.get_experiment(session, _me(), experiment_id)
        run_rows, total, token = runs.list_runs(session, _me(), experiment_id=exp.id, **page)
        recurring, _n, _t = recurring_runs.list_recurring_runs(
            session, _me(), experiment_id=exp.id, **{**page, "page_token": None}
        )
        names = namespaces_of(session, [exp])
    return render(
        "kfp/experiment.html",
        exp=exp,
        namespace=names.get(exp.project_id, ""),
        runs=run_rows,
        total=total,
        recurring=recurring,
        next_url=_next_url(token),
    )


# -- pipelines -------------------------------------------------------------------------------


@bp.get("/kfp/pipelines")
@signed_in
def kfp_pipelines():
    return _list_page(
        "kfp/pipelines.html", lambda session: kp.list_pipelines(session, _me(), **_list_args())
    )


@bp.get("/kfp/pipelines/<pipeline_id>")
@signed_in
def kfp_pipeline(pipeline_id: str):
    version_id = request.args.get("version") or None
    component = request.args.get("dag") or None
    with db() as session:
        pipeline = kp.get_pipeline(session, _me(), pipeline_id)
        versions, total, token = kp.list_versions(
            session,
            _me(),
            pipeline.id,
            filter_raw=None,
            sort_by="created_at desc",
            page_token=request.args.get("page_token") or None,
            page_size=PAGE_SIZE,
        )
        version = None
        if version_id:
            version = kp.get_version(session, _me(), pipeline.id, version_id)
        elif versions:
            version = kp.latest_version(session, _me(), pipeline.id)
        ir = kp.spec_of(version) if version is not None else None
        names = namespaces_of(session, [pipeline])
    graph = None
    if ir is not None:
        if component and not kfp_graph.has_dag(ir, component):
            raise NotFound(f"The pipeline has no DAG component {component!r}")

        def href(key, task, _rec):
            ref = (task.get("componentRef") or {}).get("name")
            if kfp_graph.task_kind(ir, key, task) in NESTED and ref:
                return url_for(
                    "ui.kfp_pipeline", pipeline_id=pipeline_id, version=version.id, dag=ref
                )
            return None

        graph = kfp_graph.ir_graph(ir, component, href=href)
    return render(
        "kfp/pipeline.html",
        pipeline=pipeline,
        namespace=names.get(pipeline.project_id, ""),
        versions=versions,
        total=total,
        version=version,
        ir=ir,
        component=component,
        graph=graph,
        next_url=_next_url(token),
    )


# -- runs ------------------------------------------------------------------------------------


@bp.get("/kfp/runs")
@signed_in
def kfp_runs():
    state = request.args.get("state", "").strip().upper()
    args = _list_args(*([_predicate("state", "EQUALS", state)] if state else []))
    return _list_page(
        "kfp/runs.html",
        lambda session: runs.list_runs(session, _me(), experiment_id=None, **args),
        experiments=True,
        filters={**_filters(), "state": state},
        states=(*runs.UNFINISHED, *runs.FINISHED),
    )


def _experiment_names(session, rows) -> dict[str, str]:
    """Experiment id -> name for a page of the viewer's runs (one query)."""
    ids = {r.experiment_id for r in rows if r.experiment_id}
    if not ids:
        return {}
    found = select(KfpExperiment.id, KfpExperiment.display_name).where(
        KfpExperiment.id.in_(ids), KfpExperiment.org_id == _me().org_id
    )
    return dict(session.execute(found).all())


def _run_context(session, run: KfpRun) -> dict:
    """What the run page and its live fragment show."""
    records = list(run.task_details or [])
    ir = json.loads(run.pipeline_spec)
    root = kfp_graph.root_record(records)
    states = kfp_graph.by_label(kfp_graph.children(records, root["task_id"])) if root else {}

    def href(_key, _task, rec):
        if rec is None:
            return None
        return url_for("ui.kfp_task", run_id=run.id, task_id=rec["task_id"])

    graph = kfp_graph.ir_graph(ir, None, states=states, href=href)
    return {
        "run": run,
        "records": [r for r in records if r.get("kind") != "root"],
        "root": root,
        "graph": graph,
        "finished": run.state in TERMINAL,
    }


@bp.get("/kfp/runs/<run_id>")
@signed_in
def kfp_run(run_id: str):
    with db() as session:
        run = runs.get_run(session, _me(), run_id)
        ctx = _run_context(session, run)
        exp = pipeline = None
        if run.experiment_id:
            try:
                exp = experiments.get_experiment(session, _me(), run.experiment_id)
            except NotFound:
                exp = None  # deleted since: the run stays
        if run.pipeline_id:
            try:
                pipeline = kp.get_pipeline(session, _me(), run.pipeline_id)
            except NotFound:
                pipeline = None
        namespace = namespaces_of(session, [run]).get(run.project_id, "")
    return render(
        "kfp/run.html",
        exp=exp,
        pipeline=pipeline,
        namespace=namespace,
        parameters=(run.runtime_config or {}).get("parameters") or {},
        **ctx,
    )


@bp.get("/kfp/runs/<run_id>/live")
@signed_in
def kfp_run_live(run_id: str):
    with db() as session:
        run = runs.get_run(session, _me(), run_id)
        ctx = _run_context(session, run)
    return render("kfp/_run_live.html", **ctx)


@bp.post("/kfp/runs/<run_id>/terminate")
@signed_in
def kfp_run_terminate(run_id: str):
    with db() as session:
        runs.terminate_run(session, _me(), run_id)
    current().kfp.terminate_local(run_id)
    return redirect(url_for("ui.kfp_run", run_id=run_id), code=303)


@bp.post("/kfp/runs/<run_id>/retry")
@signed_in
def kfp_run_retry(run_id: str):
    with db() as session:
        runs.retry_run(session, _me(), run_id)
    current().kfp.wake()
    return redirect(url_for("ui.kfp_run", run_id=run_id), code=303)


# -- a run's tasks: their DAG (nested ones), log, artifacts -------------------------------------


# The log a task's page shows (its end); the whole log is a download.
LOG_SHOWN_BYTES = 256 * 1024


def _task_context(session, run_id: str, task_id: str, with_log: bool = True) -> dict:
    """A task's page; without the log for the fragment that does not show it."""
    run = runs.get_run(session, _me(), run_id)
    rec = artifacts.task_of(session, _me(), run_id, task_id)
    records = list(run.task_details or [])
    kids = kfp_graph.children(records, rec["task_id"])
    graph = None
    if rec.get("kind") in NESTED and rec.get("kind") != "loop":
        ir = json.loads(run.pipeline_spec)
        component = kfp_graph.component_of(ir, records, rec)
        if component is not None and kfp_graph.has_dag(ir, component):

            def href(_key, _task, child):
                if child is None:
                    return None
                return url_for("ui.kfp_task", run_id=run.id, task_id=child["task_id"])

            graph = kfp_graph.ir_graph(ir, component, states=kfp_graph.by_label(kids), href=href)
    log = None
    log_missing = None
    log_cut = False
    if with_log and rec.get("log_path"):
        try:
            path = artifacts.log_of(
                session, _me(), current().settings.pipeline_root, run_id, rec["task_id"]
            )
            data = artifacts.log_tail(path, run_id, rec["task_id"], LOG_SHOWN_BYTES + 1)
            log_cut = len(data) > LOG_SHOWN_BYTES
            log = data[-LOG_SHOWN_BYTES:].decode("utf-8", "replace")
        except NotFound as exc:
            log_missing = exc.message
    arts = [
        {**a, "name": name, "direction": direction}
        for direction, key in (("output", "output_artifacts"), ("input", "input_artifacts"))
        for name, items in (rec.get(key) or {}).items()
        for a in items
    ]
    parent = next((r for r in records if r["task_id"] == rec.get("parent_task_id")), None)
    return {
        "run": run,
        "task": rec,
        "parent": parent if parent and parent.get("kind") != "root" else None,
        "kids": kids,
        "graph": graph,
        "log": log,
        "log_cut": log_cut,
        "log_missing": log_missing,
        "artifacts": arts,
        "finished": run.state in TERMINAL,
        # The log stops changing when the task ends (or its run does).
        "log_done": rec.get("state") in TERMINAL or run.state in TERMINAL,
    }


@bp.get("/kfp/runs/<run_id>/tasks/<task_id>")
@signed_in
def kfp_task(run_id: str, task_id: str):
    with db() as session:
        ctx = _task_context(session, run_id, task_id)
    return render("kfp/task.html", **ctx)


@bp.get("/kfp/runs/<run_id>/tasks/<task_id>/live")
@signed_in
def kfp_task_live(run_id: str, task_id: str):
    with db() as session:
        ctx = _task_context(session, run_id, task_id, with_log=False)
    return render("kfp/_task_live.html", **ctx)


@bp.get("/kfp/runs/<run_id>/tasks/<task_id>/log-live")
@signed_in
def kfp_task_log_live(run_id: str, task_id: str):
    with db() as session:
        ctx = _task_context(session, run_id, task_id)
    return render("kfp/_task_log.html", **ctx)


def _artifact(run_id: str, task_id: str, name: str) -> tuple[dict, bytes, bool]:
    """The task record, the artifact's bytes (a folder as a tar.gz) and whether it is a
    folder: only of a run the viewer may see (the rules check the organization)."""
    import os

    with db() as session:
        rec = artifacts.task_of(session, _me(), run_id, task_id)
        path = artifacts.artifact_of(
            session, _me(), current().settings.pipeline_root, run_id, rec["task_id"], name
        )
    return rec, artifacts.artifact_bytes(path, name), os.path.isdir(path)


@bp.get("/kfp/runs/<run_id>/tasks/<task_id>/artifacts/<name>")
@signed_in
def kfp_artifact(run_id: str, task_id: str, name: str):
    rec, data, folder = _artifact(run_id, task_id, name)
    text = None if folder else kfp_graph.as_text(data)
    with db() as session:
        run = runs.get_run(session, _me(), run_id)
    return render(
        "kfp/artifact.html", run=run, task=rec, name=name, text=text, size=len(data), folder=folder
    )


_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def attachment(data: bytes, filename: str) -> Response:
    """Bytes a browser saves and never renders: an attachment, of an opaque type, nosniff."""
    safe = _UNSAFE_NAME.sub("_", filename).strip("._") or "download"
    resp = Response(data, mimetype="application/octet-stream")
    resp.headers["Content-Disposition"] = f'attachment; filename="{safe}"'
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp


@bp.get("/kfp/runs/<run_id>/tasks/<task_id>/artifacts/<name>/download")
@signed_in
def kfp_artifact_download(run_id: str, task_id: str, name: str):
    rec, data, folder = _artifact(run_id, task_id, name)
    return attachment(data, f"{rec['display_name']}-{name}" + (".tar.gz" if folder else ""))


@bp.get("/kfp/runs/<run_id>/tasks/<task_id>/log")
@signed_in
def kfp_log_download(run_id: str, task_id: str):
    with db() as session:
        rec = artifacts.task_of(session, _me(), run_id, task_id)
        path = artifacts.log_of(
            session, _me(), current().settings.pipeline_root, run_id, rec["task_id"]
        )
    data = artifacts.log_tail(path, run_id, rec["task_id"])
    return attachment(data, f"{rec['display_name']}.log")


# -- recurring runs --------------------------------------------------------------------------


def trigger_text(trigger: dict | None) -> str:
    """A recurring run's trigger in words: `cron 0 0 * * * *` or `every 3600 s`."""
    trigger = trigger or {}
    cron = trigger.get("cron_schedule") or {}
    if cron.get("cron"):
        return f"cron {cron['cron']}"
    periodic = trigger.get("periodic_schedule") or {}
    if periodic.get("interval_second"):
        return f"every {periodic['interval_second']} s"
    return "—"


@bp.app_template_global("kfp_trigger")
def _kfp_trigger(trigger) -> str:
    return trigger_text(trigger)


@bp.get("/kfp/recurring-runs")
@signed_in
def kfp_recurring_runs():
    return _list_page(
        "kfp/recurring_runs.html",
        lambda session: recurring_runs.list_recurring_runs(
            session, _me(), experiment_id=None, **_list_args()
        ),
        experiments=True,
    )


@bp.get("/kfp/recurring-runs/<recurring_run_id>")
@signed_in
def kfp_recurring_run(recurring_run_id: str):
    with db() as session:
        rec = recurring_runs.get_recurring_run(session, _me(), recurring_run_id)
        run_rows, total, token = runs.list_runs(
            session,
            _me(),
            experiment_id=None,
            namespace=None,
            filter_raw=_filter_json(_predicate("recurring_run_id", "EQUALS", rec.id)),
            sort_by="created_at desc",
            page_token=request.args.get("page_token") or None,
            page_size=PAGE_SIZE,
        )
        exp = None
        if rec.experiment_id:
            try:
                exp = experiments.get_experiment(session, _me(), rec.experiment_id)
            except NotFound:
                exp = None  # deleted since: the recurring run stays
        namespace = namespaces_of(session, [rec]).get(rec.project_id, "")
    return render(
        "kfp/recurring_run.html",
        rec=rec,
        exp=exp,
        namespace=namespace,
        runs=run_rows,
        total=total,
        parameters=(rec.runtime_config or {}).get("parameters") or {},
        next_url=_next_url(token),
    )


@bp.post("/kfp/recurring-runs/<recurring_run_id>/<action>")
@signed_in
def kfp_recurring_mode(recurring_run_id: str, action: str):
    if action not in ("enable", "disable"):
        raise BadRequest("The action is enable or disable")
    with db() as session:
        recurring_runs.set_recurring_mode(session, _me(), recurring_run_id, action == "enable")
    if action == "enable":
        current().kfp.wake()
    return redirect(url_for("ui.kfp_recurring_run", recurring_run_id=recurring_run_id), code=303)
