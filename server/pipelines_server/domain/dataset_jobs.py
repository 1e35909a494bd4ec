"""Dataset jobs: `dataset_import` (a stored upload parsed into rows), `seed_from_dataset`
(dataset rows into a workflow's tasks) and `dataset_eval` (dataset rows scored by a library
evaluation).

Each works in steps of STEP records: one transaction inserts the step's rows (or tasks, or
results) and, with them, the job's progress and checkpoint (records consumed), so a runner
killed mid-import resumes from the last step without inserting anything twice.

Tasks seeded from a dataset are started by the engine's poll for new tasks (its
`poll_seconds`): a job may run on a Celery worker, where no engine can be woken directly.
"""

from __future__ import annotations

import itertools

from sqlalchemy import insert, select

from ..shared.errors import DomainError, FieldError, NotFound, ValidationFailed
from ..shared.principal import Principal
from ..shared.timestamps import utcnow
from ..store.models import Dataset, DatasetEvalResult, DatasetRow, Job
from . import datasets, jobs, library
from . import fields as fieldschema
from .tasks import insert_tasks
from .workflows import ACCEPTS_TASKS, get_workflow, require_accepts_tasks

STEP = 1000  # records per import step
SEED_STEP = 500  # rows per seeding step
MAX_ERRORS = 100  # per-row errors a job reports (the count is exact)
MAX_TASK_IDS = 1000  # task ids a seeding job reports
IMPORT, SEED, EVAL = "dataset_import", "seed_from_dataset", "dataset_eval"


# --- dataset_import -------------------------------------------------------------------------


def start_import(
    session,
    principal: Principal,
    *,
    name: str,
    description: str,
    path: str,
    file_name: str,
    size: int,
    head: bytes,
    org_id: str | int | None = None,
) -> tuple[Dataset, Job]:
    """A dataset (`importing`) and its queued import job, for a file saved on disk. The form's
    optional `org_id` must be the caller's own organization (another one is 404)."""
    if org_id not in (None, "") and str(org_id) != str(principal.org_id):
        raise NotFound("Organization not found")
    if not head.strip():
        datasets.remove_file(path)
        raise ValidationFailed(
            "The file is empty", [FieldError("The file is empty", loc=("body", "file"))]
        )
    fmt = datasets.detect_format(file_name, head)
    delimiter = datasets.sniff_delimiter(head) if fmt == "csv" else ","
    columns = datasets.read_header(path, fmt, delimiter)
    datasets.check_header(columns)
    ds = datasets.create_dataset(
        session,
        principal,
        name=name,
        description=description,
        fmt=fmt,
        file_name=file_name,
        file_bytes=size,
        columns=columns,
    )
    sample = head[: datasets.PREVIEW_BYTES]
    lines = max(sample.count(b"\n"), 1)
    estimate = lines if size <= len(sample) else int(size * lines / max(len(sample), 1))
    if fmt == "csv":
        estimate = max(estimate - 1, 0)
    job = jobs.create(
        session,
        principal,
        IMPORT,
        {"path": str(path), "format": fmt, "delimiter": delimiter, "dataset_id": ds.id},
        total=estimate,
        dataset_id=ds.id,
        result={"dataset_id": ds.id, "rows_imported": 0, "error_count": 0, "errors": []},
    )
    ds.import_job_id = job.id
    return ds, job


def import_view(session, job: Job) -> dict:
    view = jobs.view(job)
    result = job.result or {}
    ds = session.get(Dataset, job.dataset_id) if job.dataset_id else None
    view.update(
        {
            "dataset_id": job.dataset_id,
            "dataset_status": ds.status if ds else None,
            "rows_imported": result.get("rows_imported", 0),
            "error_count": result.get("error_count", 0),
            "errors": result.get("errors", []),
        }
    )
    return view


def cancel_import(session, job: Job) -> Job:
    jobs.request_cancel(session, job)
    if job.status == jobs.CANCELLED:  # was still queued: nothing ran
        ds = session.get(Dataset, job.dataset_id)
        if ds is not None and ds.status == datasets.IMPORTING:
            ds.status, ds.updated_at = datasets.CANCELLED, utcnow()
        datasets.remove_file((job.params or {}).get("path"))
    return job


def _end_dataset(ctx: jobs.JobContext, status: str) -> None:
    with ctx.db.session() as session:
        ds = session.get(Dataset, ctx.params.get("dataset_id"))
        if ds is not None and ds.status == datasets.IMPORTING:
            ds.status, ds.updated_at = status, utcnow()
    datasets.remove_file(ctx.params.get("path"))


