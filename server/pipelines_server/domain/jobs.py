"""Jobs: the one durable model of every long operation (async task creation, seeding from a
dataset, exports, dataset imports and evaluations, experiments).

A job is a row. The API creates it `queued` and the runner (domain/job_runner.py: threads of
the server, or Celery workers) claims it under a lease, runs its kind's handler, and ends it
`completed`, `completed_with_partial_results`, `failed` or `cancelled` (the statuses the
`pipelines-sdk` wait helpers stop on). A handler works in steps: each step is one
transaction that does a slice of the work and, in the same commit, records progress and a
checkpoint, on the condition that the runner still holds the job's lease. A runner that dies
(SIGKILL) loses its lease; another claims the job and goes on from the last checkpoint, so
nothing is done twice and nothing is lost.

A kind's handler is registered with `@handler("kind")` in the domain module that owns the
work; `job_kinds` imports every such module.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..shared import metrics
from ..shared.errors import DomainError, NotFound
from ..shared.principal import Principal
from ..shared.timestamps import ts, utcnow
from ..store import leases
from ..store.models import Job, User
from . import notifications

log = logging.getLogger(__name__)

QUEUED, RUNNING = "queued", "running"
COMPLETED, PARTIAL = "completed", "completed_with_partial_results"
FAILED, CANCELLED = "failed", "cancelled"
TERMINAL = frozenset({COMPLETED, PARTIAL, FAILED, CANCELLED})
STATUSES = (QUEUED, RUNNING, COMPLETED, PARTIAL, FAILED, CANCELLED)


class JobFailed(Exception):
    """Raised by a handler: the job ends `failed` with this message (shown to the caller)."""


class Cancelled(Exception):
    """A step found the job's cancel requested: the job ends `cancelled`."""


class LeaseLost(Exception):
    """Another runner took the job over (this one was too slow to renew): stop, write
    nothing more."""


HANDLERS: dict[str, Callable[[JobContext], str | None]] = {}


def handler(kind: str):
    """Registers the function that runs jobs of `kind`. It gets a JobContext, works in
    `ctx.step()`s, and returns the final status (None: completed), or raises JobFailed."""

    def register(fn: Callable[[JobContext], str | None]):
        HANDLERS[kind] = fn
        return fn

    return register


# --- the API side -----------------------------------------------------------------------


def create(
    session: Session,
    principal: Principal,
    kind: str,
    params: dict,
    *,
    total: int | None = None,
    workflow_id: int | None = None,
    dataset_id: int | None = None,
    result: dict | None = None,
) -> Job:
    """A new queued job of the caller's organization. The caller commits, then wakes the
    runner (runtime `jobs.submit(job.id)`)."""
    now = utcnow()
    job = Job(
        id=str(uuid.uuid4()),
        org_id=principal.org_id,
        kind=kind,
        status=QUEUED,
        created_by_id=principal.user_id,
        workflow_id=workflow_id,
        dataset_id=dataset_id,
        params=params,
        done=0,
        total=total,
        checkpoint={},
        result=result or {},
        cancel_requested=0,
        attempts=0,
        created_at=now,
        updated_at=now,
    )
    session.add(job)
    session.flush()
    return job


def get(
    session: Session,
    principal: Principal,
    job_id: str,
    kinds: tuple[str, ...] | None = None,
    *,
    workflow_id: int | None = None,
    dataset_id: int | None = None,
    what: str = "Job",
) -> Job:
    """A job of the caller's organization (of one of `kinds`, about that workflow or dataset
    when given); another organization's, or another kind's, is not found."""
    job = session.get(Job, job_id) if isinstance(job_id, str) and len(job_id) <= 36 else None
    if (
        job is None
        or job.org_id != principal.org_id
        or (kinds is not None and job.kind not in kinds)
        or (workflow_id is not None and job.workflow_id != workflow_id)
        or (dataset_id is not None and job.dataset_id != dataset_id)
    ):
        raise NotFound(f"{what} not found")
    return job


