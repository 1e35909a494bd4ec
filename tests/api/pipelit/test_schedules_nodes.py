"""A trigger_schedule node's schedule over HTTP (`/workflows/{slug}/nodes/{node_id}/schedule/
{start|pause|stop}/`): each answers NodeOut with `schedule_job` and `config.is_active`, with
Pipelit's messages; the node's schedule fires its workflow."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from pipelines_server.store.models import PipelitBroadcast, PipelitExecution
from tests.api.helpers import database
from tests.api.pipelit.exec_helpers import poll_schedule, wait_execution
from tests.api.pipelit.helpers import pipelit, slug


def workflow(api, *nodes: dict, edges: tuple = ()) -> str:
    s = slug("sched")
    assert api.post("/workflows/", json={"name": "S", "slug": s}).status_code == 201
    for body in nodes:
        r = api.post(f"/workflows/{s}/nodes/", json=body)
        assert r.status_code == 201, r.text
    for source, target in edges:
        r = api.post(
            f"/workflows/{s}/edges/", json={"source_node_id": source, "target_node_id": target}
        )
        assert r.status_code == 201, r.text
    return s


def schedule_node(node_id="tick", **extra) -> dict:
    return {
        "component_type": "trigger_schedule",
        "node_id": node_id,
        "config": {"extra_config": extra},
    }


def test_start_pause_stop_answer_the_node(server):
    with pipelit(server) as api:
        s = workflow(api, schedule_node(interval_seconds=3600, total_repeats=2))
        base = f"/workflows/{s}/nodes/tick/schedule"
        r = api.post(f"{base}/pause/")
        assert r.status_code == 404 and r.json() == {
            "detail": "No scheduled job found for this node."
        }
        r = api.post(f"{base}/stop/")
        assert r.status_code == 404 and r.json() == {
            "detail": "No scheduled job found for this node."
        }

        started = api.post(f"{base}/start/")
        assert started.status_code == 200, started.text
        node = started.json()
        assert node["node_id"] == "tick" and node["config"]["is_active"] is True
        job = node["schedule_job"]
        assert set(job) == {
            "id", "status", "run_count", "error_count", "current_repeat", "current_retry",
            "total_repeats", "max_retries", "timeout_seconds", "interval_seconds",
            "last_run_at", "next_run_at", "last_error", "created_at",
        }  # fmt: skip
        assert str(uuid.UUID(job["id"])) == job["id"]
        assert (job["status"], job["interval_seconds"], job["total_repeats"]) == ("active", 3600, 2)
        assert (job["max_retries"], job["timeout_seconds"]) == (3, 600)
        assert job["next_run_at"] > job["created_at"]
        assert api.get(f"/workflows/{s}/nodes/").json()[0]["schedule_job"] == job
        listed = api.get(f"/schedules/{job['id']}/").json()
        assert (listed["name"], listed["trigger_node_id"]) == ("schedule:tick", "tick")
        assert listed["trigger_payload"] is None

        # Active: start again updates only (the next run stays).
        r = api.patch(
            f"/workflows/{s}/nodes/tick/",
            json={"config": {"extra_config": {"interval_seconds": 7200}}},
        )
        assert r.status_code == 200, r.text
        again = api.post(f"{base}/start/").json()["schedule_job"]
        assert again["interval_seconds"] == 7200 and again["next_run_at"] == job["next_run_at"]

        paused = api.post(f"{base}/pause/").json()
        assert paused["config"]["is_active"] is False
        assert paused["schedule_job"]["status"] == "paused"
        assert paused["schedule_job"]["next_run_at"] is None
        r = api.post(f"{base}/pause/")
        assert r.status_code == 400 and r.json() == {
            "detail": "Cannot pause job with status 'paused'."
        }

        resumed = api.post(f"{base}/start/").json()
        assert resumed["schedule_job"]["status"] == "active"
        assert resumed["schedule_job"]["next_run_at"] is not None
        assert resumed["config"]["is_active"] is True

        stopped = api.post(f"{base}/stop/").json()
        assert stopped["schedule_job"] is None and stopped["config"]["is_active"] is False
        assert api.get(f"/schedules/{job['id']}/").status_code == 404
    with database(server) as session:
        types = session.scalars(
            select(PipelitBroadcast.type).where(PipelitBroadcast.channel == f"workflow:{s}")
        ).all()
    assert types.count("node_updated") >= 5


def test_messages_of_the_wrong_node(server):
    with pipelit(server) as api:
        s = workflow(
            api,
            schedule_node(interval_seconds=0),
            {"component_type": "code", "node_id": "code_1"},
        )
        for action in ("start", "pause", "stop"):
            r = api.post(f"/workflows/{s}/nodes/code_1/schedule/{action}/")
            assert r.status_code == 400 and r.json() == {
                "detail": "Node is not a trigger_schedule."
            }
            r = api.post(f"/workflows/{s}/nodes/missing/schedule/{action}/")
            assert r.status_code == 404 and r.json() == {"detail": "Node not found."}
            r = api.post(f"/workflows/nope-{s}/nodes/tick/schedule/{action}/")
            assert r.status_code == 404 and r.json() == {"detail": "Workflow not found."}
        r = api.post(f"/workflows/{s}/nodes/tick/schedule/start/")
        assert r.status_code == 422 and r.json() == {"detail": "interval_seconds must be >= 1"}


def test_a_done_schedule_restarts_with_fresh_counters_and_fires(server):
    """The one test that waits for the server's own firing duty (generous deadline, no
    timing assertion); test_schedules.py fires through the sweeper's hook."""
    with pipelit(server) as api:
        s = workflow(
            api,
            schedule_node(interval_seconds=1, total_repeats=1, trigger_payload={"n": "one"}),
            {
                "component_type": "code",
                "node_id": "code_1",
                "config": {"extra_config": {"code": "return state['trigger']['payload']['n']"}},
            },
            edges=(("tick", "code_1"),),
        )
        base = f"/workflows/{s}/nodes/tick/schedule"
        job = api.post(f"{base}/start/").json()["schedule_job"]
        done = poll_schedule(api, job["id"], lambda j: j["status"] == "done")
        assert (done["status"], done["run_count"], done["current_repeat"]) == ("done", 1, 1)
        with database(server) as session:
            (execution_id,) = session.scalars(
                select(PipelitExecution.id).where(PipelitExecution.schedule_id == job["id"])
            ).all()
        detail = wait_execution(server, execution_id)
        assert detail["status"] == "completed", detail
        assert detail["trigger_payload"]["scheduled_job_name"] == "schedule:tick"
        assert detail["final_output"] == {"node_outputs": {"code_1": {"output": "one"}}}

        restarted = api.post(f"{base}/start/").json()["schedule_job"]
        assert restarted["status"] == "active"
        assert (restarted["run_count"], restarted["current_repeat"], restarted["error_count"]) == (
            0,
            0,
            0,
        )
