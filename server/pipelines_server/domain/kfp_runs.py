"""Kubeflow Pipelines runs and recurring runs: what may be created, read, listed, changed.

A run snapshots the IR it runs (inline or from a pipeline version) and starts PENDING; the
KFP runner (engine/kfp_runner.py) takes it from there. Terminating asks the runner to stop
(CANCELING, then CANCELED); a PENDING run is CANCELED at once. Retry runs a FAILED or
CANCELED run again under the same id, reusing the outputs of its tasks that had succeeded.
A recurring run creates runs on a cron or periodic trigger, never more than
`max_concurrency` unfinished at once.
"""

from __future__ import annotations

import json
import os
import re
import stat
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from ..shared.errors import BadRequest, Conflict, NotFound
from ..shared.principal import Principal
from ..store.models import KfpCacheEntry, KfpExperiment, KfpRecurringRun, KfpRun
from . import kfp, kfp_pipelines
from . import kfp_query as q

PENDING, RUNNING, SUCCEEDED, FAILED = "PENDING", "RUNNING", "SUCCEEDED", "FAILED"
CANCELING, CANCELED, SKIPPED = "CANCELING", "CANCELED", "SKIPPED"
FINISHED = (SUCCEEDED, FAILED, CANCELED, SKIPPED)
UNFINISHED = (PENDING, RUNNING, CANCELING)
DEFAULT_EXPERIMENT = "Default"
MAX_PARAMETERS_BYTES = 1024 * 1024

_R = KfpRun.__table__.c
RUN_FIELDS = {
    "run_id": q.Field(_R.id),
    "display_name": q.Field(_R.display_name),
    "description": q.Field(_R.description),
    "experiment_id": q.Field(_R.experiment_id),
    "pipeline_version_id": q.Field(_R.pipeline_version_id),
    "recurring_run_id": q.Field(_R.recurring_run_id),
    "created_at": q.Field(_R.created_at, "timestamp"),
    "scheduled_at": q.Field(_R.scheduled_at, "timestamp"),
    "finished_at": q.Field(_R.finished_at, "timestamp"),
    "state": q.Field(_R.state),
    "storage_state": q.Field(_R.storage_state),
}
_S = KfpRecurringRun.__table__.c
RECURRING_FIELDS = {
    "recurring_run_id": q.Field(_S.id),
    "display_name": q.Field(_S.display_name),
    "description": q.Field(_S.description),
    "experiment_id": q.Field(_S.experiment_id),
    "pipeline_version_id": q.Field(_S.pipeline_version_id),
    "created_at": q.Field(_S.created_at, "timestamp"),
    "updated_at": q.Field(_S.updated_at, "timestamp"),
    "mode": q.Field(_S.mode),
    "max_concurrency": q.Field(_S.max_concurrency, "int"),
}


def utcnow() -> datetime:
    return datetime.now(UTC)


# -- shared: what a run or a schedule runs ----------------------------------------------


def _experiment_for(
    session: Session, principal: Principal, experiment_id: str | None, namespace: str | None
) -> KfpExperiment:
    """The run's experiment: the one named, or the namespace's "Default" (created on need,
    as upstream does)."""
    if experiment_id:
        return kfp.get_experiment(session, principal, experiment_id)
    project = kfp.resolve_namespace(session, principal, namespace)
    exp = session.scalars(
        select(KfpExperiment).where(
            KfpExperiment.project_id == project.id,
            KfpExperiment.display_name == DEFAULT_EXPERIMENT,
        )
    ).first()
    if exp is None:
        exp = kfp.create_experiment(session, principal, DEFAULT_EXPERIMENT, "", project.name)
    return exp


def _not_archived(exp: KfpExperiment) -> None:
    if exp.storage_state == kfp.ARCHIVED:
        raise BadRequest(
            f"Experiment {exp.id!r} is archived; unarchive it to add runs or schedules to it"
        )


