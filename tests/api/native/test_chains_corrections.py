"""Workflow chains and corrections: a corrected task that finishes again starts its chains
again with the corrected output; a chain's run that finds its source task reopened (or
finished again since) creates nothing and fails nothing."""

from __future__ import annotations

import uuid

from sqlalchemy import insert, select

from pipelines_server.engine.chain_triggers import KIND
from pipelines_server.store.models import Job, utcnow
from tests.api.engine.helpers import (
    chain,
    create_tasks,
    flow,
    get_task,
    node,
    node_ready,
    timeline,
    user_key,
    wait_task,
)
from tests.api.helpers import database, native, wait_for
from tests.api.native.test_chains import TARGET_FIELDS, chains_url, create
from tests.api.native.test_corrections import FORM, NOTE, ids, post, work

INPUT = [{"name": "text", "type": "short_text", "required": True}]


def target_flow(server):
    return flow(
        server, [node("start", "start"), node("end", "end")], chain("start", "end"), TARGET_FIELDS
    )


def labelled_chain(server, *steps, body="output.label"):
    """start -> label (subtask) [-> steps] -> end, chained to a target workflow whose `body`
    is `body` in the finished task (by default the label it finished with)."""
    nodes = [node("start", "start"), node("label", "subtask", **FORM), *steps, node("end", "end")]
    src = flow(server, nodes, chain(*[n["id"] for n in nodes]), INPUT)
    dst = target_flow(server)
    r = create(
        server,
        {
            "source_workflow_id": src["id"],
            "target_workflow_id": dst["id"],
            "field_mapping": {"body": body, "origin": "task_id"},
        },
    )
    assert r.status_code == 201, r.text
    return src, dst, r.json()["id"]


def chained(server, wf_id, task_id, count):
    def check():
        events = [e for e in timeline(server, wf_id, task_id) if e["type"] == "task.chained"]
        return events if len(events) >= count else None

    return wait_for(check)


def stats(server, chain_id):
    with native(server) as api:
        return api.get(f"{chains_url(server)}/{chain_id}").json()["stats"]


def queue_run(server, chain_id, task_id, finish):
    """A chain's run for the `finish`-th finish of a task, queued now (as if it had waited in
    the queue while the task was corrected)."""
    jid = str(uuid.uuid4())
    now = utcnow()
    with database(server) as s:
        s.execute(
            insert(Job.__table__).values(
                id=jid,
                org_id=server.seed.org_id,
                kind=KIND,
                status="queued",
                created_by_id=server.seed.user_id,
                params={"chain_id": chain_id, "source_task_id": task_id, "finish": finish},
                done=0,
                total=1,
                checkpoint={},
                result={},
                cancel_requested=0,
                attempts=0,
                created_at=now,
                updated_at=now,
            )
        )
    return jid


def job_row(server, jid):
    j = Job.__table__.c
    with database(server) as s:
        row = s.execute(select(j.status, j.result).where(j.id == jid)).one()
    return row if row.status in ("completed", "failed", "cancelled") else None


def test_a_corrected_task_that_finishes_again_chains_again_with_the_corrected_output(server):
    src, dst, chain_id = labelled_chain(server)
    _, worker = user_key(server)
    (task_id,) = create_tasks(server, src["id"], [{"text": "buy"}])
    n = ids(wait_task(server, src["id"], task_id, until=node_ready("label")))
    work(server, src, n["label"], worker, {"label": "spam", "score": 2})
    assert wait_task(server, src["id"], task_id)["status"] == "finished"
    (first,) = chained(server, src["id"], task_id, 1)
    assert get_task(server, dst["id"], first["data"]["target_task_id"])["fields"] == {
        "body": "spam",
        "origin": task_id,
    }

    # The admin's edit reopens the task; `end` follows again and the task finishes again.
    view = post(server, src, n["label"], "admin-edit-subtask", json={"values": {"label": "ham"}})
    assert view.status_code == 200, view.text
    assert wait_task(server, src["id"], task_id)["output"]["label"] == "ham"
    events = chained(server, src["id"], task_id, 2)
    assert len(events) == 2 and "target_task_id" in events[1]["data"]
    second = get_task(server, dst["id"], events[1]["data"]["target_task_id"])
    assert second["id"] != first["data"]["target_task_id"]
    assert second["fields"] == {"body": "ham", "origin": task_id}
    assert stats(server, chain_id)["tasks_created"] == 2


def test_a_run_that_finds_its_task_reopened_or_finished_again_creates_nothing(server):
    src, dst, chain_id = labelled_chain(server, node("note", "subtask", **NOTE), body="output.note")
    _, worker = user_key(server)
    (task_id,) = create_tasks(server, src["id"], [{"text": "buy"}])
    n = ids(wait_task(server, src["id"], task_id, until=node_ready("label")))
    work(server, src, n["label"], worker, {"label": "spam", "score": 2})
    wait_task(server, src["id"], task_id, until=node_ready("note"))
    work(server, src, n["note"], worker, {"note": "first"})
    assert wait_task(server, src["id"], task_id)["status"] == "finished"
    chained(server, src["id"], task_id, 1)

    # Reopened by a correction (`note` waits for its worker again): a run of the first finish
    # that comes now creates nothing and is no failure.
    r = post(server, src, n["label"], "admin-edit-subtask", json={"values": {"label": "ham"}})
    assert r.status_code == 200, r.text
    assert get_task(server, src["id"], task_id)["status"] == "in_progress"
    jid = queue_run(server, chain_id, task_id, 1)
    job = wait_for(lambda: job_row(server, jid))
    assert job.status == "completed", job
    assert "reopened" in job.result["skipped"]
    events = chained(server, src["id"], task_id, 2)
    skipped = [e for e in events if "skipped" in e["data"]]
    assert skipped and skipped[0]["data"]["chain_id"] == chain_id
    assert "runs again when the task finishes" in skipped[0]["data"]["skipped"]
    assert all("target_task_id" not in e["data"] for e in skipped)
    assert stats(server, chain_id)["tasks_created"] == 1
    assert stats(server, chain_id)["failures"] == 0

    # Finished again: its own run creates the corrected task; a late run of the first finish
    # leaves the creating to it.
    work(server, src, n["note"], worker, {"note": "second"})
    assert wait_task(server, src["id"], task_id)["status"] == "finished"
    events = chained(server, src["id"], task_id, 3)
    created = [e for e in events if "target_task_id" in e["data"]]
    assert len(created) == 2
    assert get_task(server, dst["id"], created[1]["data"]["target_task_id"])["fields"] == {
        "body": "second",
        "origin": task_id,
    }
    jid = queue_run(server, chain_id, task_id, 1)
    job = wait_for(lambda: job_row(server, jid))
    assert job.status == "completed" and "finished again" in job.result["skipped"]
    assert stats(server, chain_id) | {"last_run_at": None} == {
        "tasks_created": 2,
        "failures": 0,
        "last_run_at": None,
    }
    assert len(chained(server, src["id"], task_id, 4)) == 4