@jobs.handler(IMPORT)
def run_import(ctx: jobs.JobContext) -> str | None:
    try:
        return _import(ctx)
    except jobs.LeaseLost:
        raise
    except jobs.Cancelled:
        _end_dataset(ctx, datasets.CANCELLED)
        raise
    except Exception:  # the job ends failed; a process that is dying (SystemExit, a
        # worker's shutdown) leaves it to be resumed, file and all
        _end_dataset(ctx, datasets.FAILED)
        raise


def _import(ctx: jobs.JobContext) -> str | None:
    p = ctx.params
    cp = ctx.checkpoint
    consumed = int(cp.get("consumed", 0))
    dataset_id = p["dataset_id"]
    try:
        handle = open(p["path"], "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise jobs.JobFailed("The uploaded file is gone; import it again") from exc
    with handle:
        source = itertools.islice(
            datasets.records(handle, p["format"], p["delimiter"]), consumed, None
        )
        while True:
            batch = list(itertools.islice(source, STEP))
            last = len(batch) < STEP
            with ctx.step() as session:
                _import_step(ctx, session, dataset_id, batch, last)
            if last:
                break
    result = ctx.result
    if not result.get("rows_imported"):
        message = "No row of the file could be imported"
        if result.get("errors"):
            first = result["errors"][0]
            message += f" (line {first['line']}: {first['message']})"
        raise jobs.JobFailed(message)
    datasets.remove_file(p["path"])
    return jobs.PARTIAL if result.get("error_count") else jobs.COMPLETED


def _import_step(ctx, session, dataset_id: int, batch: list, last: bool) -> None:
    """Inserts one batch's rows. The checkpoint keeps the per-column type counts; the
    dataset's column list is rewritten only when a column appears or a column's type
    changes, and at the end (its type_counts are current once the import is done)."""
    ds = session.get(Dataset, dataset_id)
    cp = dict(ctx.checkpoint)
    result = dict(ctx.result)
    columns: list[str] = datasets.column_names(ds)
    types: dict[str, dict[str, int]] = {c: dict(v) for c, v in (cp.get("types") or {}).items()}
    for c in columns:
        types.setdefault(c, {})
    inserted = int(result.get("rows_imported", 0))
    errors = list(result.get("errors", []))
    error_count = int(result.get("error_count", 0))
    values = []

    def row_error(line: int, message: str) -> None:
        nonlocal error_count
        error_count += 1
        if len(errors) < MAX_ERRORS:
            errors.append({"line": line, "message": message})

    for rec in batch:
        if rec.error is not None:
            row_error(rec.line, rec.error)
            continue
        if rec.data is None:
            continue
        wide = datasets.too_many_columns(types, rec.data)
        if wide:
            row_error(rec.line, wide)
            continue
        for name, value in rec.data.items():
            if name not in types:
                types[name] = {}
                columns.append(name)
            kind = datasets.infer(value)
            types[name][kind] = types[name].get(kind, 0) + 1
        values.append({"dataset_id": dataset_id, "row_index": inserted, "data": rec.data})
        inserted += 1
    if values:
        session.execute(insert(DatasetRow.__table__), values)
    now = utcnow()
    shown = [(c["name"], c["type"]) for c in ds.columns or []]
    current = [(c, datasets.column_type(types[c])) for c in columns]
    if last or current != shown:
        ds.columns = [{"name": c, "type": t, "type_counts": types[c]} for c, t in current]
    ds.row_count, ds.error_count, ds.updated_at = inserted, error_count, now
    if last and inserted:
        ds.status = datasets.READY
    consumed = int(cp.get("consumed", 0)) + len(batch)
    ctx.checkpoint = {"consumed": consumed, "types": types}
    ctx.result = {
        "dataset_id": dataset_id,
        "rows_imported": inserted,
        "error_count": error_count,
        "errors": errors,
    }
    ctx.done = consumed
    ctx.total = consumed if last else max(ctx.total or 0, consumed + 1)


# --- seed_from_dataset ----------------------------------------------------------------------


def row_range(body: dict) -> tuple[int, int | None]:
    """A request's `offset` (an integer >= 0, default 0) and `limit` (an integer >= 1, or
    none: every row from the offset); 422 naming the bad one."""
    offset, limit = body.get("offset", 0), body.get("limit")
    for name, value, low in (("offset", offset, 0), ("limit", limit, 1)):
        if value is None and name == "limit":
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise ValidationFailed(
                f"{name} must be an integer of at least {low}",
                [FieldError(f"{name} must be an integer >= {low}", loc=("body", name))],
            )
    return offset, limit


def get_seed_job(
    session, principal: Principal, project_id: int, workflow_id: int, job_id: str
) -> Job:
    """A seeding job of the workflow (404 for an unknown workflow, or a job of another)."""
    get_workflow(session, principal, workflow_id, project_id)
    return jobs.get(session, principal, job_id, (SEED,), workflow_id=workflow_id, what="Seed job")


def start_seed(session, principal: Principal, project_id: int, workflow_id: int, body: dict) -> Job:
    wf = get_workflow(session, principal, workflow_id, project_id)
    require_accepts_tasks(wf)
    if fieldschema.file_fields(wf.fields):
        raise ValidationFailed(
            "This workflow has file upload fields; it cannot be seeded from a dataset"
        )
    dataset_id = body.get("dataset_id")
    if isinstance(dataset_id, bool) or not isinstance(dataset_id, int):
        raise ValidationFailed(
            "dataset_id is required",
            [FieldError("dataset_id must be an integer", loc=("body", "dataset_id"))],
        )
    try:
        ds = datasets.get_dataset(session, principal, dataset_id)
    except DomainError as exc:
        raise ValidationFailed(
            f"Dataset not found: {dataset_id}",
            [FieldError("Dataset not found", loc=("body", "dataset_id"))],
        ) from exc
    if ds.status != datasets.READY:
        raise ValidationFailed(
            f"Dataset {ds.id} is {ds.status}; only a ready dataset can seed tasks",
            [FieldError(f"Dataset is {ds.status}", loc=("body", "dataset_id"))],
        )
    mapping = datasets.seed_mapping(ds, wf.fields or [], body.get("column_mapping"))
    offset, limit = row_range(body)
    end = ds.row_count if limit is None else min(ds.row_count, offset + limit)
    total = max(end - offset, 0)
    return jobs.create(
        session,
        principal,
        SEED,
        {
            "dataset_id": ds.id,
            "project_id": project_id,
            "workflow_id": wf.id,
            "column_mapping": mapping,
            "offset": offset,
            "end": end,
        },
        total=total,
        workflow_id=wf.id,
        dataset_id=ds.id,
        result=_seed_result(ds.id, mapping),
    )


def _seed_result(dataset_id: int, mapping: dict) -> dict:
    return {
        "dataset_id": dataset_id,
        "column_mapping": mapping,
        "success_count": 0,
        "error_count": 0,
        "errors": [],
        "task_ids": [],
    }


def seed_view(job: Job) -> dict:
    view = jobs.view(job)
    result = job.result or {}
    view.update(
        {
            "dataset_id": job.dataset_id,
            "workflow_id": job.workflow_id,
            "success_count": result.get("success_count", 0),
            "error_count": result.get("error_count", 0),
            "errors": result.get("errors", []),
            "task_ids": result.get("task_ids", []),
        }
    )
    return view


@jobs.handler(SEED)
def run_seed(ctx: jobs.JobContext) -> str | None:
    p = ctx.params
    mapping: dict[str, str] = p["column_mapping"]
    end = int(p["end"])
    while True:
        position = int(p["offset"]) + ctx.done
        if position >= end:
            break
        with ctx.step() as session:
            wf = get_workflow(session, ctx.principal(session), p["workflow_id"])
            if wf.status not in ACCEPTS_TASKS:
                raise jobs.JobFailed(f"The workflow is {wf.status}; it no longer accepts tasks")
            stop = min(end, position + SEED_STEP)
            _seed_step(ctx, session, wf, mapping, position, stop)
    result = ctx.result
    if not result.get("success_count") and result.get("error_count"):
        raise jobs.JobFailed("Every row failed validation")
    return jobs.PARTIAL if result.get("error_count") else jobs.COMPLETED


def _seed_step(ctx, session, wf, mapping: dict, start: int, stop: int) -> None:
    schema = wf.fields or []
    types = {f["name"]: f["type"] for f in schema}
    result = dict(ctx.result)
    errors, task_ids = list(result.get("errors", [])), list(result.get("task_ids", []))
    error_count = int(result.get("error_count", 0))
    valid: list[dict] = []
    for index, data in datasets.iter_rows(session, int(ctx.params["dataset_id"]), start, stop):
        row = {}
        for field, column in mapping.items():
            value = datasets.coerce(data.get(column), types[field])
            if value is not None:
                row[field] = value
        problems = fieldschema.validate_row(schema, row, index)
        if problems:
            error_count += 1
            if len(errors) < MAX_ERRORS:
                errors.append(
                    {
                        "index": index,
                        "row_index": index,
                        "errors": [{"field": e.field_name, "message": e.message} for e in problems],
                        "message": "; ".join(e.message for e in problems),
                    }
                )
            continue
        valid.append(row)
    ids = insert_tasks(session, wf, valid, created_by=ctx.created_by_id)
    room = MAX_TASK_IDS - len(task_ids)
    task_ids.extend(ids[: max(room, 0)])
    result.update(
        success_count=int(result.get("success_count", 0)) + len(ids),
        error_count=error_count,
        errors=errors,
        task_ids=task_ids,
    )
    ctx.result = result
    ctx.done += stop - start  # the checkpoint: a resumed run goes on at offset + done


# --- dataset evaluations --------------------------------------------------------------------

EVAL_STEP = 20  # rows scored per step (LLM-judged criteria make a row slow)
MAX_PREVIEW = 20
OUTPUT_NAMES = ("output", "response", "answer", "completion", "prediction", "generated")
EXPECTED_NAMES = ("expected", "expected_output", "reference", "target", "label", "ground_truth")


def suggested_mapping(columns: list[str]) -> dict[str, str | None]:
    """`output` and `expected` columns by their usual names (case-insensitive)."""
    lower = {c.lower(): c for c in columns}
    found: dict[str, str | None] = {}
    for var, names in (("output", OUTPUT_NAMES), ("expected", EXPECTED_NAMES)):
        found[var] = next((lower[n] for n in names if n in lower), None)
    return found


def eval_config(session, principal: Principal, dataset_id: int) -> dict:
    ds = datasets.get_dataset(session, principal, dataset_id)
    columns = datasets.column_names(ds)
    evaluations, total = library.list_items(session, principal, library.EVALUATION, 0, 200)
    return {
        "dataset_id": ds.id,
        "dataset_status": ds.status,
        "row_count": ds.row_count,
        "columns": [{"name": c["name"], "type": c["type"]} for c in ds.columns or []],
        "suggested_mapping": suggested_mapping(columns),
        "variables": ["output", "expected", "record", *columns],
        "evaluations": [
            {
                "id": e["id"],
                "name": e["name"],
                "version": e["version"],
                "criteria": len(e.get("criteria") or []),
            }
            for e in evaluations
        ],
        "evaluation_count": total,
        "max_preview_rows": MAX_PREVIEW,
    }


def _eval_request(session, principal: Principal, ds: Dataset, body: dict) -> dict:
    """The checked parameters of an eval preview or run: evaluation (and its pinned version),
    variable -> column mapping, offset and limit. 422 names what is wrong."""
    if not isinstance(body, dict):
        raise ValidationFailed("The body must be an object")
    evaluation_id, version = body.get("evaluation_id"), body.get("version")
    if isinstance(evaluation_id, bool) or not isinstance(evaluation_id, int):
        raise ValidationFailed(
            "evaluation_id is required",
            [FieldError("evaluation_id must be an integer", loc=("body", "evaluation_id"))],
        )
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)):
        raise ValidationFailed(
            "version must be an integer",
            [FieldError("version must be an integer", loc=("body", "version"))],
        )
    try:
        ev = library.get_evaluation_version(session, principal, evaluation_id, version)
    except DomainError as exc:
        loc = "version" if version is not None and "ersion" in exc.message else "evaluation_id"
        raise ValidationFailed(exc.message, [FieldError(exc.message, loc=("body", loc))]) from exc
    columns = datasets.column_names(ds)
    mapping = body.get("column_mapping")
    if mapping is None:
        mapping = {k: v for k, v in suggested_mapping(columns).items() if v}
    if not isinstance(mapping, dict):
        raise ValidationFailed(
            "column_mapping must map variables to dataset columns",
            [FieldError("column_mapping must be an object", loc=("body", "column_mapping"))],
        )
    errors = [
        FieldError(
            f"Unknown dataset column: {col}",
            field_name=var,
            loc=("body", "column_mapping", str(var)),
        )
        for var, col in mapping.items()
        if not isinstance(col, str) or col not in columns
    ]
    if errors:
        raise ValidationFailed("; ".join(e.message for e in errors), errors)
    if "output" not in mapping:
        raise ValidationFailed(
            "column_mapping needs an output column (no column is named like one)",
            [FieldError("output is not mapped", loc=("body", "column_mapping", "output"))],
        )
    offset, limit = row_range(body)
    return {
        "evaluation_id": evaluation_id,
        "version": ev["version"],
        "evaluation_name": ev.get("name"),
        "column_mapping": dict(mapping),
        "offset": offset,
        "limit": limit,
    }


