"""Experiments and datasets.

Experiments (domain/experiments.py): a project's experiments, and an experiment's page with
each variant's copy of the workflow and its tasks counted by state (refreshed every few
seconds while it runs). Datasets (domain/datasets.py): the list, and a dataset's page with its
columns, its rows a page at a time, and a bar chart of one column (ui/charts.py): a numeric
column as a histogram, any other as its most frequent values."""

from __future__ import annotations

from flask import request

from ..domain import datasets as data
from ..domain import experiments as xp
from ..domain import projects
from ..shared.errors import NotFound
from . import charts, paged, params
from .core import bp, db, nav, render, signed_in, viewer

nav("ui.experiments", "Experiments", order=60)
nav("ui.datasets", "Datasets", order=65)

PAGE_SIZE = 25
ROWS_PAGE = 25
PROJECT_CHOICES = 200  # projects offered in the experiments page's project selector
TOP_BARS = 15  # values a text column's chart shows
HISTOGRAM_BINS = 12
CELL_CHARS = 200
ENDED = ("completed", "cancelled", "failed")
JOB_LABELS = {
    "queued": "waiting to start",
    "running": "creating tasks",
    "completed": "tasks created",
    "completed_with_partial_results": "tasks partly created",
    "failed": "failed",
    "cancelled": "cancelled",
}


# -- experiments -----------------------------------------------------------------------------


def _project_arg() -> int | None:
    return params.int_arg("project")


@bp.get("/experiments")
@signed_in
def experiments():
    me = viewer().principal
    page = paged.requested(PAGE_SIZE)
    with db() as session:
        choices, _n = projects.list_projects(session, me, 0, PROJECT_CHOICES)
        project_id = _project_arg()
        if project_id is None and choices:
            project_id = choices[0].id
        project = projects.get_project(session, me, project_id) if project_id else None
        rows, total = (
            xp.list_for_project(session, me, project.id, page.offset, page.size)
            if project
            else ([], 0)
        )
        items = [
            {
                "id": job.id,
                "name": (job.params or {}).get("name") or job.id,
                "workflow_id": job.workflow_id,
                "workflow_name": (job.params or {}).get("source_name"),
                "variants": len((job.params or {}).get("variants") or []),
                "count": (job.params or {}).get("count"),
                "done": job.done,
                "total": job.total,
                "job_status": job.status,
                "job_label": JOB_LABELS.get(job.status, job.status),
                "created_at": job.created_at,
            }
            for job in rows
        ]
        project_view = {"id": project.id, "name": project.name} if project else None
        options = [{"id": p.id, "name": p.name} for p in choices]
    return render(
        "data/experiments.html",
        project=project_view,
        projects=options,
        experiments=items,
        paged=page.with_total(total),
    )


def _experiment_view(project_id: int, workflow_id: int, experiment_id: str) -> dict:
    with db() as session:
        job = xp.get(session, viewer().principal, project_id, workflow_id, experiment_id)
        view = xp.view(session, job)
        view["started"] = job.created_at
        view["workflow_name"] = (job.params or {}).get("source_name")
    for v in view["variants"]:
        ended = v["tasks_finished"] + v["tasks_failed"] + v["tasks_cancelled"]
        v["ended"] = ended
        v["shown_ids"] = v["task_ids"][:20]
    view["live"] = view["status"] not in ENDED
    return view


@bp.get("/experiments/<id64:project_id>/<id64:workflow_id>/<experiment_id>")
@signed_in
def experiment(project_id: int, workflow_id: int, experiment_id: str):
    view = _experiment_view(project_id, workflow_id, experiment_id)
    return render("data/experiment.html", x=view, project_id=project_id)


@bp.get("/experiments/<id64:project_id>/<id64:workflow_id>/<experiment_id>/variants")
@signed_in
def experiment_variants(project_id: int, workflow_id: int, experiment_id: str):
    """The variants table alone (what the page re-fetches while the experiment runs)."""
    view = _experiment_view(project_id, workflow_id, experiment_id)
    return render("data/_variants.html", x=view, project_id=project_id)


