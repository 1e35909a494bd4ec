"""Pipelit scheduled jobs: an interval schedule that starts an execution of its workflow,
and the duty that fires the due ones.

Statuses are active, paused, dead and done. Create, start and resume set the first run one
interval from now; pause clears `next_run_at`; PATCH changes the numbers but does not
reschedule. A due fire is skipped (and the next one set one interval later) while an earlier
run of the same schedule is pending or running. A fire that starts an execution counts as a
success (whatever the run does): run_count and current_repeat go up, and the schedule is
`done` once `total_repeats` (> 0) is reached. A fire that cannot start one is a failure:
error_count and last_error, a retry after min(interval * 2^(retry-1), 10 * interval), and
`dead` once the retries exceed `max_retries`.

The schedule of a `trigger_schedule` node (the node routes' start, pause, stop) is the first
one whose trigger_node_id is the node's `node_id` (a UUID like any other; a ':' could not be
a path parameter here).

Upstream keeps the next run in an RQ delayed queue; here the `next_run_at` column is the
queue: one process across all of them (the "pipelit-schedules" duty) fires what is due every
PIPELINES_PIPELIT_SCHEDULE_SWEEP_SECONDS, so runs missed while no server ran are fired on the
next sweep (upstream's startup recovery)."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ...shared.errors import BadRequest, FieldError, NotFound, ValidationFailed
from ...shared.principal import Principal
from ...shared.timestamps import utcnow
from ...store.db import Database
from ...store.models import PipelitExecution, PipelitNode, PipelitSchedule, PipelitWorkflow, Task
from ...store.process_leases import Duty
from . import access
from .access import WORKFLOW_NOT_FOUND, iso, page, visible_workflows

log = logging.getLogger(__name__)

NOT_FOUND = "Scheduled job not found."
NODE_NOT_FOUND = "Node not found."
NOT_A_SCHEDULE = "Node is not a trigger_schedule."
NO_NODE_JOB = "No scheduled job found for this node."
STATUSES = ("active", "paused", "dead", "done")
FINAL_TASK = ("finished", "failed", "cancelled")
# The numbers a schedule takes and their lower bounds (Pydantic validators upstream).
BOUNDS = {"interval_seconds": 1, "total_repeats": 0, "max_retries": 0, "timeout_seconds": 1}
MAX_NUMBER = 2**31 - 1  # the columns' integers
EDITABLE = (
    "name",
    "description",
    "interval_seconds",
    "total_repeats",
    "max_retries",
    "timeout_seconds",
    "trigger_payload",
)
NODE_DEFAULTS = {
    "interval_seconds": 300,
    "total_repeats": 0,
    "max_retries": 3,
    "timeout_seconds": 600,
    "trigger_payload": {},
}


# -- the rules (pure) ------------------------------------------------------------------------


def check_numbers(values: dict, loc_prefix: tuple = ("body",)) -> None:
    """422 "Value error, <field> must be >= <n>" for the first number below its bound."""
    for field, low in BOUNDS.items():
        value = values.get(field)
        if value is not None and value < low:
            text = f"{field} must be >= {low}"
            raise ValidationFailed(text, [FieldError(text, loc=(*loc_prefix, field))])


def backoff(interval: int, retry: int) -> int:
    """Seconds before retry number `retry` (1-based): doubling, capped at 10 intervals."""
    return min(interval * (2 ** (retry - 1)), interval * 10)


def schedule_next(job: PipelitSchedule, seconds: int, now: datetime) -> None:
    job.next_run_at = now + timedelta(seconds=seconds)


def start(job: PipelitSchedule, now: datetime) -> None:
    """(Re)starts a schedule: active, first run one interval from now."""
    job.status = "active"
    schedule_next(job, job.interval_seconds, now)


def pause(job: PipelitSchedule, now: datetime) -> None:
    if job.status != "active":
        raise BadRequest(f"Cannot pause job with status '{job.status}'.")
    job.status = "paused"
    job.next_run_at = None
    job.updated_at = now


def resume(job: PipelitSchedule, now: datetime) -> None:
    if job.status != "paused":
        raise BadRequest(f"Cannot resume job with status '{job.status}'.")
    start(job, now)
    job.updated_at = now


def skipped(job: PipelitSchedule, now: datetime) -> None:
    """An earlier run is still pending or running: try again one interval later."""
    schedule_next(job, job.interval_seconds, now)


def succeeded(job: PipelitSchedule, now: datetime) -> None:
    job.run_count += 1
    job.current_retry = 0
    job.last_run_at = now
    job.last_error = ""
    job.current_repeat += 1
    if job.total_repeats > 0 and job.current_repeat >= job.total_repeats:
        job.status = "done"
        job.next_run_at = None
    else:
        schedule_next(job, job.interval_seconds, now)
    job.updated_at = now


def failed(job: PipelitSchedule, error: str, now: datetime) -> None:
    job.error_count += 1
    job.last_error = error
    job.last_run_at = now
    retry = job.current_retry + 1
    if retry > job.max_retries:
        job.status = "dead"
        job.next_run_at = None
    else:
        job.current_retry = retry
        schedule_next(job, backoff(job.interval_seconds, retry), now)
    job.updated_at = now


def event_payload(job: PipelitSchedule, now: datetime) -> dict:
    """The execution's trigger payload (Pipelit's schedule event)."""
    return {
        "scheduled_job_id": job.id,
        "scheduled_job_name": job.name,
        "repeat_number": job.current_repeat,
        "timestamp": now.isoformat(),
        "payload": job.trigger_payload or {},
    }


# -- the routes ------------------------------------------------------------------------------


def out(job: PipelitSchedule) -> dict:
    return {
        "id": job.id,
        "name": job.name,
        "description": job.description or "",
        "workflow_id": job.workflow_id,
        "trigger_node_id": job.trigger_node_id,
        "user_profile_id": job.user_id,
        "interval_seconds": job.interval_seconds,
        "total_repeats": job.total_repeats,
        "max_retries": job.max_retries,
        "timeout_seconds": job.timeout_seconds,
        "trigger_payload": job.trigger_payload,
        "status": job.status,
        "current_repeat": job.current_repeat,
        "current_retry": job.current_retry,
        "last_run_at": iso(job.last_run_at),
        "next_run_at": iso(job.next_run_at),
        "run_count": job.run_count,
        "error_count": job.error_count,
        "last_error": job.last_error or "",
        "created_at": iso(job.created_at),
        "updated_at": iso(job.updated_at),
    }


def node_job_out(job: PipelitSchedule | None) -> dict | None:
    """A node's `schedule_job` (NodeOut)."""
    if job is None:
        return None
    keys = (
        "id", "status", "run_count", "error_count", "current_repeat", "current_retry",
        "total_repeats", "max_retries", "timeout_seconds", "interval_seconds", "last_run_at",
        "next_run_at", "last_error", "created_at",
    )  # fmt: skip
    full = out(job)
    return {k: full[k] for k in keys}