def _variables(ds_types: dict[str, str], data: dict, mapping: dict) -> dict:
    record = {k: datasets.as_column(v, ds_types.get(k, "string")) for k, v in data.items()}
    return {**record, "record": record, **{var: record.get(col) for var, col in mapping.items()}}


def scorer(session, principal: Principal, req: dict, fernet_key: str | None):
    """(variables) -> score of a record, usable with no session open (library.prepare_scoring:
    the evaluation version and its judges' credentials are read now, in `session`), so that
    the model calls of scoring never run inside a database transaction. An evaluation that
    no longer resolves scores every row as an error saying why."""
    try:
        prepared = library.prepare_scoring(
            session, principal, req["evaluation_id"], req["version"], fernet_key=fernet_key
        )
    except DomainError as exc:
        message = exc.message
        return lambda variables: {"passed": False, "score": None, "criteria": [], "error": message}
    return prepared.score


def _score(score, req: dict, ds_types, data: dict) -> dict:
    return score(_variables(ds_types, data, req["column_mapping"]))


def _summarize(summary: dict, row: dict) -> dict:
    s = {
        "rows_scored": 0,
        "passed_count": 0,
        "failed_count": 0,
        "error_count": 0,
        "score_sum": 0.0,
        "score_count": 0,
        "criteria": {},
        **summary,
    }
    s["criteria"] = {k: dict(v) for k, v in s["criteria"].items()}
    s["rows_scored"] += 1
    if row.get("error"):
        s["error_count"] += 1
    if row.get("passed"):
        s["passed_count"] += 1
    else:
        s["failed_count"] += 1
    if row.get("score") is not None:
        s["score_sum"] += float(row["score"])
        s["score_count"] += 1
    for c in row.get("criteria") or []:
        key = str(c.get("criterion_id"))
        slot = s["criteria"].setdefault(
            key,
            {"criterion_id": c.get("criterion_id"), "name": c.get("name"), "passed": 0, "total": 0},
        )
        slot["total"] += 1
        slot["passed"] += 1 if c.get("passed") else 0
    return s