def _runtime_config(raw) -> dict:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise BadRequest("runtime_config must be an object")
    params = raw.get("parameters") or {}
    if not isinstance(params, dict):
        raise BadRequest("runtime_config.parameters must be an object")
    if len(json.dumps(params, default=str)) > MAX_PARAMETERS_BYTES:
        raise BadRequest("runtime_config.parameters is larger than 1 MiB")
    out: dict = {"parameters": params}
    root = raw.get("pipeline_root")
    if root:
        out["pipeline_root"] = str(root)
    return out


def check_parameters(ir: dict, params: dict) -> dict:
    """The pipeline's arguments, checked against its inputs: unknown names and missing
    required inputs are 400s, as the run could never start."""
    inputs = ((ir.get("root") or {}).get("inputDefinitions") or {}).get("parameters") or {}
    artifacts = ((ir.get("root") or {}).get("inputDefinitions") or {}).get("artifacts") or {}
    unknown = sorted(set(params) - set(inputs))
    if unknown:
        raise BadRequest(
            f"Unknown pipeline parameter(s) {unknown}; "
            f"the pipeline takes {sorted(inputs) or 'none'}"
        )
    missing = sorted(
        name
        for name, spec in inputs.items()
        if name not in params and "defaultValue" not in spec and not spec.get("isOptional")
    )
    if missing:
        raise BadRequest(f"Missing value(s) for pipeline parameter(s) {missing}")
    if artifacts:
        raise BadRequest(
            f"The pipeline takes input artifacts {sorted(artifacts)}, which a run cannot supply"
        )
    return params


def _source(
    session: Session, principal: Principal, body: dict
) -> tuple[dict, str | None, str | None, bool]:
    """(IR, pipeline_id, pipeline_version_id, inline?) from a run or recurring run body."""
    spec = body.get("pipeline_spec")
    ref = body.get("pipeline_version_reference") or {}
    if ref and not isinstance(ref, dict):
        raise BadRequest("pipeline_version_reference must be an object")
    version_id = ref.get("pipeline_version_id") or body.get("pipeline_version_id") or None
    pipeline_id = ref.get("pipeline_id") or None
    if spec and (version_id or pipeline_id):
        raise BadRequest("Give either pipeline_spec or pipeline_version_reference, not both")
    if spec:
        ir, _platform = kfp_pipelines.check_ir(spec)
        _parse_check(ir)
        return ir, None, None, True
    if not (version_id or pipeline_id):
        raise BadRequest("A run needs a pipeline_spec or a pipeline_version_reference")
    version, ir = kfp_pipelines.version_spec(session, principal, pipeline_id, version_id)
    _parse_check(ir)
    return ir, version.pipeline_id, version.id, False


def _parse_check(ir: dict) -> None:
    from ..engine.kfp_dag import check_ir

    problem = check_ir(ir)
    if problem:
        raise BadRequest(problem)


def _name(body: dict, what: str) -> str:
    name = body.get("display_name")
    if not isinstance(name, str) or not name.strip():
        raise BadRequest(f"A {what} needs a display_name")
    if len(name) > 200:
        raise BadRequest(f"The {what}'s display_name is longer than 200 characters")
    return name.strip()


SOURCE_COLUMNS = (
    "org_id",
    "project_id",
    "experiment_id",
    "display_name",
    "description",
    "pipeline_id",
    "pipeline_version_id",
    "pipeline_spec",
    "inline_spec",
    "runtime_config",
    "service_account",
)


def _source_fields(session: Session, principal: Principal, body: dict, what: str) -> dict:
    """The KfpRunSource columns of a new run or recurring run, from its request body: its
    name, pipeline, checked arguments and experiment (not an archived one)."""
    name = _name(body, what)
    ir, pipeline_id, version_id, inline = _source(session, principal, body)
    config = _runtime_config(body.get("runtime_config"))
    check_parameters(ir, config.get("parameters") or {})
    exp = _experiment_for(
        session, principal, body.get("experiment_id") or None, body.get("namespace")
    )
    _not_archived(exp)
    return {
        "org_id": principal.org_id,
        "project_id": exp.project_id,
        "experiment_id": exp.id,
        "display_name": name,
        "description": body.get("description") or "",
        "pipeline_id": pipeline_id,
        "pipeline_version_id": version_id,
        "pipeline_spec": json.dumps(ir),
        "inline_spec": 1 if inline else 0,
        "runtime_config": config,
        "service_account": body.get("service_account") or "",
    }


