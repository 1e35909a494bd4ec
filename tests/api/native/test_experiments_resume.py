"""An experiment's job resumes where its runner died: no second copy of a variant's
workflow, no task created twice, none missing.

The first runner is this test process, on a server that runs no jobs itself: it claims the
job, lets four steps commit, and dies inside the fifth (its work rolls back, as a SIGKILLed
process's would). The server is then SIGKILLed too, and a second server, on the same
database, takes the job over once its lease lapsed. Nothing depends on timing."""

from __future__ import annotations

import signal
import time
from contextlib import contextmanager

import pytest
from sqlalchemy import func, select

from pipelines_server.domain import experiments, jobs
from pipelines_server.store.db import Database
from pipelines_server.store.leases import new_token
from pipelines_server.store.models import Job, Task, Workflow
from tests.api.engine.helpers import chain, flow, node
from tests.api.helpers import native
from tests.api.native.conftest import as_org

COUNT = 1200  # three steps per variant: 500, 500, 200
FORM = {"fields": [{"name": "label", "type": "short_text", "required": True}]}


class Died(Exception):
    pass


def test_a_killed_experiment_job_resumes_without_duplicates(make_server):
    env = {"PIPELINES_JOB_WORKERS": "0", "PIPELINES_JOB_LEASE_SECONDS": "2"}
    first = make_server(env=env)
    if first.worker is not None:
        pytest.skip("with Celery the worker runs the job; this test is the runner itself")
    wf = flow(
        first,
        [node("start", "start"), node("label", "subtask", **FORM), node("end", "end")],
        chain("start", "label", "end"),
        [],
    )
    url = f"/projects/{first.seed.project_id}/workflows/{wf['id']}/experiments"
    with native(first) as api:
        r = api.post(url, json={"name": "resume", "count": COUNT, "variants": [{}, {}, {}]})
        assert r.status_code == 202, r.text
        eid = r.json()["experiment_id"]

    db = Database(first.database_url)
    try:
        token = new_token()
        with db.session() as session:
            assert jobs.claim(session, eid, token, 2.0)
        with db.session() as session:
            ctx = jobs.load_context(session, db, eid, token, 2.0, None)
        steps = {"n": 0}
        real_step = ctx.step

        @contextmanager
        def dying_step():
            with real_step() as session:
                yield session
                steps["n"] += 1
                if steps["n"] == 5:  # the fifth step did its work and dies before its commit
                    raise Died()

        ctx.step = dying_step
        with pytest.raises(Died):
            experiments.run(ctx)
        first.stop(signal.SIGKILL)

        with db.session() as session:
            job = session.get(Job, eid)
            assert job.status == "running" and job.finished_at is None
            assert job.checkpoint == {"variant": 1, "rows": 500}
            assert job.done == COUNT + 500
            copies = [v["workflow_id"] for v in job.result["variants"]]
            assert copies[0] and copies[1] and copies[2] is None
            assert (
                session.scalar(
                    select(func.count()).select_from(Task).where(Task.workflow_id == copies[1])
                )
                == 500
            )

        second = make_server(
            env={"PIPELINES_JOB_LEASE_SECONDS": "2"}, database_url=first.database_url, seed=False
        )
        srv = as_org(second, first.seed)
        with native(srv) as api:
            deadline = time.monotonic() + 180
            while True:
                body = api.get(f"{url}/{eid}").json()
                if body["job_status"] not in ("queued", "running"):
                    break
                assert time.monotonic() < deadline, body
                time.sleep(0.2)
        assert body["job_status"] == "completed", body
        assert body["done"] == body["total"] == 3 * COUNT
        with db.session() as session:
            job = session.get(Job, eid)
            assert job.attempts == 2
            names = list(
                session.scalars(
                    select(Workflow.name).where(
                        Workflow.project_id == first.seed.project_id,
                        Workflow.name.like(f"{wf['name']} · resume · %"),
                    )
                )
            )
            assert len(names) == 3  # one copy per variant, none made twice
            for v in body["variants"]:
                n = session.scalar(
                    select(func.count())
                    .select_from(Task)
                    .where(Task.workflow_id == v["workflow_id"])
                )
                assert n == COUNT == v["tasks_created"]
                # The status lists the first 1,000 ids of a copy and says there are more.
                assert len(set(v["task_ids"])) == min(COUNT, 1000)
                assert v["task_ids_truncated"] is (COUNT > 1000)
    finally:
        db.dispose()


def test_an_experiment_that_cannot_create_its_copies_fails_with_the_reason(make_server):
    first = make_server(env={"PIPELINES_JOB_WORKERS": "0"})
    if first.worker is not None:
        pytest.skip("with Celery the worker runs the job; this test is the runner itself")
    wf = flow(first, [node("start", "start"), node("end", "end")], chain("start", "end"), [])
    base = f"/projects/{first.seed.project_id}/workflows/{wf['id']}"
    with native(first) as api:
        r = api.post(base + "/experiments", json={"count": 1, "variants": [{}]})
        assert r.status_code == 202, r.text
        eid = r.json()["experiment_id"]
        assert api.delete(base).status_code == 204  # the source goes before the job runs
    db = Database(first.database_url)
    try:
        token = new_token()
        with db.session() as session:
            assert jobs.claim(session, eid, token, 30.0)
        assert jobs.run(db, eid, token, 30.0) == "failed"
        with db.session() as session:
            job = session.get(Job, eid)
            assert job.error == "The source workflow was deleted"
            view = experiments.view(session, job)
        assert view["status"] == "failed"
        assert view["variants"][0]["status"] == "failed"
    finally:
        db.dispose()