def visible(principal: Principal) -> Select:
    """The schedules of the workflows the caller sees."""
    return access.under_visible_workflows(PipelitSchedule, principal)


def get(session: Session, principal: Principal, job_id: str) -> PipelitSchedule:
    if access.unmatchable(job_id):
        raise NotFound(NOT_FOUND)
    job = session.scalar(visible(principal).where(PipelitSchedule.id == job_id))
    if job is None:
        raise NotFound(NOT_FOUND)
    return job


def list_schedules(session: Session, principal: Principal, status, workflow_id, limit, offset):
    stmt = visible(principal)
    if access.unmatchable(status):
        return [], 0
    if status:
        stmt = stmt.where(PipelitSchedule.status == status)
    if workflow_id is not None:
        stmt = stmt.where(PipelitSchedule.workflow_id == workflow_id)
    stmt = stmt.order_by(PipelitSchedule.created_at.desc(), PipelitSchedule.id)
    return page(session, stmt, limit, offset)


def create(session: Session, principal: Principal, body: dict) -> PipelitSchedule:
    check_numbers(body)
    workflow = session.scalar(
        visible_workflows(principal).where(PipelitWorkflow.id == body["workflow_id"])
    )
    if workflow is None:
        raise NotFound(WORKFLOW_NOT_FOUND)
    now = utcnow()
    job = PipelitSchedule(
        id=str(uuid.uuid4()),
        org_id=principal.org_id,
        user_id=principal.user_id,
        workflow_id=workflow.id,
        trigger_node_id=body.get("trigger_node_id"),
        name=body["name"],
        description=body.get("description") or "",
        interval_seconds=body["interval_seconds"],
        total_repeats=_given(body, "total_repeats", 0),
        max_retries=_given(body, "max_retries", 3),
        timeout_seconds=_given(body, "timeout_seconds", 600),
        trigger_payload=body.get("trigger_payload"),
        current_repeat=0,
        current_retry=0,
        run_count=0,
        error_count=0,
        last_error="",
        created_at=now,
        updated_at=now,
    )
    start(job, now)
    session.add(job)
    session.flush()
    return job


