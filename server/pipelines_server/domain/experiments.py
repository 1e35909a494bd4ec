"""Experiments: a workflow run as several variants, each in its own copy of the workflow with
its config swaps applied (domain/config_swaps.py); the source workflow is never changed.

`launch` checks the whole request before anything is created (unknown nodeId or fieldId,
unknown library prompt or evaluation version: 422; a model or evaluation the caller may not
use: 403) and creates one job of kind `experiment`. Its params hold each variant's graph with
the overrides applied, as they were at launch. The job, per variant in order: creates the
copy (ACTIVE, in the source's project, named "<workflow> · <experiment> · <variant>") and
then its `count` tasks, SLICE at a time. Each step records in its own commit the copy's id
(in `result`) and how far it got (`checkpoint`: variant index and rows done), so a run
killed at any point goes on without a second copy or a duplicate task.

Task inputs: the request's `tasks` rows (`[{"fields": {...}}]`), cycled until each variant
has `count` tasks (row k of a variant is rows[k % len(rows)]); without `tasks`, every task
gets empty fields (which the workflow must accept: no required input field).

The experiment's status is read live: `completed` only once every task of every copy has
ended (finished, failed or cancelled); `cancelled` after cancel, which stops the job and
cancels the copies' unfinished tasks.
"""

from __future__ import annotations

import copy as _copy
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..engine import task_control
from ..engine.state_machine import EngineConflict
from ..shared.errors import Conflict, DomainError, FieldError, NotFound, ValidationFailed
from ..shared.principal import Principal
from ..store.models import Job, Project, Task, Workflow
from . import config_swaps, jobs, library, library_refs, models, projects, workflows
from . import fields as fieldschema
from .tasks import MAX_BATCH, insert_tasks

KIND = "experiment"
MAX_COUNT = 10_000
MAX_VARIANTS = 20
SLICE = 500  # tasks created per step (one transaction)
ENDED = ("finished", "failed", "cancelled")


# --- launching -------------------------------------------------------------------------

# A variant's status lists at most this many task ids (all are counted); the rest are in
# the copy's workflow (GET .../workflows/{copy}/... or an export).
MAX_LISTED = 1000


def _fail(message: str, loc: tuple) -> ValidationFailed:
    return ValidationFailed(message, [FieldError(message, loc=loc)])


def _rows(body: dict, wf: Workflow) -> list[dict]:
    raw = body.get("tasks")
    if raw is None:
        rows = [{}]
        errors = fieldschema.validate_row(wf.fields, {}, 0)
        if errors:
            raise ValidationFailed(
                "tasks: this workflow has required input fields; send the experiment's task "
                'inputs as tasks: [{"fields": {...}}]',
                [FieldError(e.message, loc=("body", "tasks")) for e in errors],
            )
        return rows
    if not isinstance(raw, list) or not 1 <= len(raw) <= MAX_BATCH:
        raise _fail(f"tasks: send between 1 and {MAX_BATCH} rows", ("body", "tasks"))
    rows, errors = [], []
    for i, task in enumerate(raw):
        values = task.get("fields") if isinstance(task, dict) else None
        if not isinstance(values, dict):
            errors.append(
                FieldError("fields must be an object", loc=("body", "tasks", i, "fields"))
            )
            continue
        for e in fieldschema.validate_row(wf.fields, values, i):
            errors.append(FieldError(e.message, loc=("body", "tasks", i, "fields", e.field_name)))
        rows.append(values)
    if errors:
        raise ValidationFailed("; ".join(e.message for e in errors), errors)
    return rows


