"""Tasks in and out through the native API: creating tasks from JSON rows as a durable job
(`create_tasks`), exporting a workflow's tasks as CSV or JSONL (streamed, or as a durable
job `export_tasks` writing a file), and what a caller needs to know before creating tasks
(creation mode) or while they run (status summary).

Both jobs work in steps of `Settings.job_step_rows` rows (PIPELINES_JOB_STEP_ROWS, 500): each
step is one transaction that does its slice and records progress and the checkpoint with it,
so a run killed at any point resumes where the last commit left it, with nothing done twice.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..shared.errors import NotFound, ValidationFailed
from ..shared.principal import Principal
from ..shared.timestamps import ts
from ..store.models import Job, NodeInstance, Task, Workflow
from . import fields as fieldschema
from . import jobs
from . import tasks as taskrows
from .workflows import ACCEPTS_TASKS, get_workflow

CREATE, EXPORT = "create_tasks", "export_tasks"
MAX_STORED_ERRORS = 1_000  # errors kept in a create job's result (all are counted)
MAX_STORED_IDS = 10_000  # task ids kept in a create job's result
DEFAULT_STEP_ROWS = 500
FORMATS = ("csv", "jsonl")
# JSONL as application/jsonl: a type ending in "json" (x-ndjson) would be parsed as one JSON
# document by the response validator of the test servers.
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/jsonl"}
INCLUDES = ("fields", "output", "error")
DEFAULT_INCLUDE = ("fields", "output")
EXPORT_STATUSES = (*taskrows.TASK_STATUSES, "cancelled")


def step_rows(settings) -> int:
    return max(1, int(getattr(settings, "job_step_rows", DEFAULT_STEP_ROWS) or DEFAULT_STEP_ROWS))


def counts(result: dict | None) -> dict:
    """The batch reply's fields from a create job's result."""
    result = result or {}
    return {
        "success_count": int(result.get("success_count", 0)),
        "error_count": int(result.get("error_count", 0)),
        "errors": list(result.get("errors", [])),
        "task_ids": list(result.get("task_ids", [])),
    }


# --- create-tasks as a job -------------------------------------------------------------


def start_create(
    session: Session, principal: Principal, project_id: int, workflow_id: int, rows: list
) -> Job:
    """A queued `create_tasks` job for `rows` (each `{"fields": {...}}`); the workflow must
    accept tasks now (it is checked again by every step)."""
    wf = get_workflow(session, principal, workflow_id, project_id)
    taskrows.check_creatable(wf)
    if not rows:
        raise ValidationFailed("tasks: send at least one task")
    return jobs.create(
        session,
        principal,
        CREATE,
        {"project_id": project_id, "workflow_id": wf.id, "tasks": rows},
        total=len(rows),
        workflow_id=wf.id,
        result=counts(None),
    )


@jobs.handler(CREATE)
def run_create(ctx: jobs.JobContext) -> str:
    rows = ctx.params.get("tasks") or []
    ctx.total = len(rows)
    size = step_rows(ctx.settings)
    while (start := int(ctx.checkpoint.get("next", 0))) < len(rows):
        end = min(len(rows), start + size)
        with ctx.step() as session:
            # A workflow that stopped accepting tasks fails the job with the reason
            # (jobs.run turns any domain refusal into the job's error).
            wf = get_workflow(session, ctx.principal(session), ctx.params["workflow_id"])
            taskrows.check_creatable(wf)
            valid, batch = taskrows.validate_rows(wf, rows[start:end], start)
            ids = taskrows.insert_tasks(session, wf, valid, created_by=ctx.created_by_id)
            r = counts(ctx.result)
            # New lists, never mutated in place: a step that rolls back restores the old ones.
            ctx.result = {
                "success_count": r["success_count"] + len(ids),
                "error_count": r["error_count"] + batch.error_count,
                "errors": (r["errors"] + taskrows.row_errors(batch.errors))[:MAX_STORED_ERRORS],
                "task_ids": (r["task_ids"] + ids)[:MAX_STORED_IDS],
            }
            ctx.done = end
            ctx.checkpoint = {"next": end}
    r = counts(ctx.result)
    if r["success_count"] == 0 and r["error_count"] > 0:
        raise jobs.JobFailed("Every task failed validation")
    return jobs.PARTIAL if r["error_count"] else jobs.COMPLETED


def get_job(
    session: Session, principal: Principal, project_id: int, workflow_id: int, job_id: str, kind
) -> Job:
    """A job of `kind` about this workflow of this project, in the caller's organization."""
    wf = get_workflow(session, principal, workflow_id, project_id)
    what = "Create-tasks job" if kind == CREATE else "Export job"
    return jobs.get(session, principal, job_id, (kind,), workflow_id=wf.id, what=what)