def request_cancel(session: Session, job: Job) -> Job:
    """Asks the job to stop. A queued job is cancelled at once; a running one stops at its
    next step (what its finished steps did stays done, and its status says how far it got);
    a finished job is left as it is."""
    if job.status in TERMINAL:
        return job
    now = utcnow()
    table = Job.__table__
    # Conditional updates, not the ORM object's state: a runner may claim the job between our
    # read and our write, and writing back the status we read would cancel a job that is in
    # fact running (its steps' tasks would then outlive a cancelled experiment).
    session.execute(
        update(table)
        .where(table.c.id == job.id, table.c.finished_at.is_(None))
        .values(cancel_requested=1, updated_at=now)
    )
    session.execute(
        update(table)
        .where(
            table.c.id == job.id,
            table.c.status == QUEUED,
            table.c.claim_token.is_(None),
            table.c.finished_at.is_(None),
        )
        .values(status=CANCELLED, finished_at=now, lease_until=None)
    )
    session.refresh(job)
    return job


def view(job: Job) -> dict[str, Any]:
    """The common shape of a job's status, which every status route starts from: `job_id`
    (also `id`), `status`, progress as `done` of `total` (and `progress`, 0-100), `result`,
    `error`, timestamps."""
    total = job.total
    percent = None
    if total:
        percent = min(100, int(job.done * 100 / total))
    elif job.status in (COMPLETED, PARTIAL):
        percent = 100
    return {
        "job_id": job.id,
        "id": job.id,
        "kind": job.kind,
        "status": job.status,
        "done": job.done,
        "total": total,
        "progress": percent,
        "cancel_requested": bool(job.cancel_requested),
        "error": job.error,
        "result": job.result or {},
        "created_at": ts(job.created_at),
        "started_at": ts(job.started_at),
        "finished_at": ts(job.finished_at),
    }


# --- the runner side --------------------------------------------------------------------


def claim(session: Session, job_id: str, token: str, lease_seconds: float) -> bool:
    """Takes `job_id` if it is unfinished and nobody holds a live lease on it. Taking one
    whose runner let its lease lapse (died) is a takeover: logged and counted."""
    now = utcnow()
    table = Job.__table__
    previous = session.execute(
        select(table.c.claim_token, table.c.attempts).where(table.c.id == job_id)
    ).first()
    result = session.execute(
        update(table)
        .where(
            table.c.id == job_id,
            table.c.finished_at.is_(None),
            leases.lapsed(table.c.lease_until, now),
        )
        .values(
            claim_token=token,
            lease_until=leases.lease_end(now, lease_seconds),
            status=RUNNING,
            attempts=table.c.attempts + 1,
            started_at=func.coalesce(table.c.started_at, now),
            updated_at=now,
        )
    )
    if result.rowcount != 1:
        return False
    if previous is not None and previous.claim_token is not None:
        metrics.LEASES_TAKEN_OVER.labels(queue="jobs").inc()
        log.warning(
            "took over job %s (attempt %d): its runner's lease lapsed; it goes on from its "
            "last checkpoint",
            job_id,
            previous.attempts + 1,
        )
    return True


def claimable(session: Session, limit: int = 10, idle_seconds: float | None = None) -> list[str]:
    """Unfinished jobs whose lease lapsed or was never taken, oldest first; with
    `idle_seconds`, only those not touched for that long (then touched: a sweeper that sends
    them to workers sends each once per `idle_seconds`, not on every pass)."""
    now = utcnow()
    query = select(Job.id).where(Job.finished_at.is_(None), leases.lapsed(Job.lease_until, now))
    if idle_seconds is not None:
        query = query.where(Job.updated_at < leases.lease_end(now, -idle_seconds))
    ids = list(session.scalars(query.order_by(Job.created_at).limit(limit)))
    if ids and idle_seconds is not None:
        session.execute(update(Job.__table__).where(Job.id.in_(ids)).values(updated_at=now))
    return ids


def renew(session: Session, job_id: str, token: str, lease_seconds: float) -> bool:
    table = Job.__table__
    result = session.execute(
        update(table)
        .where(leases.held(table.c.id, table.c.claim_token, job_id, token))
        .where(table.c.finished_at.is_(None))
        .values(lease_until=leases.deadline(lease_seconds))
    )
    return result.rowcount == 1