def _resolve(session: Session, me: Principal, overrides: list, loc: tuple) -> list[FieldError]:
    """Library prompt and evaluation versions must exist (else 422); a model slug or an
    evaluation the caller may not use raises Forbidden (403)."""
    errors = []
    for o in overrides:
        here = (*loc, o.section, o.index)
        if o.section == "models":
            models.require_model(session, me, o.slug)
            continue
        try:
            if o.section == "prompts":
                library.get_prompt_version(session, me, o.ref_id, o.version)
            else:
                library.get_evaluation_version(session, me, o.ref_id, o.version)
        except NotFound as exc:
            what = "promptId" if o.section == "prompts" else "evaluationId"
            errors.append(
                FieldError(
                    f"variants[{loc[2]}].configOverrides.{o.section}[{o.index}]: "
                    f"{exc.message} ({what} {o.ref_id}, version {o.version or 'latest'})",
                    loc=(*here, what),
                )
            )
    return errors


def launch(session: Session, me: Principal, project_id: int, workflow_id: int, body: dict) -> Job:
    """Checks the request and creates the experiment's job (queued); the caller commits and
    submits it."""
    wf = workflows.get_workflow(session, me, workflow_id, project_id)
    if wf.status == workflows.ARCHIVED:
        raise Conflict("Workflow is archived; experiments run on a workflow that is not")
    project = session.get(Project, wf.project_id)
    if project is not None and project.archived_at is not None:
        raise Conflict("Project is archived; unarchive it before running experiments")
    if fieldschema.file_fields(wf.fields):
        raise ValidationFailed(
            "This workflow has file upload fields; experiments create tasks from JSON rows"
        )
    name = body.get("name")
    if name is not None and (not isinstance(name, str) or len(name) > 200):
        raise _fail("name must be a string of at most 200 characters", ("body", "name"))
    count = body.get("count")
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_COUNT:
        raise _fail(f"count must be an integer from 1 to {MAX_COUNT}", ("body", "count"))
    raw_variants = body.get("variants")
    if not isinstance(raw_variants, list) or not 1 <= len(raw_variants) <= MAX_VARIANTS:
        raise _fail(f"variants: send between 1 and {MAX_VARIANTS}", ("body", "variants"))
    rows = _rows(body, wf)

    errors: list[FieldError] = []
    variants: list[dict] = []
    names: set[str] = set()
    for i, raw in enumerate(raw_variants):
        if not isinstance(raw, dict):
            errors.append(FieldError("a variant must be an object", loc=("body", "variants", i)))
            continue
        vname = raw.get("name")
        if vname is None:
            vname = f"variant-{i + 1}"
        if not isinstance(vname, str) or not vname.strip() or len(vname) > 200:
            errors.append(
                FieldError(
                    f"variants[{i}].name must be a non-empty string of at most 200 characters",
                    loc=("body", "variants", i, "name"),
                )
            )
            continue
        vname = vname.strip()
        if vname in names:
            errors.append(
                FieldError(
                    f"variants[{i}]: the name {vname!r} is used twice",
                    loc=("body", "variants", i, "name"),
                )
            )
        names.add(vname)
        loc = ("body", "variants", i, "configOverrides")
        overrides, bad = config_swaps.parse(raw.get("configOverrides"), loc)
        bad += config_swaps.check_targets(wf.graph, overrides, i, loc)
        if bad:
            errors += bad
            continue
        resolved = _resolve(session, me, overrides, loc)
        if resolved:
            errors += resolved
            continue
        graph = config_swaps.apply(wf.graph or {}, overrides)
        for e in workflows.check_graph(graph, wf.fields):
            errors.append(FieldError(f"variants[{i}]: {e.message}", loc=loc))
        try:  # the library's own rules on references (e.g. programmatic criteria only)
            library_refs.check(session, me.org_id, graph, previous=wf.graph)
        except ValidationFailed as exc:
            errors += [
                FieldError(f"variants[{i}]: {e.message}", loc=loc)
                for e in (exc.errors or [FieldError(exc.message)])
            ]
        variants.append(
            {"name": vname, "graph": graph, "configOverrides": raw.get("configOverrides") or {}}
        )
    if errors:
        raise ValidationFailed("; ".join(e.message for e in errors), errors)

    job = jobs.create(
        session,
        me,
        KIND,
        {
            "project_id": wf.project_id,
            "source_workflow_id": wf.id,
            "source_name": wf.name,
            "count": count,
            "rows": rows,
            "variants": variants,
        },
        total=count * len(variants),
        workflow_id=wf.id,
    )
    job.params = {**job.params, "name": (name or "").strip() or f"experiment-{job.id[:8]}"}
    job.result = {
        "variants": [{"name": v["name"], "workflow_id": None, "tasks_created": 0} for v in variants]
    }
    session.flush()
    return job


