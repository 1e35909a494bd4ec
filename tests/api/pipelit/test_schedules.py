"""Pipelit scheduled jobs over HTTP: the Out shape, create/patch/pause/resume/delete and their
messages, who sees what, and the firing duty (a fire starts an execution; a fire without a
trigger fails and retries; a fire while an earlier run is pending is skipped). Jobs are made
due hours ahead and fired through ScheduleSweeper.sweep(at), so no test waits on the clock."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select

from pipelines_server.shared.timestamps import utcnow
from pipelines_server.store.models import PipelitExecution, PipelitWorkflow
from tests.api.engine.helpers import user_key
from tests.api.helpers import database
from tests.api.pipelit.exec_helpers import (
    chain,
    fire_at,
    node,
    seed_workflow,
    sweep_schedules,
    wait_execution,
)
from tests.api.pipelit.helpers import as_org, fresh_org, pipelit

OUT_KEYS = [
    "id", "name", "description", "workflow_id", "trigger_node_id", "user_profile_id",
    "interval_seconds", "total_repeats", "max_retries", "timeout_seconds", "trigger_payload",
    "status", "current_repeat", "current_retry", "last_run_at", "next_run_at", "run_count",
    "error_count", "last_error", "created_at", "updated_at",
]  # fmt: skip


# Far enough ahead that the server's own sweeper never finds a job due then: the tests fire
# through the sweeper's hook at this instant (utcnow's naive UTC, as stored).
AHEAD = (utcnow() + timedelta(hours=6)).replace(microsecond=0)
AHEAD_ISO = AHEAD.replace(tzinfo=None).isoformat()  # as the API shows times


def workflow_id(server, wf_slug: str, org_id: int | None = None) -> int:
    with database(server) as s:
        return s.scalar(
            select(PipelitWorkflow.id).where(
                PipelitWorkflow.slug == wf_slug,
                PipelitWorkflow.org_id == (org_id or server.seed.org_id),
            )
        )


def scheduled_flow(server, **kw) -> int:
    """A workflow whose schedule trigger runs a code node; its id."""
    wf_slug = seed_workflow(
        server,
        [
            node("trigger_schedule_1", "trigger_schedule"),
            node("code_1", "code", code="return state['trigger']['payload']['k']"),
        ],
        chain("trigger_schedule_1", "code_1"),
        **kw,
    )
    return workflow_id(server, wf_slug, kw.get("org_id"))


def empty_flow(server, **kw) -> int:
    return workflow_id(server, seed_workflow(server, [], [], **kw), kw.get("org_id"))


def create(api, wf_id: int, **body) -> dict:
    body = {"name": "every second", "workflow_id": wf_id, "interval_seconds": 60, **body}
    r = api.post("/schedules/", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def test_create_shape_and_first_run_one_interval_ahead(server):
    wf_id = empty_flow(server)
    with pipelit(server) as api:
        made = create(api, wf_id, description="d", trigger_payload={"a": 1})
        assert list(made) == OUT_KEYS
        assert str(uuid.UUID(made["id"])) == made["id"]
        assert made | {"id": None, "created_at": None, "updated_at": None, "next_run_at": None} == {
            "id": None,
            "name": "every second",
            "description": "d",
            "workflow_id": wf_id,
            "trigger_node_id": None,
            "user_profile_id": server.seed.user_id,
            "interval_seconds": 60,
            "total_repeats": 0,
            "max_retries": 3,
            "timeout_seconds": 600,
            "trigger_payload": {"a": 1},
            "status": "active",
            "current_repeat": 0,
            "current_retry": 0,
            "last_run_at": None,
            "next_run_at": None,
            "run_count": 0,
            "error_count": 0,
            "last_error": "",
            "created_at": None,
            "updated_at": None,
        }
        assert made["next_run_at"] > made["created_at"]
        assert not made["next_run_at"].endswith("Z") and "+" not in made["next_run_at"]
        assert api.get(f"/schedules/{made['id']}/").json() == made


def test_validation_and_not_found(server):
    wf_id = empty_flow(server)
    with pipelit(server) as api:
        r = api.post("/schedules/", json={"name": "x", "workflow_id": wf_id, "interval_seconds": 0})
        assert r.status_code == 422
        (item,) = r.json()["detail"]
        assert item["loc"] == ["body", "interval_seconds"]
        assert item["msg"].endswith("interval_seconds must be >= 1")
        for field, value in (("total_repeats", -1), ("max_retries", -1), ("timeout_seconds", 0)):
            r = api.post(
                "/schedules/",
                json={"name": "x", "workflow_id": wf_id, "interval_seconds": 5, field: value},
            )
            assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", field]
        r = api.post(
            "/schedules/", json={"name": "x", "workflow_id": 987654321, "interval_seconds": 5}
        )
        assert r.status_code == 404 and r.json() == {"detail": "Workflow not found."}
        assert api.post("/schedules/", json={"name": "x"}).status_code == 422
        missing = str(uuid.uuid4())
        for r in (
            api.get(f"/schedules/{missing}/"),
            api.patch(f"/schedules/{missing}/", json={"name": "y"}),
            api.delete(f"/schedules/{missing}/"),
            api.post(f"/schedules/{missing}/pause/"),
            api.post(f"/schedules/{missing}/resume/"),
        ):
            assert r.status_code == 404 and r.json() == {"detail": "Scheduled job not found."}
        made = create(api, wf_id)
        r = api.patch(f"/schedules/{made['id']}/", json={"interval_seconds": 0})
        assert r.status_code == 422


def test_pause_resume_and_patch(server):
    wf_id = empty_flow(server)
    with pipelit(server) as api:
        made = create(api, wf_id, interval_seconds=3600)
        r = api.post(f"/schedules/{made['id']}/resume/")
        assert r.status_code == 400 and r.json() == {
            "detail": "Cannot resume job with status 'active'."
        }
        paused = api.post(f"/schedules/{made['id']}/pause/").json()
        assert paused["status"] == "paused" and paused["next_run_at"] is None
        r = api.post(f"/schedules/{made['id']}/pause/")
        assert r.status_code == 400 and r.json() == {
            "detail": "Cannot pause job with status 'paused'."
        }
        resumed = api.post(f"/schedules/{made['id']}/resume/").json()
        assert resumed["status"] == "active" and resumed["next_run_at"] > made["next_run_at"]
        patched = api.patch(
            f"/schedules/{made['id']}/",
            json={"name": "renamed", "interval_seconds": 5, "trigger_payload": {"b": 2}},
        ).json()
        assert (patched["name"], patched["interval_seconds"], patched["trigger_payload"]) == (
            "renamed",
            5,
            {"b": 2},
        )
        assert patched["next_run_at"] == resumed["next_run_at"]  # PATCH does not reschedule
        assert patched["workflow_id"] == wf_id
        assert api.delete(f"/schedules/{made['id']}/").status_code == 204
        assert api.get(f"/schedules/{made['id']}/").status_code == 404


@pytest.fixture
def org(server):
    return fresh_org(server)


def test_lists_visibility_and_batch_delete(server, org):
    srv = as_org(server, org)
    member_id, member = _member(server, org)
    admin_wf = empty_flow(server, org_id=org.org_id, owner_id=org.user_id)
    member_wf = empty_flow(server, org_id=org.org_id, owner_id=member_id)
    with pipelit(srv) as admin, pipelit(srv, member) as mine:
        first = create(admin, admin_wf, interval_seconds=3600)
        second = create(mine, member_wf, interval_seconds=3600)
        r = mine.post(
            "/schedules/", json={"name": "x", "workflow_id": admin_wf, "interval_seconds": 9}
        )
        assert r.status_code == 404 and r.json() == {"detail": "Workflow not found."}
        assert mine.get("/schedules/").json() == {"items": [second], "total": 1}
        listed = admin.get("/schedules/").json()
        assert listed["total"] == 2 and [j["id"] for j in listed["items"]] == [
            second["id"],
            first["id"],
        ]
        assert admin.get("/schedules/", params={"workflow_id": admin_wf}).json() == {
            "items": [first],
            "total": 1,
        }
        admin.post(f"/schedules/{first['id']}/pause/")
        paused = admin.get("/schedules/", params={"status": "paused"}).json()
        assert [j["id"] for j in paused["items"]] == [first["id"]] and paused["total"] == 1
        page = admin.get("/schedules/", params={"limit": 1, "offset": 1}).json()
        assert page["total"] == 2 and [j["id"] for j in page["items"]] == [first["id"]]
        assert mine.get(f"/schedules/{first['id']}/").status_code == 404
        assert mine.post(f"/schedules/{first['id']}/resume/").status_code == 404
        r = mine.post(
            "/schedules/batch-delete/", json={"schedule_ids": [first["id"], second["id"]]}
        )
        assert r.status_code == 204
        assert [j["id"] for j in admin.get("/schedules/").json()["items"]] == [first["id"]]
        assert admin.post("/schedules/batch-delete/", json={"schedule_ids": []}).status_code == 204
        assert (
            admin.post("/schedules/batch-delete/", json={"schedule_ids": [first["id"]]}).status_code
            == 204
        )
        assert admin.get("/schedules/").json() == {"items": [], "total": 0}
    with pipelit(server) as other:  # another organization sees none of them
        assert other.get(f"/schedules/{second['id']}/").status_code == 404


def _member(server, org) -> tuple[int, str]:
    return user_key(as_org(server, org), "member")


def test_a_fire_starts_an_execution_and_counts(server):
    wf_id = scheduled_flow(server)
    with pipelit(server) as api:
        made = create(
            api, wf_id, interval_seconds=3600, total_repeats=1, trigger_payload={"k": "v"}
        )
        assert sweep_schedules(server, made["id"], AHEAD) == 1
        done = api.get(f"/schedules/{made['id']}/").json()
        assert done["status"] == "done", done
        assert (done["run_count"], done["current_repeat"], done["error_count"]) == (1, 1, 0)
        assert done["next_run_at"] is None and done["last_run_at"] is not None
    with database(server) as s:
        (execution_id,) = s.scalars(
            select(PipelitExecution.id).where(PipelitExecution.schedule_id == made["id"])
        ).all()
    detail = wait_execution(server, execution_id)
    payload = detail["trigger_payload"]
    assert payload | {"timestamp": None} == {
        "scheduled_job_id": made["id"],
        "scheduled_job_name": "every second",
        "repeat_number": 0,
        "timestamp": None,
        "payload": {"k": "v"},
    }
    assert detail["status"] == "completed", detail
    assert detail["final_output"] == {"node_outputs": {"code_1": {"output": "v"}}}


def test_a_fire_without_a_trigger_fails_retries_and_dies(server):
    wf_id = empty_flow(server)
    with pipelit(server) as api:
        made = create(api, wf_id, interval_seconds=3600, max_retries=1)
        assert sweep_schedules(server, made["id"], AHEAD) == 1
        failed = api.get(f"/schedules/{made['id']}/").json()
        assert failed["last_error"] == f"No matching trigger found for scheduled job {made['id']}"
        assert (failed["run_count"], failed["error_count"], failed["status"]) == (0, 1, "active")
        assert failed["next_run_at"] > AHEAD_ISO  # a retry after its backoff
        assert fire_at(server, made["id"], AHEAD + timedelta(days=1)) == 1
        dead = api.get(f"/schedules/{made['id']}/").json()
        assert dead["status"] == "dead" and dead["next_run_at"] is None
        assert dead["error_count"] == 2 and dead["current_retry"] == 1
        r = api.post(f"/schedules/{made['id']}/resume/")
        assert r.status_code == 400 and r.json() == {
            "detail": "Cannot resume job with status 'dead'."
        }


def test_a_fire_is_skipped_while_an_earlier_run_is_pending(server):
    wf_id = scheduled_flow(server)
    with pipelit(server) as api:
        made = create(api, wf_id, interval_seconds=3600)
        blocker = str(uuid.uuid4())
        with database(server) as s:
            s.add(
                PipelitExecution(
                    id=blocker,
                    org_id=server.seed.org_id,
                    workflow_id=wf_id,
                    user_id=server.seed.user_id,
                    trigger="schedule",
                    schedule_id=made["id"],
                    status="pending",
                )
            )
        assert sweep_schedules(server, made["id"], AHEAD) == 1
        skipped = api.get(f"/schedules/{made['id']}/").json()
        assert skipped["next_run_at"] > AHEAD_ISO, skipped
        assert (skipped["run_count"], skipped["error_count"], skipped["status"]) == (0, 0, "active")
        with database(server) as s:
            s.get(PipelitExecution, blocker).status = "completed"
        assert sweep_schedules(server, made["id"], AHEAD + timedelta(hours=2)) == 1
        fired = api.get(f"/schedules/{made['id']}/").json()
        assert fired["run_count"] == 1 and fired["status"] == "active"