# -- runs ---------------------------------------------------------------------------------


def with_state(history: list | None, state: str, when: datetime | None = None) -> list:
    """A run's state_history with one more entry (upstream's RuntimeStatus)."""
    return [*(history or []), {"update_time": iso(when or utcnow()), "state": state}]


def add_history(run: KfpRun, state: str, when: datetime | None = None) -> None:
    run.state_history = with_state(run.state_history, state, when)


def iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def create_run(
    session: Session,
    principal: Principal,
    body: dict,
    *,
    recurring: KfpRecurringRun | None = None,
    scheduled_at: datetime | None = None,
) -> KfpRun:
    if recurring is not None:
        source = {column: getattr(recurring, column) for column in SOURCE_COLUMNS}
        source["runtime_config"] = dict(recurring.runtime_config or {})
        source["display_name"] = (
            f"{recurring.display_name}-{(scheduled_at or utcnow()).strftime('%Y%m%d%H%M%S')}"
        )
    else:
        source = _source_fields(session, principal, body, "run")
    now = utcnow()
    run = KfpRun(
        id=str(uuid.uuid4()),
        **source,
        state=PENDING,
        storage_state=kfp.AVAILABLE,
        created_at=now,
        scheduled_at=scheduled_at or now,
        state_history=[],
        task_details=[],
        outputs={},
        recurring_run_id=recurring.id if recurring is not None else None,
        attempt=0,
    )
    add_history(run, PENDING, now)
    session.add(run)
    session.execute(
        update(KfpExperiment)
        .where(KfpExperiment.id == run.experiment_id)
        .values(last_run_created_at=now)
    )
    session.flush()
    return run


def get_run(session: Session, principal: Principal, run_id: str) -> KfpRun:
    run = session.get(KfpRun, run_id) if run_id and len(run_id) <= 36 else None
    if run is None or run.org_id != principal.org_id:
        raise NotFound(f"Run {run_id!r} not found")
    return run


def _list(
    session: Session,
    principal: Principal,
    model,
    fields: dict,
    *,
    namespace: str | None,
    experiment_id: str | None,
    filter_raw: str | None,
    sort_by: str | None,
    page_token: str | None,
    page_size: int | None,
):
    """A page of the organization's runs or recurring runs, optionally of one namespace or
    one experiment (which must exist)."""
    where = []
    if experiment_id:
        kfp.get_experiment(session, principal, experiment_id)
        where.append(model.experiment_id == experiment_id)
    return kfp.list_in_org(
        session,
        principal,
        model,
        fields,
        namespace=namespace,
        filter_raw=filter_raw,
        sort_by=sort_by,
        page_token=page_token,
        page_size=page_size,
        where=tuple(where),
        scope=experiment_id or "",
    )


def list_runs(session: Session, principal: Principal, **query):
    """Runs; `query` is _list's keywords."""
    return _list(session, principal, KfpRun, RUN_FIELDS, **query)


def set_run_storage(session: Session, principal: Principal, run_id: str, state: str) -> KfpRun:
    run = get_run(session, principal, run_id)
    if state == kfp.AVAILABLE and run.experiment_id:
        exp = session.get(KfpExperiment, run.experiment_id)
        if exp is not None and exp.storage_state == kfp.ARCHIVED:
            raise BadRequest(
                f"Run {run_id!r} belongs to archived experiment {exp.id!r}; "
                "unarchive the experiment first"
            )
    run.storage_state = state
    return run


def delete_run(session: Session, principal: Principal, run_id: str) -> KfpRun:
    """Deletes the run's record; a run still going is told to stop first (its runner notices
    the row is gone and kills its processes)."""
    run = get_run(session, principal, run_id)
    session.delete(run)
    session.execute(delete(KfpCacheEntry).where(KfpCacheEntry.key.like(f"run:{run.id}:%")))
    return run