def _given(body: dict, field: str, default):
    value = body.get(field)
    return default if value is None else value


def update(session: Session, principal: Principal, job_id: str, body: dict) -> PipelitSchedule:
    check_numbers(body)
    job = get(session, principal, job_id)
    for field in EDITABLE:
        if field not in body:
            continue
        value = body[field]
        if value is None and field != "trigger_payload":
            # Pydantic lets an explicit null through; the columns are not nullable.
            continue
        setattr(job, field, value)
    job.updated_at = utcnow()
    return job


def delete(session: Session, principal: Principal, job_id: str) -> None:
    session.delete(get(session, principal, job_id))


def pause_job(session: Session, principal: Principal, job_id: str) -> PipelitSchedule:
    job = get(session, principal, job_id)
    pause(job, utcnow())
    return job


def resume_job(session: Session, principal: Principal, job_id: str) -> PipelitSchedule:
    job = get(session, principal, job_id)
    resume(job, utcnow())
    return job


def batch_delete(session: Session, principal: Principal, ids: list[str]) -> None:
    ids = [i for i in ids if not access.unmatchable(i)]
    if not ids:
        return
    for job in session.scalars(visible(principal).where(PipelitSchedule.id.in_(ids))):
        session.delete(job)


# -- trigger_schedule nodes ------------------------------------------------------------------


def node_job(session: Session, node: PipelitNode) -> PipelitSchedule | None:
    """The node's schedule: the first naming the node as its trigger (as upstream, and as
    NodeOut's `schedule_job` shows it)."""
    return session.scalar(
        select(PipelitSchedule)
        .where(
            PipelitSchedule.workflow_id == node.workflow_id,
            PipelitSchedule.trigger_node_id == node.node_id,
        )
        .order_by(PipelitSchedule.created_at, PipelitSchedule.id)
        .limit(1)
    )


def _schedule_node(session: Session, workflow: PipelitWorkflow, node_id: str) -> PipelitNode:
    if access.unmatchable(node_id):
        raise NotFound(NODE_NOT_FOUND)
    node = session.scalar(
        select(PipelitNode).where(
            PipelitNode.workflow_id == workflow.id, PipelitNode.node_id == node_id
        )
    )
    if node is None:
        raise NotFound(NODE_NOT_FOUND)
    if node.component_type != "trigger_schedule":
        raise BadRequest(NOT_A_SCHEDULE)
    return node


def _set_active(node: PipelitNode, active: bool, now: datetime) -> None:
    config = dict(node.config or {})
    config["is_active"] = active
    node.config = config
    node.updated_at = now