def summary_view(s: dict) -> dict:
    """The summary of a run's scored rows: counts, pass rate (of every row), mean score (of
    the rows that could be scored), per-criterion pass rates."""
    n = s.get("rows_scored", 0)
    return {
        "rows_scored": n,
        "passed_count": s.get("passed_count", 0),
        "failed_count": s.get("failed_count", 0),
        "error_count": s.get("error_count", 0),
        "pass_rate": (s.get("passed_count", 0) / n) if n else None,
        "mean_score": (
            s.get("score_sum", 0.0) / s["score_count"] if s.get("score_count") else None
        ),
        "criteria": [
            {**c, "pass_rate": c["passed"] / c["total"] if c["total"] else None}
            for c in (s.get("criteria") or {}).values()
        ],
    }


def eval_preview(
    session, principal: Principal, dataset_id: int, body: dict, fernet_key: str | None
) -> dict:
    """What an eval preview scores (up to 20 first rows, read now); `score_preview` scores it
    once the caller's session is closed. Nothing is stored."""
    ds = datasets.get_dataset(session, principal, dataset_id)
    req = _eval_request(session, principal, ds, body)
    limit = req["limit"] or 5
    if limit > MAX_PREVIEW:
        raise ValidationFailed(
            f"A preview scores at most {MAX_PREVIEW} rows",
            [FieldError(f"limit must be at most {MAX_PREVIEW}", loc=("body", "limit"))],
        )
    start = req["offset"]
    return {
        "dataset_id": ds.id,
        "req": req,
        "types": datasets.column_types(ds),
        "columns": datasets.column_names(ds),
        "rows": list(datasets.iter_rows(session, ds.id, start, start + limit)),
        "score": scorer(session, principal, req, fernet_key),
    }