def _move(session: Session, run: KfpRun, seen: str, state: str, **values) -> bool:
    """Moves a run from the state read to another, only if no one moved it meanwhile (the
    runner claims and ends runs concurrently): a conditional UPDATE."""
    moved = session.execute(
        update(KfpRun)
        .where(KfpRun.id == run.id, KfpRun.state == seen)
        .values(state=state, state_history=with_state(run.state_history, state), **values)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.refresh(run)
    return moved == 1


def terminate_run(session: Session, principal: Principal, run_id: str) -> KfpRun:
    run = get_run(session, principal, run_id)
    for _ in range(5):
        if run.state == PENDING:
            done = _move(
                session,
                run,
                PENDING,
                CANCELED,
                finished_at=utcnow(),
                error="The run was terminated before it started",
            )
        elif run.state == RUNNING:
            done = _move(session, run, RUNNING, CANCELING)
        elif run.state == CANCELING:
            return run
        else:
            raise kfp_pipelines.FailedPrecondition(
                f"Run {run_id!r} has already finished ({run.state}); "
                "only a pending or running run can be terminated"
            )
        if done:
            return run
    raise Conflict(f"Run {run_id!r} keeps changing state; try again")


def retry_run(session: Session, principal: Principal, run_id: str) -> KfpRun:
    run = get_run(session, principal, run_id)
    if run.state not in (FAILED, CANCELED) or not _move(
        session,
        run,
        run.state,
        PENDING,
        error=None,
        finished_at=None,
        claim_token=None,
        lease_until=None,
    ):
        raise kfp_pipelines.FailedPrecondition(
            f"Run {run_id!r} is {run.state}; only a failed or canceled run can be retried"
        )
    return run


# -- recurring runs ------------------------------------------------------------------------


def _int_field(value, what: str, default: int, low: int, high: int) -> int:
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise BadRequest(f"{what} must be an integer") from None
    if isinstance(value, float) and value != number:
        raise BadRequest(f"{what} must be an integer")
    if not low <= number <= high:
        raise BadRequest(f"{what} must be between {low} and {high}")
    return number


def _time(value, what: str) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        when = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise BadRequest(f"{what} must be an RFC 3339 time") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def check_trigger(raw) -> dict:
    """A trigger as stored: exactly one of cron_schedule (upstream's six fields, seconds
    first, '?' allowed) and periodic_schedule (interval_second, a number or a string)."""

    if not isinstance(raw, dict) or not raw:
        raise BadRequest("A recurring run needs a trigger (cron_schedule or periodic_schedule)")
    cron = raw.get("cron_schedule")
    periodic = raw.get("periodic_schedule")
    if bool(cron) == bool(periodic):
        raise BadRequest("The trigger needs exactly one of cron_schedule and periodic_schedule")
    sched = cron or periodic
    if not isinstance(sched, dict):
        raise BadRequest("The trigger's schedule must be an object")
    start, end = (
        _time(sched.get("start_time"), "start_time"),
        _time(sched.get("end_time"), "end_time"),
    )
    if start and end and end <= start:
        raise BadRequest("end_time must be after start_time")
    out: dict = {}
    if start:
        out["start_time"] = iso(start)
    if end:
        out["end_time"] = iso(end)
    if cron:
        expr = str(cron.get("cron") or "").strip()
        if _cron(expr) is None:
            raise BadRequest(
                f"Invalid cron expression {expr!r}: upstream's format has six fields, "
                "seconds first (e.g. '0 */5 * * * *'), or @hourly, @daily, @weekly, "
                "@monthly, @yearly, @every 1h30m"
            )
        out["cron"] = expr
        return {"cron_schedule": out}
    out["interval_second"] = str(
        _int_field(periodic.get("interval_second"), "interval_second", 0, 1, 10 * 365 * 86400)
    )
    return {"periodic_schedule": out}


_MACROS = {
    "@yearly": "0 0 0 1 1 *",
    "@annually": "0 0 0 1 1 *",
    "@monthly": "0 0 0 1 * *",
    "@weekly": "0 0 0 * * 0",
    "@daily": "0 0 0 * * *",
    "@midnight": "0 0 0 * * *",
    "@hourly": "0 0 * * * *",
}
_EVERY = re.compile(r"^@every\s+((?:\d+[hms])+)$")


def _cron(expr: str) -> tuple[str, str | int] | None:
    """Upstream's cron (robfig/cron): six fields seconds first, a classic five-field line
    (at second 0), a macro, or `@every <duration>`. ("cron", six fields) or ("every",
    seconds); None when it is none of these."""
    from croniter import croniter

    expr = expr.strip()
    every = _EVERY.match(expr)
    if every:
        units = {"h": 3600, "m": 60, "s": 1}
        seconds = sum(int(n) * units[u] for n, u in re.findall(r"(\d+)([hms])", every.group(1)))
        return ("every", seconds) if seconds > 0 else None
    fields = _MACROS.get(expr.lower(), expr).split()
    if len(fields) == 5:
        fields = ["0", *fields]
    line = " ".join(fields)
    if len(fields) != 6 or not croniter.is_valid(line, second_at_beginning=True):
        return None
    return ("cron", line)


def next_fire(trigger: dict, after: datetime) -> datetime | None:
    """The first firing time strictly after `after` (None once the schedule has ended)."""
    from croniter import croniter

    sched = trigger.get("cron_schedule") or trigger.get("periodic_schedule") or {}
    start = _time(sched.get("start_time"), "start_time")
    end = _time(sched.get("end_time"), "end_time")
    base = after
    if start and start > base:
        base = start - timedelta(microseconds=1)
    cron = _cron(trigger["cron_schedule"]["cron"]) if "cron_schedule" in trigger else None
    if cron is not None and cron[0] == "cron":
        nxt = croniter(cron[1], base.astimezone(UTC), second_at_beginning=True).get_next(datetime)
    else:
        interval = cron[1] if cron else int(trigger["periodic_schedule"]["interval_second"])
        origin = start or base
        if base < origin:
            nxt = origin
        else:
            steps = int((base - origin).total_seconds() // interval) + 1
            nxt = origin + timedelta(seconds=steps * interval)
    if nxt.tzinfo is None:
        nxt = nxt.replace(tzinfo=UTC)
    if end and nxt > end:
        return None
    return nxt


def create_recurring_run(session: Session, principal: Principal, body: dict) -> KfpRecurringRun:
    source = _source_fields(session, principal, body, "recurring run")
    trigger = check_trigger(body.get("trigger"))
    mode = body.get("mode") or "ENABLE"
    if mode not in ("ENABLE", "DISABLE", "MODE_UNSPECIFIED"):
        raise BadRequest("mode must be ENABLE or DISABLE")
    mode = "DISABLE" if mode == "DISABLE" else "ENABLE"
    now = utcnow()
    rec = KfpRecurringRun(
        id=str(uuid.uuid4()),
        **source,
        max_concurrency=_int_field(body.get("max_concurrency"), "max_concurrency", 1, 1, 10),
        trigger=trigger,
        mode=mode,
        no_catchup=1 if body.get("no_catchup") else 0,
        created_at=now,
        updated_at=now,
    )
    rec.next_fire_at = next_fire(trigger, now) if mode == "ENABLE" else None
    session.add(rec)
    session.flush()
    return rec


def get_recurring_run(
    session: Session, principal: Principal, recurring_run_id: str
) -> KfpRecurringRun:
    rec = (
        session.get(KfpRecurringRun, recurring_run_id)
        if recurring_run_id and len(recurring_run_id) <= 36
        else None
    )
    if rec is None or rec.org_id != principal.org_id:
        raise NotFound(f"Recurring run {recurring_run_id!r} not found")
    return rec


def list_recurring_runs(session: Session, principal: Principal, **query):
    """Recurring runs; `query` is _list's keywords."""
    return _list(session, principal, KfpRecurringRun, RECURRING_FIELDS, **query)


def set_recurring_mode(
    session: Session, principal: Principal, recurring_run_id: str, enable: bool
) -> KfpRecurringRun:
    rec = get_recurring_run(session, principal, recurring_run_id)
    now = utcnow()
    if enable and rec.mode != "ENABLE":
        _not_archived(kfp.get_experiment(session, principal, rec.experiment_id))
        rec.mode = "ENABLE"
        rec.next_fire_at = next_fire(rec.trigger, now)
    elif not enable:
        rec.mode = "DISABLE"
        rec.next_fire_at = None
    rec.updated_at = now
    return rec


def delete_recurring_run(session: Session, principal: Principal, recurring_run_id: str) -> None:
    session.delete(get_recurring_run(session, principal, recurring_run_id))


def fire_due(session: Session, now: datetime | None = None, limit: int = 50) -> list[KfpRun]:
    """Starts the runs that enabled schedules owe at `now`. A schedule that is at its
    `max_concurrency` waits (its firing stays due) rather than piling up runs; with
    `no_catchup`, missed firings collapse into one run, else each one runs in turn."""
    now = now or utcnow()
    due = list(
        session.scalars(
            select(KfpRecurringRun)
            .where(KfpRecurringRun.mode == "ENABLE", KfpRecurringRun.next_fire_at <= now)
            .order_by(KfpRecurringRun.next_fire_at)
            .limit(limit)
        )
    )
    created: list[KfpRun] = []
    for rec in due:
        active = session.scalar(
            select(func.count())
            .select_from(KfpRun)
            .where(KfpRun.recurring_run_id == rec.id, KfpRun.state.in_(UNFINISHED))
        )
        fire_at = rec.next_fire_at
        if rec.no_catchup:
            # Skip to the latest firing not after now: one run for the missed ones.
            nxt = next_fire(rec.trigger, fire_at)
            while nxt is not None and nxt <= now:
                fire_at, nxt = nxt, next_fire(rec.trigger, nxt)
        busy = active >= rec.max_concurrency
        if busy and fire_at == rec.next_fire_at:
            continue  # stays due until a run of it finishes
        # Several processes fire schedules: the one whose conditional update moves
        # next_fire_at on is the one that starts the run.
        moved = session.execute(
            update(KfpRecurringRun)
            .where(
                KfpRecurringRun.id == rec.id,
                KfpRecurringRun.next_fire_at == rec.next_fire_at,
                KfpRecurringRun.mode == "ENABLE",
            )
            .values(
                next_fire_at=fire_at if busy else next_fire(rec.trigger, fire_at),
                **({} if busy else {"last_fire_at": fire_at}),
            )
            .execution_options(synchronize_session=False)
        ).rowcount
        if moved != 1 or busy:
            continue
        owner = Principal(org_id=rec.org_id, api_key_id=0, user_id=None, role=None)
        created.append(create_run(session, owner, {}, recurring=rec, scheduled_at=fire_at))
    return created


def in_org_run_folder(session: Session, root, path: str, org_id: int) -> str | None:
    """The real path of `path` when it lies in the folder of a run of organization `org_id`
    under the pipeline root `root` (a cached task's files are in the run that made them), else
    None: an importer's source, another organization's run, the root's own entries."""
    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    if not real.startswith(real_root + os.sep):
        return None
    parts = os.path.relpath(real, real_root).split(os.sep)
    if len(parts) < 2 or len(parts[0]) > 36:
        return None  # the root's own entries belong to no task
    run = session.get(KfpRun, parts[0])
    return real if run is not None and run.org_id == org_id else None


def read_regular_tail(path: str, limit: int) -> bytes | None:
    """The last `limit` bytes of the regular file at `path`, None when there is none. The
    last component is opened without following a link and must be a regular file: a task
    that is still running controls its folder's entries (its log among them), and could
    otherwise swap one for a link or a fifo between the caller's check and this read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None
        f.seek(max(0, info.st_size - limit))
        return f.read(limit)