# --- export -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportPlan:
    """What to export: the workflow's tasks with id up to `max_id` (those that existed when
    the export began), optionally of one status, in `fmt`, with the `include`d columns."""

    workflow_id: int
    fmt: str
    status: str | None
    include: tuple[str, ...]
    field_names: tuple[str, ...]
    max_id: int

    def to_params(self) -> dict:
        return {
            "workflow_id": self.workflow_id,
            "format": self.fmt,
            "status": self.status,
            "include": list(self.include),
            "field_names": list(self.field_names),
            "max_id": self.max_id,
        }

    @classmethod
    def from_params(cls, p: dict) -> ExportPlan:
        return cls(
            p["workflow_id"],
            p["format"],
            p.get("status"),
            tuple(p.get("include") or DEFAULT_INCLUDE),
            tuple(p.get("field_names") or ()),
            int(p.get("max_id") or 0),
        )

    def where(self, after_id: int = 0):
        where = [Task.workflow_id == self.workflow_id, Task.id > after_id, Task.id <= self.max_id]
        if self.status is not None:
            where.append(Task.status == self.status)
        return where


def plan_export(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    fmt: str = "csv",
    status: str | None = None,
    include: list[str] | None = None,
) -> ExportPlan:
    wf = get_workflow(session, principal, workflow_id, project_id)
    if fmt not in FORMATS:
        raise ValidationFailed(f"format must be one of {', '.join(FORMATS)}")
    if status is not None and status not in EXPORT_STATUSES:
        raise ValidationFailed(f"status must be one of {', '.join(EXPORT_STATUSES)}")
    chosen = tuple(include) if include is not None else DEFAULT_INCLUDE
    unknown = [c for c in chosen if c not in INCLUDES]
    if unknown:
        raise ValidationFailed(f"include: unknown column group(s) {', '.join(unknown)}")
    max_id = session.scalar(select(func.max(Task.id)).where(Task.workflow_id == wf.id)) or 0
    names = tuple(f["name"] for f in fieldschema.normalize_schema(wf.fields or []))
    return ExportPlan(wf.id, fmt, status, tuple(dict.fromkeys(chosen)), names, max_id)


def count_export(session: Session, plan: ExportPlan) -> int:
    return session.scalar(select(func.count()).select_from(Task).where(*plan.where()))


_EXPORT_COLUMNS = (Task.id, Task.status, Task.created_at, Task.finished_at, Task.fields)


def export_chunk(session: Session, plan: ExportPlan, after_id: int, limit: int) -> list:
    """The next `limit` tasks after `after_id`, by id (a keyset cursor: no offsets)."""
    columns = list(_EXPORT_COLUMNS)
    if "output" in plan.include:
        columns.append(Task.output)
    if "error" in plan.include:
        columns.append(Task.error)
    query = select(*columns).where(*plan.where(after_id)).order_by(Task.id).limit(limit)
    return list(session.execute(query))


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list | bool):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def header(plan: ExportPlan) -> bytes:
    if plan.fmt != "csv":
        return b""
    columns = ["id", "status", "created_at", "finished_at"]
    if "fields" in plan.include:
        columns += list(plan.field_names)
    columns += [c for c in ("output", "error") if c in plan.include]
    buf = io.StringIO()
    csv.writer(buf).writerow(columns)
    return buf.getvalue().encode()