# --- the job ---------------------------------------------------------------------------


@jobs.handler(KIND)
def run(ctx: jobs.JobContext) -> str | None:
    params = ctx.params
    variants, count = params["variants"], int(params["count"])
    rows = params.get("rows") or [{}]
    try:
        while (i := int(ctx.checkpoint.get("variant", 0))) < len(variants):
            vname = variants[i]["name"]
            done_rows = int(ctx.checkpoint.get("rows", 0))
            with ctx.step() as session:
                me = ctx.principal(session)
                result = _copy.deepcopy(ctx.result)
                out = result["variants"][i]
                target = session.get(Workflow, out["workflow_id"]) if out["workflow_id"] else None
                if target is None:
                    source = session.get(Workflow, params["source_workflow_id"])
                    if source is None:
                        raise jobs.JobFailed("The source workflow was deleted")
                    name = f"{params['source_name']} · {params['name']} · {vname}"
                    target = workflows.copy_workflow(
                        session, me, source, name, variants[i]["graph"]
                    )
                    out["workflow_id"] = target.id
                n = min(SLICE, count - done_rows)
                if n > 0:
                    # (the copy's version is snapshotted here: library references resolve)
                    insert_tasks(
                        session,
                        target,
                        [rows[(done_rows + k) % len(rows)] for k in range(n)],
                        created_by=ctx.created_by_id,
                    )
                done_rows += n
                out["tasks_created"] = done_rows
                ctx.done += n
                if done_rows >= count:
                    ctx.checkpoint = {"variant": i + 1, "rows": 0}
                else:
                    ctx.checkpoint = {"variant": i, "rows": done_rows}
                ctx.result = result
    except jobs.Cancelled:
        _cancel_open_tasks(ctx.db, ctx.result, ctx.created_by_id)
        raise
    except DomainError as exc:  # e.g. a library version that no longer resolves
        raise jobs.JobFailed(f"Variant {vname!r}: {exc.message}") from None
    if ctx.cancelled():  # asked while the last step ran: its tasks are cancelled too
        _cancel_open_tasks(ctx.db, ctx.result, ctx.created_by_id)
        return jobs.CANCELLED
    return None


def _copies(result: dict) -> list[int]:
    return [v["workflow_id"] for v in (result or {}).get("variants", []) if v.get("workflow_id")]


def _cancel_tasks(session: Session, workflow_ids: list[int], actor_id: int | None) -> int:
    if not workflow_ids:
        return 0
    ids = list(
        session.scalars(
            select(Task.id)
            .where(Task.workflow_id.in_(workflow_ids), Task.status.not_in(ENDED))
            .order_by(Task.id)
        )
    )
    cancelled = 0
    for task_id in ids:
        try:
            task_control.cancel_task(session.connection(), task_id, actor_id)
            cancelled += 1
        except EngineConflict:  # it ended meanwhile
            pass
    return cancelled


def _cancel_open_tasks(db, result: dict, actor_id: int | None) -> None:
    with db.session() as session:
        _cancel_tasks(session, _copies(result), actor_id)


# --- reading and cancelling --------------------------------------------------------------


def get(session: Session, me: Principal, project_id: int, workflow_id: int, experiment_id: str):
    workflows.get_workflow(session, me, workflow_id, project_id)
    return jobs.get(session, me, experiment_id, (KIND,), workflow_id=workflow_id, what="Experiment")


