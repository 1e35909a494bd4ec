"""Kubeflow Pipelines recurring runs: triggers (upstream's cron and periodic schedules),
what may be created, read, listed, enabled or disabled, and the firing of due schedules. A
recurring run creates runs on its trigger, never more than `max_concurrency` unfinished at
once."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..shared.errors import BadRequest
from ..shared.principal import Principal
from ..shared.timestamps import ts_micros, utcnow
from ..store.models import KfpRecurringRun, KfpRun
from . import query as q
from .experiments import get_experiment
from .namespaces import in_org
from .runs import UNFINISHED, check_not_archived, create_run, list_scoped, source_fields

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
        out["start_time"] = ts_micros(start)
    if end:
        out["end_time"] = ts_micros(end)
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
    source = source_fields(session, principal, body, "recurring run")
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
    return in_org(session, principal, KfpRecurringRun, recurring_run_id, "Recurring run")


def list_recurring_runs(session: Session, principal: Principal, **query):
    """Recurring runs; `query` is runs.list_scoped's keywords."""
    return list_scoped(session, principal, KfpRecurringRun, RECURRING_FIELDS, **query)


def set_recurring_mode(
    session: Session, principal: Principal, recurring_run_id: str, enable: bool
) -> KfpRecurringRun:
    rec = get_recurring_run(session, principal, recurring_run_id)
    now = utcnow()
    if enable and rec.mode != "ENABLE":
        check_not_archived(get_experiment(session, principal, rec.experiment_id))
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