def encode(plan: ExportPlan, rows: list) -> bytes:
    """CSV: one row per task, one column per input field, output as JSON text. JSONL: one
    object per line: id, status, created_at, finished_at, fields, output, error."""
    if plan.fmt == "jsonl":
        lines = []
        for r in rows:
            item = {
                "id": r.id,
                "status": r.status,
                "created_at": ts(r.created_at),
                "finished_at": ts(r.finished_at),
            }
            if "fields" in plan.include:
                item["fields"] = r.fields or {}
            for c in ("output", "error"):
                if c in plan.include:
                    item[c] = getattr(r, c)
            lines.append(json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n")
        return "".join(lines).encode()
    buf = io.StringIO()
    writer = csv.writer(buf)
    for r in rows:
        line = [r.id, r.status, ts(r.created_at) or "", ts(r.finished_at) or ""]
        if "fields" in plan.include:
            values = r.fields or {}
            line += [_cell(values.get(name)) for name in plan.field_names]
        line += [_cell(getattr(r, c)) for c in ("output", "error") if c in plan.include]
        writer.writerow(line)
    return buf.getvalue().encode()


def stream_export(db, plan: ExportPlan, chunk: int = DEFAULT_STEP_ROWS) -> Iterator[bytes]:
    """The export, chunk by chunk, each read in its own short transaction: memory stays
    bounded by one chunk whatever the number of tasks."""
    first = header(plan)
    if first:
        yield first
    after = 0
    while True:
        with db.session() as session:
            rows = export_chunk(session, plan, after, chunk)
        if not rows:
            return
        yield encode(plan, rows)
        after = rows[-1].id


def start_export(session: Session, principal: Principal, project_id: int, plan: ExportPlan) -> Job:
    params = {**plan.to_params(), "project_id": project_id}
    return jobs.create(
        session,
        principal,
        EXPORT,
        params,
        total=count_export(session, plan),
        workflow_id=plan.workflow_id,
        result={"format": plan.fmt, "row_count": 0, "bytes": 0},
    )


def export_path(data_dir, job_id: str, fmt: str) -> Path:
    return Path(data_dir) / "exports" / f"{job_id}.{fmt}"


def _append(path: Path, size: int, data: bytes) -> int:
    """Cuts the file back to `size` (what the last committed step wrote: a killed run may
    have written more), appends `data`, syncs; returns the new size."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        os.ftruncate(fd, size)
        os.lseek(fd, size, os.SEEK_SET)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    return size + len(data)


@jobs.handler(EXPORT)
def run_export(ctx: jobs.JobContext) -> str:
    plan = ExportPlan.from_params(ctx.params)
    path = export_path(ctx.settings.data_dir, ctx.job_id, plan.fmt)
    size = step_rows(ctx.settings)
    while True:
        with ctx.step() as session:
            after = int(ctx.checkpoint.get("last_id", 0))
            written = int(ctx.checkpoint.get("bytes", 0))
            rows = export_chunk(session, plan, after, size)
            data = encode(plan, rows)
            if written == 0:
                data = header(plan) + data
            written = _append(path, written, data) if data or written == 0 else written
            if rows:
                ctx.done += len(rows)
                after = rows[-1].id
            ctx.checkpoint = {"last_id": after, "bytes": written}
            ctx.result = {"format": plan.fmt, "row_count": ctx.done, "bytes": written}
            if not rows:
                ctx.total = ctx.done
                break
    return jobs.COMPLETED


def export_file(settings, job: Job) -> Path:
    """The finished export's file."""
    path = export_path(settings.data_dir, job.id, (job.params or {}).get("format", "csv"))
    if job.status != jobs.COMPLETED or not path.exists():
        raise NotFound("The export is not ready: download it once its status is completed")
    return path


def read_file(path: Path, chunk: int = 64 * 1024) -> Iterator[bytes]:
    with path.open("rb") as fh:
        while data := fh.read(chunk):
            yield data


# --- what a caller needs to know about a workflow ------------------------------------------


def creation_mode(session: Session, principal: Principal, project_id: int, workflow_id: int):
    wf = get_workflow(session, principal, workflow_id, project_id)
    schema = fieldschema.normalize_schema(wf.fields or [])
    files = fieldschema.file_fields(wf.fields)
    accepts = wf.status in ACCEPTS_TASKS
    reason = None
    if not accepts:
        reason = f"Workflow is {wf.status}: it must be ACTIVE or PAUSED to create tasks"
    base = f"/api/projects/{project_id}/workflows/{wf.id}"
    if files:
        mode = "zip_upload"
        endpoints = {"zip_upload": f"/api/v1/workflows/{wf.id}/tasks/upload"}
        if accepts:
            reason = (
                "This workflow has file upload fields ("
                + ", ".join(f["name"] for f in files)
                + "): create its tasks with the ZIP upload flow"
            )
    else:
        mode = "json"
        endpoints = {
            "create_tasks": f"{base}/create-tasks",
            "create_tasks_async": f"{base}/seeded-data/create-tasks-async",
        }
    return {
        "workflow_id": wf.id,
        "project_id": project_id,
        "workflow_status": wf.status,
        "mode": mode,
        "accepts_tasks": accepts,
        "reason": reason,
        "max_batch": taskrows.MAX_BATCH,
        "fields": schema,
        "file_fields": [f["name"] for f in files],
        "endpoints": endpoints,
        "example": {"tasks": [{"fields": example_fields(schema)}]} if not files else None,
    }


EXAMPLE_VALUES = {
    "boolean": True,
    "numeric": 1,
    "rating": 1,
    "datetime": "2026-01-01T00:00:00Z",
}


def example_fields(schema: list[dict]) -> dict:
    """One valid row for the schema (what `create-tasks` accepts)."""
    out = {}
    for f in schema:
        if f["type"] == "select":
            out[f["name"]] = (f.get("options") or [""])[0]
        else:
            out[f["name"]] = EXAMPLE_VALUES.get(f["type"], f"example {f['name']}")
    return out


def status_summary(session: Session, principal: Principal, project_id: int, workflow_id: int):
    wf: Workflow = get_workflow(session, principal, workflow_id, project_id)
    by_task = dict.fromkeys(EXPORT_STATUSES, 0)
    for status, n in session.execute(
        select(Task.status, func.count()).where(Task.workflow_id == wf.id).group_by(Task.status)
    ):
        by_task[status] = by_task.get(status, 0) + n
    by_node: dict[str, int] = {}
    for status, n in session.execute(
        select(NodeInstance.status, func.count())
        .where(NodeInstance.workflow_id == wf.id)
        .group_by(NodeInstance.status)
    ):
        by_node[status] = n
    last = session.scalar(select(func.max(Task.updated_at)).where(Task.workflow_id == wf.id))
    total = sum(by_task.values())
    return {
        "workflow_id": wf.id,
        "project_id": project_id,
        "workflow_status": wf.status,
        "total_tasks": total,
        "tasks_by_status": by_task,
        "finished_tasks": by_task.get("finished", 0),
        "failed_tasks": by_task.get("failed", 0),
        "open_tasks": sum(
            by_task.get(s, 0) for s in ("pending", "in_progress", "paused", "escalated")
        ),
        "total_nodes": sum(by_node.values()),
        "nodes_by_status": by_node,
        "last_activity_at": last,
    }