def score_preview(plan: dict) -> dict:
    """Scores an `eval_preview` (model calls included) with no database session open."""
    req, rows, summary = plan["req"], [], {}
    for index, data in plan["rows"]:
        scored = _score(plan["score"], req, plan["types"], data)
        row = {
            "row_index": index,
            "data": datasets.in_column_order(data, plan["columns"]),
            **scored,
        }
        rows.append(row)
        summary = _summarize(summary, row)
    return {
        "dataset_id": plan["dataset_id"],
        "evaluation_id": req["evaluation_id"],
        "version": req["version"],
        "column_mapping": req["column_mapping"],
        "rows": rows,
        "summary": summary_view(summary),
    }


def start_eval(session, principal: Principal, dataset_id: int, body: dict) -> Job:
    ds = datasets.get_dataset(session, principal, dataset_id)
    if ds.status != datasets.READY:
        raise ValidationFailed(
            f"Dataset {ds.id} is {ds.status}; only a ready dataset can be evaluated"
        )
    req = _eval_request(session, principal, ds, body)
    end = ds.row_count if req["limit"] is None else min(ds.row_count, req["offset"] + req["limit"])
    return jobs.create(
        session,
        principal,
        EVAL,
        {**req, "dataset_id": ds.id, "end": end},
        total=max(end - req["offset"], 0),
        dataset_id=ds.id,
        result={
            "dataset_id": ds.id,
            "evaluation_id": req["evaluation_id"],
            "version": req["version"],
            "column_mapping": req["column_mapping"],
            "summary": {},
        },
    )