def node_settings(node: PipelitNode) -> dict:
    """The schedule a node's `extra_config` asks for (Pipelit's defaults filled in)."""
    extra = (node.config or {}).get("extra_config") or {}
    values = {}
    for field, default in NODE_DEFAULTS.items():
        value = extra.get(field, default)
        values[field] = default if value is None else value
    for field in BOUNDS:
        try:
            values[field] = int(values[field])
        except (TypeError, ValueError, OverflowError):
            values[field] = None
        if values[field] is None or abs(values[field]) > MAX_NUMBER:
            text = f"{field} must be an integer of at most {MAX_NUMBER}"
            raise ValidationFailed(text, [FieldError(text, loc=("body", field))])
    if not isinstance(values["trigger_payload"], dict) or not values["trigger_payload"]:
        values["trigger_payload"] = None
    if values["interval_seconds"] < 1:
        # Upstream raises this from the route itself: a 422 with a plain string detail.
        raise ValidationFailed("interval_seconds must be >= 1")
    return values


def node_start(
    session: Session, principal: Principal, workflow: PipelitWorkflow, node_id: str
) -> PipelitNode:
    """start: creates the node's schedule, or updates it (and resumes a paused one, restarts
    a done or dead one with fresh counters; an active one keeps its next run)."""
    node = _schedule_node(session, workflow, node_id)
    values = node_settings(node)
    now = utcnow()
    job = node_job(session, node)
    if job is None:
        job = PipelitSchedule(
            id=str(uuid.uuid4()),
            org_id=workflow.org_id,
            user_id=principal.user_id if principal.user_id is not None else workflow.owner_id,
            workflow_id=workflow.id,
            trigger_node_id=node.node_id,
            name=f"schedule:{node.node_id}",
            description="",
            current_repeat=0,
            current_retry=0,
            run_count=0,
            error_count=0,
            last_error="",
            created_at=now,
            updated_at=now,
            **values,
        )
        start(job, now)
        session.add(job)
    else:
        for field, value in values.items():
            setattr(job, field, value)
        job.trigger_node_id = node.node_id
        if job.status in ("done", "dead"):
            job.current_repeat = job.current_retry = 0
            job.run_count = job.error_count = 0
            job.last_error = ""
            start(job, now)
        elif job.status != "active":
            start(job, now)
        job.updated_at = now
    _set_active(node, True, now)
    session.flush()
    return node


def node_pause(
    session: Session, principal: Principal, workflow: PipelitWorkflow, node_id: str
) -> PipelitNode:
    node = _schedule_node(session, workflow, node_id)
    job = node_job(session, node)
    if job is None:
        raise NotFound(NO_NODE_JOB)
    now = utcnow()
    pause(job, now)
    _set_active(node, False, now)
    session.flush()
    return node


def node_stop(
    session: Session, principal: Principal, workflow: PipelitWorkflow, node_id: str
) -> PipelitNode:
    node = _schedule_node(session, workflow, node_id)
    job = node_job(session, node)
    if job is None:
        raise NotFound(NO_NODE_JOB)
    session.delete(job)
    _set_active(node, False, utcnow())
    session.flush()
    return node


# -- firing ----------------------------------------------------------------------------------


def _run_in_progress(session: Session, job: PipelitSchedule) -> bool:
    """An earlier execution of this schedule is pending or running (its task not final)."""
    stmt = (
        select(PipelitExecution.id)
        .outerjoin(Task, Task.id == PipelitExecution.task_id)
        .where(
            PipelitExecution.schedule_id == job.id,
            PipelitExecution.status.in_(("pending", "running")),
            (PipelitExecution.task_id.is_(None)) | (Task.status.not_in(FINAL_TASK)),
        )
        .limit(1)
    )
    return session.scalar(stmt) is not None


def _trigger_node(session: Session, job: PipelitSchedule) -> PipelitNode | None:
    stmt = select(PipelitNode).where(PipelitNode.workflow_id == job.workflow_id)
    if job.trigger_node_id:
        stmt = stmt.where(PipelitNode.node_id == job.trigger_node_id)
    else:
        stmt = stmt.where(PipelitNode.component_type == "trigger_schedule")
    return session.scalar(stmt.order_by(PipelitNode.id).limit(1))