def list_for_project(
    session: Session, me: Principal, project_id: int, offset: int, limit: int
) -> tuple[list[Job], int]:
    """A project's experiments (launched on any of its workflows), newest first."""
    projects.get_project(session, me, project_id)
    where = (
        Job.org_id == me.org_id,
        Job.kind == KIND,
        Job.workflow_id.in_(select(Workflow.id).where(Workflow.project_id == project_id)),
    )
    total = session.scalar(select(func.count()).select_from(Job).where(*where)) or 0
    rows = session.scalars(
        select(Job)
        .where(*where)
        .order_by(Job.created_at.desc(), Job.id)
        .offset(offset)
        .limit(limit)
    )
    return list(rows), total


def cancel(
    session: Session, me: Principal, project_id: int, workflow_id: int, experiment_id: str
) -> Job:
    """Stops creating tasks and cancels the copies' unfinished tasks; the experiment is
    `cancelled` from then on (also one whose tasks were all created already)."""
    job = get(session, me, project_id, workflow_id, experiment_id)
    jobs.request_cancel(session, job)
    job.cancel_requested = 1
    session.flush()
    _cancel_tasks(session, _copies(job.result), me.user_id)
    return job


def view(session: Session, job: Job) -> dict[str, Any]:
    """jobs.view plus the experiment: its status (live, from the copies' tasks) and each
    variant's copy, tasks created, finished, failed, cancelled and their ids."""
    params, result = job.params or {}, job.result or {}
    count = int(params.get("count") or 0)
    copies = _copies(result)
    counts: dict[int, dict[str, int]] = {c: {} for c in copies}
    ids: dict[int, list[int]] = {c: [] for c in copies}
    if copies:
        for wf_id, status, n in session.execute(
            select(Task.workflow_id, Task.status, func.count())
            .where(Task.workflow_id.in_(copies))
            .group_by(Task.workflow_id, Task.status)
        ):
            counts[wf_id][status] = n
        for wf_id in copies:  # the first MAX_LISTED ids of each copy: a poll stays small
            ids[wf_id] = list(
                session.scalars(
                    select(Task.id)
                    .where(Task.workflow_id == wf_id)
                    .order_by(Task.id)
                    .limit(MAX_LISTED)
                )
            )
    cancelled = bool(job.cancel_requested)
    job_failed = job.status == jobs.FAILED
    variants, all_ended, total_created = [], True, 0
    for v, spec in zip(result.get("variants", []), params.get("variants", []), strict=False):
        wf_id = v.get("workflow_id")
        c = counts.get(wf_id, {}) if wf_id else {}
        task_ids = ids.get(wf_id, []) if wf_id else []
        created = sum(c.values())
        total_created += created
        finished, failed, stopped = c.get("finished", 0), c.get("failed", 0), c.get("cancelled", 0)
        ended = finished + failed + stopped
        if cancelled:
            status = "cancelled"
        elif wf_id is None or created < count:
            status = "failed" if job_failed else ("pending" if wf_id is None else "creating")
        elif ended < created:
            status = "running"
        else:
            status = "completed"
        if status != "completed":
            all_ended = False
        variants.append(
            {
                "name": v.get("name"),
                "status": status,
                "workflow_id": wf_id,
                "tasks_created": created,
                "success_count": created,
                "tasks_finished": finished,
                "tasks_failed": failed,
                "tasks_cancelled": stopped,
                "tasks_pending": created - ended,
                "task_ids": task_ids,
                "task_ids_truncated": created > len(task_ids),
                "configOverrides": spec.get("configOverrides") or {},
            }
        )
    if cancelled:
        status = "cancelled"
    elif job.status in (jobs.QUEUED, jobs.RUNNING, jobs.FAILED):
        status = job.status
    else:
        status = "completed" if all_ended else "running"
    return {
        **jobs.view(job),
        "status": status,
        "job_status": job.status,
        "experiment_id": job.id,
        "name": params.get("name"),
        "project_id": params.get("project_id"),
        "workflow_id": params.get("source_workflow_id"),
        "count": count,
        "success_count": total_created,
        "variants": variants,
    }