def get_eval_job(session, principal: Principal, dataset_id: int, job_id: str) -> Job:
    """An eval run of the dataset (404 for an unknown dataset, or a run of another)."""
    datasets.get_dataset(session, principal, dataset_id)
    return jobs.get(session, principal, job_id, (EVAL,), dataset_id=dataset_id, what="Eval run")


def eval_view(session, job: Job, offset: int = 0, limit: int = 100) -> dict:
    view = jobs.view(job)
    result = job.result or {}
    rows = session.scalars(
        select(DatasetEvalResult)
        .where(DatasetEvalResult.job_id == job.id)
        .order_by(DatasetEvalResult.row_index)
        .offset(offset)
        .limit(limit)
    )
    summary = summary_view(result.get("summary") or {})
    view.update(
        {
            "dataset_id": job.dataset_id,
            "evaluation_id": result.get("evaluation_id"),
            "version": result.get("version"),
            "column_mapping": result.get("column_mapping"),
            "summary": summary,
            "results": [
                {
                    "row_index": r.row_index,
                    "passed": None if r.passed is None else bool(r.passed),
                    "score": r.score,
                    "criteria": (r.detail or {}).get("criteria", []),
                    "error": r.error,
                }
                for r in rows
            ],
            "results_offset": offset,
            "results_total": summary["rows_scored"],
        }
    )
    return view


@jobs.handler(EVAL)
def run_eval(ctx: jobs.JobContext) -> str | None:
    p = ctx.params
    end, key = int(p["end"]), library.credential_key(ctx.settings)
    while True:
        position = int(p["offset"]) + ctx.done
        if position >= end:
            break
        stop = min(end, position + EVAL_STEP)
        # Scoring (maybe LLM calls) happens with no session open: the rows, the evaluation and
        # its judges' credentials are read first; a run killed before the step commits scores
        # these rows again, and stores them once.
        with ctx.db.session() as session:
            principal = ctx.principal(session)
            ds = session.get(Dataset, p["dataset_id"])
            types = datasets.column_types(ds) if ds else {}
            score = scorer(session, principal, p, key)
            batch = list(datasets.iter_rows(session, p["dataset_id"], position, stop))
        scored = [(index, _score(score, p, types, data)) for index, data in batch]
        with ctx.step() as session:
            result = dict(ctx.result)
            summary = result.get("summary") or {}
            values = []
            for index, row in scored:
                summary = _summarize(summary, row)
                values.append(
                    {
                        "job_id": ctx.job_id,
                        "dataset_id": p["dataset_id"],
                        "row_index": index,
                        "passed": None if row.get("error") else int(bool(row.get("passed"))),
                        "score": row.get("score"),
                        "detail": {"criteria": row.get("criteria") or []},
                        "error": row.get("error"),
                    }
                )
            if values:
                session.execute(insert(DatasetEvalResult.__table__), values)
            result["summary"] = summary
            ctx.result = result
            ctx.done += stop - position
    summary = ctx.result.get("summary") or {}
    if summary.get("error_count") and summary.get("error_count") == summary.get("rows_scored"):
        raise jobs.JobFailed("No row could be scored")
    return jobs.PARTIAL if summary.get("error_count") else jobs.COMPLETED
