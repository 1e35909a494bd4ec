"""What graph changes leave behind besides their reply: the socket events (written with
their cause, read here from the broadcast table), a trigger_schedule node's schedule job,
the native workflow kept (archived) when it has tasks."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from pipelines_server.store.models import (
    PipelitBroadcast,
    PipelitExecution,
    PipelitSchedule,
    PipelitWorkflow,
    Task,
    Workflow,
)
from tests.api.helpers import database
from tests.api.pipelit.helpers import as_org, fresh_org, pipelit, slug


def _events(server, org_id, channel):
    with database(server) as s:
        rows = s.scalars(
            select(PipelitBroadcast)
            .where(PipelitBroadcast.org_id == org_id, PipelitBroadcast.channel == channel)
            .order_by(PipelitBroadcast.id)
        )
        return [(r.type, r.data) for r in rows]


def test_graph_changes_broadcast_on_the_workflow_channel(server):
    org = fresh_org(server)
    srv = as_org(server, org)
    s = slug()
    with pipelit(srv) as api:
        api.post("/workflows/", json={"name": "Ev", "slug": s})
        t = api.post(
            f"/workflows/{s}/nodes/", json={"component_type": "trigger_chat", "node_id": "t"}
        )
        a = api.post(f"/workflows/{s}/nodes/", json={"component_type": "agent", "node_id": "a"})
        a2 = api.patch(f"/workflows/{s}/nodes/a/", json={"label": "Agent"})
        e = api.post(f"/workflows/{s}/edges/", json={"source_node_id": "t", "target_node_id": "a"})
        e2 = api.patch(f"/workflows/{s}/edges/{e.json()['id']}/", json={"priority": 3})
        api.delete(f"/workflows/{s}/edges/{e.json()['id']}/")
        api.delete(f"/workflows/{s}/nodes/t/")
        # refused changes broadcast nothing
        api.post(f"/workflows/{s}/nodes/", json={"component_type": "code", "node_id": "a"})
    assert _events(server, org.org_id, f"workflow:{s}") == [
        ("node_created", t.json()),
        ("node_created", a.json()),
        ("node_updated", a2.json()),
        ("edge_created", e.json()),
        ("edge_updated", e2.json()),
        ("edge_deleted", {"id": e.json()["id"]}),
        ("node_deleted", {"node_id": "t"}),
    ]


def test_patch_broadcasts_workflow_updated_on_the_old_slug_and_create_nothing(server):
    org = fresh_org(server)
    srv = as_org(server, org)
    old, new = slug(), slug()
    with pipelit(srv) as api:
        api.post("/workflows/", json={"name": "Ev", "slug": old})
        out = api.patch(f"/workflows/{old}/", json={"slug": new, "name": "Moved"}).json()
        api.delete(f"/workflows/{new}/")
    assert _events(server, org.org_id, f"workflow:{old}") == [("workflow_updated", out)]
    assert _events(server, org.org_id, f"workflow:{new}") == []


def test_a_trigger_schedule_node_shows_its_schedule_job(server):
    org = fresh_org(server)
    srv = as_org(server, org)
    s = slug()
    with pipelit(srv) as api:
        api.post("/workflows/", json={"name": "Sched", "slug": s})
        node = api.post(
            f"/workflows/{s}/nodes/", json={"component_type": "trigger_schedule", "node_id": "tick"}
        ).json()
        assert node["schedule_job"] is None
        with database(server) as db:
            wf = db.scalar(
                select(PipelitWorkflow).where(
                    PipelitWorkflow.slug == s, PipelitWorkflow.org_id == org.org_id
                )
            )
            db.add(
                PipelitSchedule(
                    id=f"node:{wf.id}:tick",
                    org_id=org.org_id,
                    user_id=org.user_id,
                    workflow_id=wf.id,
                    trigger_node_id="tick",
                    name="schedule:tick",
                    interval_seconds=60,
                )
            )
            db.commit()
        (node,) = api.get(f"/workflows/{s}/nodes/").json()
        job = node["schedule_job"]
        assert set(job) == {
            "id",
            "status",
            "run_count",
            "error_count",
            "current_repeat",
            "current_retry",
            "total_repeats",
            "max_retries",
            "timeout_seconds",
            "interval_seconds",
            "last_run_at",
            "next_run_at",
            "last_error",
            "created_at",
        }
        assert job["id"] == f"node:{wf.id}:tick"
        assert (job["status"], job["interval_seconds"], job["max_retries"]) == ("active", 60, 3)
        assert (job["run_count"], job["last_error"], job["last_run_at"]) == (0, "", None)
        # deleting the node deletes its job
        assert api.delete(f"/workflows/{s}/nodes/tick/").status_code == 204
    with database(server) as db:
        assert db.get(PipelitSchedule, f"node:{wf.id}:tick") is None


def test_delete_cascades_executions_and_schedules(server):
    org = fresh_org(server)
    srv = as_org(server, org)
    s = slug()
    execution = str(uuid.uuid4())
    with pipelit(srv) as api:
        api.post("/workflows/", json={"name": "Ran", "slug": s})
        with database(server) as db:
            wf = db.scalar(
                select(PipelitWorkflow).where(
                    PipelitWorkflow.slug == s, PipelitWorkflow.org_id == org.org_id
                )
            )
            db.add(
                PipelitExecution(
                    id=execution, org_id=org.org_id, workflow_id=wf.id, user_id=org.user_id
                )
            )
            db.add(
                PipelitSchedule(
                    id=f"cascade-{execution}",
                    org_id=org.org_id,
                    user_id=org.user_id,
                    workflow_id=wf.id,
                    name="s",
                    interval_seconds=60,
                )
            )
            db.commit()
        assert api.delete(f"/workflows/{s}/").status_code == 204
    with database(server) as db:
        assert db.get(PipelitExecution, execution) is None
        assert db.get(PipelitSchedule, f"cascade-{execution}") is None


def test_a_backing_workflow_with_tasks_is_archived_not_deleted(server):
    org = fresh_org(server)
    srv = as_org(server, org)
    s = slug()
    with pipelit(srv) as api:
        api.post("/workflows/", json={"name": "Ran", "slug": s})
        with database(server) as db:
            wf = db.scalar(
                select(PipelitWorkflow).where(
                    PipelitWorkflow.slug == s, PipelitWorkflow.org_id == org.org_id
                )
            )
            backing = wf.workflow_id
            db.add(Task(org_id=org.org_id, workflow_id=backing))
            db.commit()
        assert api.delete(f"/workflows/{s}/").status_code == 204
    with database(server) as db:
        assert db.get(Workflow, backing).status == "ARCHIVED"
