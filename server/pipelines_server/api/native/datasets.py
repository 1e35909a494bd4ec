"""The `datasets` tag: import from CSV/JSONL (preview, async import job, status, cancel),
list, get, content, export, analytics, charts; seeding a workflow's tasks from a dataset."""

from __future__ import annotations

import io
import json

from flask import Response

from ...domain import dataset_jobs, datasets, jobs
from ...runtime import current
from ...shared.errors import FieldError, ValidationFailed
from ...shared.timestamps import ts
from ...store.models import Dataset
from ...web import idempotency
from ...web.auth import caller_session
from . import shapes


def dataset(ds: Dataset) -> dict:
    return {
        "id": ds.id,
        "org_id": ds.org_id,
        "name": ds.name,
        "description": ds.description,
        "status": ds.status,
        "source_format": ds.source_format,
        "file_name": ds.file_name,
        "file_bytes": ds.file_bytes,
        "row_count": ds.row_count,
        "error_count": ds.error_count,
        "columns": [
            {"name": c["name"], "type": c["type"], "type_counts": c.get("type_counts", {})}
            for c in ds.columns or []
        ],
        "import_job_id": ds.import_job_id,
        "created_at": ts(ds.created_at),
        "updated_at": ts(ds.updated_at),
    }


def _file(file) -> tuple:
    if file is None or not hasattr(file, "stream"):
        raise ValidationFailed(
            "file is required", [FieldError("A file part is required", loc=("body", "file"))]
        )
    return file.stream, getattr(file, "filename", None) or "upload"


def _size(stream) -> int | None:
    try:
        position = stream.tell()
        stream.seek(0, io.SEEK_END)
        size = stream.tell()
        stream.seek(position)
        return size
    except (OSError, AttributeError, ValueError):
        return None


# --- import ---------------------------------------------------------------------------------


def preview_dataset_import(body: dict | None = None, file=None):
    stream, name = _file(file)
    with caller_session():  # the caller's key is checked; nothing is stored
        return datasets.preview(stream, name, _size(stream)), 200


def import_dataset(body: dict | None = None, file=None):
    form = body if isinstance(body, dict) else {}
    name, description, org_id = form.get("name"), form.get("description"), form.get("org_id")
    stream, file_name = _file(file)
    settings = current().settings
    path, size, digest, head = datasets.save_upload(stream, settings.data_dir)
    try:
        with caller_session() as (session, me):
            fingerprint = json.dumps(
                {"name": name, "description": description, "org_id": org_id, "file": digest}
            ).encode()
            with idempotency.guard(session, me, fingerprint) as once:
                if once.replay:
                    datasets.remove_file(path)
                    return once.replay
                ds, job = dataset_jobs.start_import(
                    session,
                    me,
                    name=name or "",
                    description=description or "",
                    path=str(path),
                    file_name=file_name,
                    size=size,
                    head=head,
                    org_id=org_id,
                )
                reply = {
                    "job_id": job.id,
                    "id": job.id,
                    "dataset_id": ds.id,
                    "status": job.status,
                    "dataset_status": ds.status,
                    "format": ds.source_format,
                    "columns": [c["name"] for c in ds.columns],
                    "total": job.total,
                }
                answer = once.answer(reply, 202)
                job_id = job.id
    except BaseException:
        datasets.remove_file(path)
        raise
    current().jobs.submit(job_id)
    return answer


def get_dataset_import_job(job_id: str):
    with caller_session() as (session, me):
        job = jobs.get(session, me, job_id, (dataset_jobs.IMPORT,), what="Import job")
        return dataset_jobs.import_view(session, job), 200


def cancel_dataset_import_job(job_id: str):
    with caller_session() as (session, me):
        job = jobs.get(session, me, job_id, (dataset_jobs.IMPORT,), what="Import job")
        dataset_jobs.cancel_import(session, job)
        return dataset_jobs.import_view(session, job), 200


# --- datasets -------------------------------------------------------------------------------