@dataclass
class JobContext:
    """What a handler works with: the job's parameters, its progress and checkpoint (both
    written by each step's commit), and `step()`, the unit of work."""

    db: Any  # store.db.Database
    job_id: str
    token: str
    lease_seconds: float
    kind: str
    org_id: int
    created_by_id: int | None
    params: dict
    done: int
    total: int | None
    checkpoint: dict = field(default_factory=dict)
    result: dict = field(default_factory=dict)
    settings: Any = None  # the process's Settings (data directories, limits)

    def principal(self, session: Session) -> Principal:
        """The job acts as the user who created it, with that user's current role."""
        user = session.get(User, self.created_by_id) if self.created_by_id else None
        if user is None or user.removed_at is not None:
            return Principal(self.org_id, 0, None, None)
        return Principal(self.org_id, 0, user.id, user.role)

    def cancelled(self) -> bool:
        with self.db.session() as session:
            return bool(session.scalar(select(Job.cancel_requested).where(Job.id == self.job_id)))

    @contextmanager
    def step(self) -> Iterator[Session]:
        """One transaction of work. Raises Cancelled (nothing done) when a cancel was asked
        for; on success it commits the work together with `done`, `total`, `checkpoint` and
        `result` as the handler left them, and renews the lease; if the lease was lost the
        whole step rolls back (LeaseLost)."""
        if self.cancelled():
            raise Cancelled()
        before = (self.done, self.total, dict(self.checkpoint), dict(self.result))
        try:
            with self.db.session() as session:
                yield session
                table = Job.__table__
                written = session.execute(
                    update(table)
                    .where(leases.held(table.c.id, table.c.claim_token, self.job_id, self.token))
                    .where(table.c.finished_at.is_(None))
                    .values(
                        done=self.done,
                        total=self.total,
                        checkpoint=self.checkpoint,
                        result=self.result,
                        lease_until=leases.deadline(self.lease_seconds),
                        updated_at=utcnow(),
                    )
                )
                if written.rowcount != 1:
                    raise LeaseLost()
        except BaseException:
            # The step's work rolled back: so does what it said about its progress.
            self.done, self.total = before[0], before[1]
            self.checkpoint, self.result = before[2], before[3]
            raise


def load_context(session: Session, db, job_id: str, token: str, lease_seconds: float, settings):
    job = session.get(Job, job_id)
    return JobContext(
        db=db,
        job_id=job.id,
        token=token,
        lease_seconds=lease_seconds,
        kind=job.kind,
        org_id=job.org_id,
        created_by_id=job.created_by_id,
        params=job.params or {},
        done=job.done,
        total=job.total,
        checkpoint=dict(job.checkpoint or {}),
        result=dict(job.result or {}),
        settings=settings,
    )


def finish(
    session: Session, job_id: str, token: str, status: str, error: str | None = None
) -> bool:
    """Ends the job held under `token`; a job taken over by another runner is left alone.
    The user who started it is notified in the same commit (domain/notifications)."""
    now = utcnow()
    table = Job.__table__
    result = session.execute(
        update(table)
        .where(leases.held(table.c.id, table.c.claim_token, job_id, token))
        .where(table.c.finished_at.is_(None))
        .values(status=status, error=error, finished_at=now, lease_until=None, updated_at=now)
    )
    if result.rowcount != 1:
        return False
    job = session.execute(select(table).where(table.c.id == job_id)).first()
    notifications.job_finished(session, job, status, error)
    return True


def run(db, job_id: str, token: str, lease_seconds: float, settings=None) -> str | None:
    """Runs a job this runner has claimed, to its end (or until its lease is lost); returns
    the final status it wrote, or None if it wrote none."""
    with db.session() as session:
        ctx = load_context(session, db, job_id, token, lease_seconds, settings)
    fn = HANDLERS.get(ctx.kind)
    error = None
    try:
        if fn is None:
            raise JobFailed(f"No handler for jobs of kind {ctx.kind!r}")
        status = fn(ctx) or COMPLETED
    except LeaseLost:
        log.warning("job %s was taken over by another runner", job_id)
        return None
    except Cancelled:
        status = CANCELLED
    except JobFailed as exc:
        status, error = FAILED, str(exc)
    except DomainError as exc:
        # A rule of the domain refused the work (a workflow no longer accepts tasks, a model
        # a credential stopped serving): the caller reads why, as from the synchronous route.
        status, error = FAILED, exc.message
    except Exception:
        log.exception("job %s (%s) failed", job_id, ctx.kind)
        status, error = FAILED, "Internal error while running the job"
    unfinished = ctx.total is not None and ctx.done < ctx.total
    if status in (COMPLETED, PARTIAL) and unfinished and ctx.cancelled():
        status = CANCELLED
    with db.session() as session:
        return status if finish(session, job_id, token, status, error) else None
