"""Tasks in and out of a workflow: create-tasks (sync and as a job), exports (streamed and
as a job), creation mode and status summary."""

from __future__ import annotations

from connexion import request
from flask import Response
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from ...domain import jobs, task_jobs, tasks
from ...runtime import current
from ...shared.errors import PayloadTooLarge
from ...web import idempotency
from ...web.auth import caller_session
from . import shapes


def create_tasks(project_id: int, workflow_id: int, body: dict):
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        result = tasks.create_tasks(session, me, workflow_id, body["tasks"], project_id)
        reply = once.answer(result.summary(), 200)
    current().engine.tasks_created()
    return reply


def _create_status(job) -> dict:
    return {**jobs.view(job), **task_jobs.counts(job.result)}


def create_tasks_async(project_id: int, workflow_id: int, body: dict):
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        job = task_jobs.start_create(session, me, project_id, workflow_id, body["tasks"])
        reply = once.answer(_create_status(job), 202)
        job_id = job.id
    current().jobs.submit(job_id)
    return reply


def get_create_tasks_status(project_id: int, workflow_id: int, job_id: str):
    with caller_session() as (session, me):
        job = task_jobs.get_job(session, me, project_id, workflow_id, job_id, task_jobs.CREATE)
        return _create_status(job), 200


def cancel_create_tasks(project_id: int, workflow_id: int, job_id: str):
    with caller_session() as (session, me):
        job = task_jobs.get_job(session, me, project_id, workflow_id, job_id, task_jobs.CREATE)
        jobs.request_cancel(session, job)
        return _create_status(job), 200


# --- exports ------------------------------------------------------------------------------

STREAM_TYPES = ("text/csv", "application/x-ndjson", "application/jsonl", "text/plain")


def _wants_json() -> bool:
    """JSON callers (the pipelines-sdk sends `Accept: application/json`) get the export as
    one JSON body; anyone accepting CSV/NDJSON as much, anything (`*/*`), or not saying gets
    the stream."""
    raw = request.headers.get("accept")
    if not raw:
        return False
    accept = parse_accept_header(raw, MIMEAccept)
    return accept["application/json"] > max(accept[t] for t in STREAM_TYPES)


def _plan(session, me, project_id: int, workflow_id: int, body: dict):
    return task_jobs.plan_export(
        session,
        me,
        project_id,
        workflow_id,
        body.get("format", "csv"),
        body.get("status"),
        body.get("include"),
    )


def export_tasks(project_id: int, workflow_id: int, body: dict):
    body = body or {}
    with caller_session() as (session, me):
        plan = _plan(session, me, project_id, workflow_id, body)
        as_json = _wants_json()
        if as_json:
            count = task_jobs.count_export(session, plan)
            cap = current().settings.export_inline_max_rows
            if count > cap:
                raise PayloadTooLarge(
                    f"The export has {count} tasks, more than the {cap} a JSON reply carries: "
                    "ask for text/csv or application/jsonl (Accept header) to stream it, or "
                    "use POST .../export-tasks-async"
                )
    db = current().db
    filename = f"workflow-{plan.workflow_id}-tasks.{plan.fmt}"
    if as_json:
        content = b"".join(task_jobs.stream_export(db, plan)).decode()
        reply = {"format": plan.fmt, "row_count": count, "filename": filename, "content": content}
        return reply, 200, {"Content-Type": "application/json"}
    return Response(
        task_jobs.stream_export(db, plan),
        status=200,
        mimetype=task_jobs.MEDIA_TYPES[plan.fmt].split(";")[0],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _export_status(job, project_id: int, workflow_id: int) -> dict:
    view = jobs.view(job)
    result = job.result or {}
    download = None
    if job.status == jobs.COMPLETED:
        download = (
            f"/api/projects/{project_id}/workflows/{workflow_id}"
            f"/export-tasks-status/{job.id}/download"
        )
    return {
        **view,
        "format": (job.params or {}).get("format", "csv"),
        "row_count": int(result.get("row_count", 0)),
        "bytes": int(result.get("bytes", 0)),
        "download_url": download,
    }


def export_tasks_async(project_id: int, workflow_id: int, body: dict):
    body = body or {}
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        plan = _plan(session, me, project_id, workflow_id, body)
        job = task_jobs.start_export(session, me, project_id, plan)
        reply = once.answer(_export_status(job, project_id, workflow_id), 202)
        job_id = job.id
    current().jobs.submit(job_id)
    return reply


def get_export_status(project_id: int, workflow_id: int, job_id: str):
    with caller_session() as (session, me):
        job = task_jobs.get_job(session, me, project_id, workflow_id, job_id, task_jobs.EXPORT)
        return _export_status(job, project_id, workflow_id), 200


def download_export(project_id: int, workflow_id: int, job_id: str):
    with caller_session() as (session, me):
        job = task_jobs.get_job(session, me, project_id, workflow_id, job_id, task_jobs.EXPORT)
        path = task_jobs.export_file(current().settings, job)
        fmt = (job.params or {}).get("format", "csv")
    return Response(
        task_jobs.read_file(path),
        status=200,
        mimetype=task_jobs.MEDIA_TYPES[fmt].split(";")[0],
        headers={
            "Content-Disposition": f'attachment; filename="workflow-{workflow_id}-tasks.{fmt}"',
            "Content-Length": str(path.stat().st_size),
        },
    )


# --- about a workflow ---------------------------------------------------------------------


def get_creation_mode(project_id: int, workflow_id: int):
    with caller_session() as (session, me):
        return task_jobs.creation_mode(session, me, project_id, workflow_id), 200


def get_status_summary(project_id: int, workflow_id: int):
    with caller_session() as (session, me):
        summary = task_jobs.status_summary(session, me, project_id, workflow_id)
    return shapes.jsonable(summary), 200