def list_datasets(
    page: int = 1, page_size: int = 50, search: str | None = None, status: str | None = None
):
    with caller_session() as (session, me):
        rows, total = datasets.list_datasets(
            session, me, shapes.offset(page, page_size), page_size, search, status
        )
        return shapes.page([dataset(d) for d in rows], total, page, page_size), 200


def get_dataset(dataset_id: int):
    with caller_session() as (session, me):
        return dataset(datasets.get_dataset(session, me, dataset_id)), 200


def get_dataset_content(dataset_id: int, page: int = 1, page_size: int = 50):
    with caller_session() as (session, me):
        ds = datasets.get_dataset(session, me, dataset_id)
        rows = datasets.rows_page(session, ds, shapes.offset(page, page_size), page_size)
        columns = datasets.column_names(ds)
        body = shapes.page(
            [
                {"row_index": r.row_index, "data": datasets.in_column_order(r.data, columns)}
                for r in rows
            ],
            ds.row_count,
            page,
            page_size,
        )
        body["columns"] = [c["name"] for c in ds.columns or []]
        body["dataset_id"] = ds.id
        return body, 200


def export_dataset(dataset_id: int, format: str = "csv"):  # noqa: A002 - the API's name
    with caller_session() as (session, me):
        plan = datasets.export_plan(session, me, dataset_id, format)
    return Response(
        datasets.export_chunks(current().db, plan),
        status=200,
        mimetype=plan.mime,
        headers={"Content-Disposition": f'attachment; filename="{plan.file_name}"'},
    )


# --- analytics and charts -------------------------------------------------------------------


def get_dataset_analytics(dataset_id: int):
    with caller_session() as (session, me):
        return datasets.analytics(session, me, dataset_id), 200


def get_chart_fields(dataset_id: int):
    with caller_session() as (session, me):
        return datasets.chart_fields(session, me, dataset_id), 200


def get_chart_field_values(
    dataset_id: int, field_id: str, limit: int = 50, search: str | None = None
):
    with caller_session() as (session, me):
        return (
            datasets.chart_field_values(session, me, dataset_id, field_id, limit, search),
            200,
        )


def chart_query(dataset_id: int, body: dict):
    with caller_session() as (session, me):
        return datasets.chart_query(session, me, dataset_id, body), 200


# --- seeding a workflow from a dataset ------------------------------------------------------


def seed_from_dataset(project_id: int, workflow_id: int, body: dict):
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        job = dataset_jobs.start_seed(session, me, project_id, workflow_id, body)
        reply = dataset_jobs.seed_view(job)
        answer = once.answer(reply, 202)
        job_id = job.id
    current().jobs.submit(job_id)
    return answer


def get_seed_status(project_id: int, workflow_id: int, job_id: str):
    with caller_session() as (session, me):
        job = dataset_jobs.get_seed_job(session, me, project_id, workflow_id, job_id)
        return dataset_jobs.seed_view(job), 200


# --- dataset evaluation runs ----------------------------------------------------------------


def get_dataset_eval_config(dataset_id: int):
    with caller_session() as (session, me):
        return shapes.jsonable(dataset_jobs.eval_config(session, me, dataset_id)), 200


def preview_dataset_eval(dataset_id: int, body: dict):
    with caller_session() as (session, me):
        plan = dataset_jobs.eval_preview(session, me, dataset_id, body, current().credential_key)
    # scored (model calls included) once the caller's transaction has ended
    return shapes.jsonable(dataset_jobs.score_preview(plan)), 200


def run_dataset_eval(dataset_id: int, body: dict):
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        job = dataset_jobs.start_eval(session, me, dataset_id, body)
        answer = once.answer(dataset_jobs.eval_view(session, job), 202)
        job_id = job.id
    current().jobs.submit(job_id)
    return answer


def get_dataset_eval_status(dataset_id: int, job_id: str, page: int = 1, page_size: int = 100):
    with caller_session() as (session, me):
        job = dataset_jobs.get_eval_job(session, me, dataset_id, job_id)
        view = dataset_jobs.eval_view(session, job, shapes.offset(page, page_size), page_size)
        return view, 200