# -- datasets --------------------------------------------------------------------------------


@bp.get("/datasets")
@signed_in
def datasets():
    page = paged.requested(PAGE_SIZE)
    search = (request.args.get("q") or "").strip()[:200]
    with db() as session:
        rows, total = data.list_datasets(
            session, viewer().principal, page.offset, page.size, search or None
        )
        items = [
            {
                "id": d.id,
                "name": d.name,
                "description": d.description,
                "status": d.status,
                "rows": d.row_count,
                "columns": len(d.columns or []),
                "format": d.source_format,
                "created_at": d.created_at,
            }
            for d in rows
        ]
    return render("data/datasets.html", datasets=items, paged=page.with_total(total), q=search)


def _label(value) -> str:
    return "(empty)" if value is None else data.cell_text(value)


def _chart(session, ds, column: str) -> dict:
    """A column's chart: a histogram of a numeric column, else its most frequent values."""
    me = viewer().principal
    col_type = data.column_types(ds).get(column)
    if col_type in data.MEASURE_TYPES:
        values = data.chart_field_values(session, me, ds.id, column, data.VALUES_CAP)
        hist = charts.histogram(
            ((item["value"], item["count"]) for item in values["items"]), HISTOGRAM_BINS
        )
        return {
            "kind": "histogram",
            "chart": charts.bar_chart(hist.bars),
            "caption": f"Rows by value of {column} ({hist.numeric} numbers"
            + (f"; {hist.skipped} empty or not numbers" if hist.skipped else "")
            + ")",
            "approximate": values["capped"],
        }
    values = data.chart_field_values(session, me, ds.id, column, TOP_BARS)
    bars = [charts.Bar(_label(item["value"]), item["count"]) for item in values["items"]]
    more = values["total"] - len(bars)
    return {
        "kind": "values",
        "chart": charts.bar_chart(bars),
        "caption": f"Rows per value of {column}"
        + (f" (the {len(bars)} most frequent; {more} other values not shown)" if more > 0 else ""),
        "approximate": values["capped"],
    }


@bp.get("/datasets/<id64:dataset_id>")
@signed_in
def dataset(dataset_id: int):
    page = paged.requested(ROWS_PAGE)
    with db() as session:
        ds = data.get_dataset(session, viewer().principal, dataset_id)
        columns = data.column_names(ds)
        rows = data.rows_page(session, ds, page.offset, page.size)
        table = [
            {
                "index": r.row_index,
                "cells": [_cell(r.data.get(c)) for c in columns],
            }
            for r in rows
        ]
        chartable = [c["name"] for c in ds.columns or [] if c["type"] not in ("json", "null")]
        # A chart reads every row of the dataset: drawn when asked for (?chart=column), so
        # opening the dataset and paging its rows stays a page-sized read.
        column = request.args.get("chart") or None
        if column is not None and column not in chartable:
            raise NotFound(f"No column {column!r} to chart in this dataset")
        chart = _chart(session, ds, column) if column else None
        facts = {
            "id": ds.id,
            "name": ds.name,
            "description": ds.description,
            "status": ds.status,
            "rows": ds.row_count,
            "errors": ds.error_count,
            "format": ds.source_format,
            "file_name": ds.file_name,
            "file_bytes": ds.file_bytes,
            "created_at": ds.created_at,
            "columns": [{"name": c["name"], "type": c["type"]} for c in ds.columns or []],
        }
    return render(
        "data/dataset.html",
        ds=facts,
        column_names=columns,
        rows=table,
        paged=page.with_total(facts["rows"]),
        chartable=chartable,
        chart_column=column,
        chart=chart,
    )


def _cell(value) -> str:
    text = data.cell_text(value)
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "…"