def _dispatch(session: Session, job: PipelitSchedule, now: datetime) -> None:
    """Starts one execution of the schedule's workflow; raises when it cannot."""
    from . import executions  # the executions area's entry point (one per trigger kind)

    workflow = session.get(PipelitWorkflow, job.workflow_id)
    node = _trigger_node(session, job)
    if workflow is None or node is None:
        raise LookupError(f"No matching trigger found for scheduled job {job.id}")
    executions.start_execution(
        session,
        workflow,
        node,
        event_payload(job, now),
        job.user_id,
        trigger="schedule",
        schedule_id=job.id,
    )


def fire(session: Session, job: PipelitSchedule, now: datetime) -> str:
    """One due fire of `job` (locked by the caller): 'skipped', 'fired' or 'failed'."""
    if _run_in_progress(session, job):
        skipped(job, now)
        return "skipped"
    try:
        with session.begin_nested():
            _dispatch(session, job, now)
    except SQLAlchemyError:
        # The database, not the schedule, failed: the fire is rolled back whole and the job,
        # still due, is fired again on a later sweep.
        raise
    except Exception as exc:
        log.info("scheduled job %s: the fire failed: %s", job.id, exc)
        failed(job, str(exc), now)
        return "failed"
    succeeded(job, now)
    return "fired"


def due_ids(
    session: Session, now: datetime, limit: int = 100, only: Collection[str] | None = None
) -> list[str]:
    stmt = (
        select(PipelitSchedule.id)
        .where(PipelitSchedule.status == "active", PipelitSchedule.next_run_at <= now)
        .order_by(PipelitSchedule.next_run_at)
        .limit(limit)
    )
    if only is not None:
        stmt = stmt.where(PipelitSchedule.id.in_(list(only)))
    return list(session.scalars(stmt))


def fire_due(db: Database, now: datetime | None = None, only: Collection[str] | None = None) -> int:
    """Fires every schedule due at `now` (the clock by default; among `only` when given),
    each in a transaction of its own; how many fires went through (one rolled back, e.g.
    on a busy SQLite database, is tried again on the next pass while still due)."""
    with db.session() as session:
        ids = due_ids(session, now or utcnow(), only=only)
    fired = 0
    for job_id in ids:
        try:
            fired += _fire_one(db, job_id, now)
        except Exception:  # one job's trouble does not hold up the others
            log.exception("scheduled job %s: the fire was rolled back", job_id)
    return fired


def _fire_one(db: Database, job_id: str, now: datetime | None = None) -> bool:
    with db.session() as session:
        job = session.scalar(
            select(PipelitSchedule).where(PipelitSchedule.id == job_id).with_for_update()
        )
        now = now or utcnow()
        if job is None or job.status != "active" or job.next_run_at is None:
            return False
        if job.next_run_at > now:  # changed since it was listed
            return False
        fire(session, job, now)
    return True


class ScheduleSweeper:
    """The "pipelit-schedules" duty: one process across all of them fires due schedules."""

    def __init__(self, db: Database, seconds: float):
        self.db, self.seconds = db, seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        duty = Duty(self.db, "pipelit-schedules", max(self.seconds * 4, 5.0))
        self._thread = threading.Thread(
            target=duty.perform,
            args=(self._wait, self.sweep),
            name="pipelit-schedules",
            daemon=True,
        )
        self._thread.start()

    def sweep(self, now: datetime | None = None, only: Collection[str] | None = None) -> int:
        """One pass of the duty: fires what is due at `now` (the clock by default); how
        many fires went through. Tests call it with a `now` of their own (and `only` their jobs)."""
        return fire_due(self.db, now, only)

    def _wait(self) -> bool:
        return not self._stop.wait(self.seconds)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
