"""The job model (domain/jobs.py) and its runner on a real SQLite database: steps commit work
with progress and checkpoint, a lost lease rolls a step back, a runner that died is taken
over from the checkpoint, cancel and failure end a job as the SDK expects."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import update

from pipelines_server.domain import job_runner, jobs, orgs
from pipelines_server.shared.errors import Forbidden
from pipelines_server.shared.principal import Principal
from pipelines_server.shared.timestamps import utcnow
from pipelines_server.store.db import Database, migrate
from pipelines_server.store.leases import new_token
from pipelines_server.store.models import Job

ITEMS = 10


@jobs.handler("unit_count")
def _count(ctx: jobs.JobContext):
    """Counts items 0..n-1 two per step; records each item in `result` (so an item done twice
    shows), pauses at `pause_at` when the test asks it to."""
    n = ctx.params["n"]
    ctx.total = n
    start = ctx.checkpoint.get("next", 0)
    for i in range(start, n, 2):
        gate = ctx.params.get("pause_at")
        if gate is not None and i == gate and not ctx.checkpoint.get("resumed"):
            _GATES[ctx.job_id].wait(10)
        with ctx.step():
            items = list(ctx.result.get("items", []))
            items += list(range(i, min(i + 2, n)))
            ctx.result = {"items": items}
            ctx.done = len(items)
            ctx.checkpoint = {"next": i + 2}
    if ctx.params.get("fail"):
        raise jobs.JobFailed(ctx.params["fail"])
    return None


@jobs.handler("unit_refused")
def _refused(ctx: jobs.JobContext):
    with ctx.step():
        ctx.done = 1
    raise Forbidden("The model slug 'x' is not served by any credential")


@jobs.handler("unit_crash")
def _crash(ctx: jobs.JobContext):
    raise RuntimeError("secret internal detail")


_GATES: dict[str, threading.Event] = {}


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'jobs.db'}"
    migrate(url)
    database = Database(url)
    yield database
    database.dispose()


@pytest.fixture
def me(db) -> Principal:
    with db.session() as s:
        b = orgs.bootstrap(s)
        return Principal(b.org.id, 0, b.user.id, b.user.role)


def _new(db, me, kind="unit_count", **params) -> str:
    with db.session() as s:
        return jobs.create(s, me, kind, {"n": ITEMS, **params}).id


def _job(db, job_id) -> Job:
    with db.session() as s:
        return s.get(Job, job_id)


def test_a_job_runs_in_steps_to_completed_with_progress(db, me):
    job_id = _new(db, me)
    assert job_runner.claim_and_run(db, job_id, 30, None) == jobs.COMPLETED
    job = _job(db, job_id)
    assert (job.status, job.done, job.total) == ("completed", ITEMS, ITEMS)
    assert job.result["items"] == list(range(ITEMS))
    assert job.finished_at is not None and job.lease_until is None
    assert job.created_at <= job.started_at <= job.finished_at
    view = jobs.view(job)
    assert view["job_id"] == job_id and view["progress"] == 100


def test_a_finished_or_held_job_is_not_claimed_again(db, me):
    job_id = _new(db, me)
    with db.session() as s:
        assert jobs.claim(s, job_id, new_token(), 30)
    with db.session() as s:
        assert not jobs.claim(s, job_id, new_token(), 30)  # its lease is live
        assert jobs.claimable(s) == []


def test_a_runner_that_died_is_taken_over_from_its_checkpoint(db, me):
    job_id = _new(db, me)
    dead = new_token()
    with db.session() as s:
        assert jobs.claim(s, job_id, dead, 30)
    with db.session() as s:
        ctx = jobs.load_context(s, db, job_id, dead, 30, None)
    # The dead runner did two steps, then stopped renewing.
    for i in (0, 2):
        with ctx.step():
            ctx.result = {"items": ctx.result.get("items", []) + [i, i + 1]}
            ctx.done, ctx.checkpoint = i + 2, {"next": i + 2}
    with db.session() as s:
        s.execute(update(Job).where(Job.id == job_id).values(lease_until=utcnow() - timedelta(1)))
        assert jobs.claimable(s) == [job_id]
    assert job_runner.claim_and_run(db, job_id, 30, None) == jobs.COMPLETED
    job = _job(db, job_id)
    assert job.result["items"] == list(range(ITEMS))  # nothing twice, nothing lost
    assert job.attempts == 2
    # The dead runner's late step is refused and rolled back.
    with pytest.raises(jobs.LeaseLost):
        with ctx.step():
            ctx.result = {"items": ["late"]}
    assert _job(db, job_id).result["items"] == list(range(ITEMS))


def test_a_queued_job_cancels_at_once_and_a_running_one_at_its_next_step(db, me):
    queued = _new(db, me)
    with db.session() as s:
        job = jobs.request_cancel(s, s.get(Job, queued))
        assert job.status == "cancelled" and job.finished_at is not None
    running = _new(db, me, pause_at=4)
    _GATES[running] = threading.Event()
    outcome = {}
    t = threading.Thread(
        target=lambda: outcome.update(s=job_runner.claim_and_run(db, running, 30, None))
    )
    t.start()
    deadline = time.monotonic() + 30
    while _job(db, running).done < 4 and time.monotonic() < deadline:
        time.sleep(0.01)
    with db.session() as s:
        jobs.request_cancel(s, s.get(Job, running))
    _GATES[running].set()
    t.join(30)
    job = _job(db, running)
    assert outcome["s"] == "cancelled" and job.status == "cancelled"
    assert job.done == 4  # what finished steps did stays done, and says so
    # Cancelling a finished job changes nothing.
    with db.session() as s:
        assert jobs.request_cancel(s, s.get(Job, running)).status == "cancelled"


def test_failures_end_the_job_failed_with_a_message_for_the_caller(db, me):
    failing = _new(db, me, fail="Column 'x' is missing")
    assert job_runner.claim_and_run(db, failing, 30, None) == "failed"
    assert _job(db, failing).error == "Column 'x' is missing"
    crash = _new(db, me, kind="unit_crash")
    assert job_runner.claim_and_run(db, crash, 30, None) == "failed"
    assert _job(db, crash).error == "Internal error while running the job"  # no internals
    refused = _new(db, me, kind="unit_refused")
    assert job_runner.claim_and_run(db, refused, 30, None) == "failed"
    assert _job(db, refused).error == "The model slug 'x' is not served by any credential"
    unknown = _new(db, me, kind="no_such_kind")
    assert job_runner.claim_and_run(db, unknown, 30, None) == "failed"


def test_the_runner_threads_run_submitted_jobs(db, me):
    runner = job_runner.JobRunner(db, 2, lease_seconds=30, poll_seconds=0.05)
    runner.start()
    try:
        ids = [_new(db, me) for _ in range(4)]
        for job_id in ids:
            runner.submit(job_id)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and any(_job(db, i).status != "completed" for i in ids):
            time.sleep(0.02)
    finally:
        runner.stop()
    assert [_job(db, i).status for i in ids] == ["completed"] * 4


def test_get_is_scoped_to_the_organization_and_kind(db, me):
    job_id = _new(db, me)
    with db.session() as s:
        other = orgs.bootstrap(s, org_name="Other", email="o@example.com")
        them = Principal(other.org.id, 0, other.user.id, other.user.role)
    with db.session() as s:
        assert jobs.get(s, me, job_id).id == job_id
        for who, kinds in ((them, None), (me, ("other_kind",))):
            with pytest.raises(jobs.NotFound):
                jobs.get(s, who, job_id, kinds)
        with pytest.raises(jobs.NotFound):
            jobs.get(s, me, "x" * 100)


def test_a_cancel_read_before_a_runner_claimed_the_job_does_not_undo_the_claim(db, me):
    """The cancel read the job queued and unclaimed, a runner claimed it before the cancel
    wrote: the job stays the runner's (asked to stop at its next step), never marked
    cancelled while its first step may still be committing work."""
    job_id = _new(db, me)
    with db.session() as s:
        stale = s.get(Job, job_id)
        assert stale.status == "queued" and stale.claim_token is None
        with db.session() as runner:
            assert jobs.claim(runner, job_id, new_token(), 30)
        job = jobs.request_cancel(s, stale)
        assert job.status == "running" and job.cancel_requested == 1
        assert job.finished_at is None
    assert _job(db, job_id).status == "running"
