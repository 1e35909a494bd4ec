"""Epics and tasks (Pipelit v0.3.16) over real HTTP: shapes, defaults, statuses, the
blocked/unblock rule, the cancel cascade, counters, filters, batch deletes, the broadcasts on
epic:<id>, and the organization boundary."""

from __future__ import annotations

import re
import uuid

import pytest
from sqlalchemy import select

from pipelines_server.store.models import PipelitBroadcast
from tests.api.helpers import database
from tests.api.pipelit.helpers import as_org, fresh_org, pipelit

EPIC_KEYS = {
    "id", "title", "description", "tags", "created_by_node_id", "workflow_id",
    "user_profile_id", "status", "priority", "budget_tokens", "budget_usd", "spent_tokens",
    "spent_usd", "agent_overhead_tokens", "agent_overhead_usd", "total_tasks",
    "completed_tasks", "failed_tasks", "created_at", "updated_at", "completed_at",
    "result_summary",
}  # fmt: skip
TASK_KEYS = {
    "id", "epic_id", "title", "description", "tags", "created_by_node_id", "status",
    "priority", "workflow_id", "workflow_slug", "execution_id", "workflow_source",
    "depends_on", "requirements", "estimated_tokens", "actual_tokens", "actual_usd",
    "llm_calls", "tool_invocations", "duration_ms", "created_at", "updated_at", "started_at",
    "completed_at", "result_summary", "error_message", "retry_count", "max_retries", "notes",
}  # fmt: skip


@pytest.fixture
def org(server):
    return as_org(server, fresh_org(server))


def epic(api, **body) -> dict:
    r = api.post("/epics/", json={"title": "E", **body})
    assert r.status_code == 201, r.text
    return r.json()


def task(api, epic_id: str, **body) -> dict:
    r = api.post("/tasks/", json={"epic_id": epic_id, "title": "T", **body})
    assert r.status_code == 201, r.text
    return r.json()


def events(server, channel: str) -> list[tuple[str, dict]]:
    with database(server) as s:
        rows = s.scalars(
            select(PipelitBroadcast)
            .where(PipelitBroadcast.channel == channel)
            .order_by(PipelitBroadcast.id)
        )
        return [(r.type, r.data) for r in rows]


def test_create_an_epic_with_its_defaults_and_read_it_back(org):
    with pipelit(org) as api:
        e = epic(api, title="Ship it")
        assert set(e) == EPIC_KEYS
        assert re.fullmatch(r"ep-[0-9a-f]{12}", e["id"])
        assert e["title"] == "Ship it"
        assert e["description"] == ""
        assert e["tags"] == []
        assert e["status"] == "planning"
        assert e["priority"] == 2
        assert e["user_profile_id"] == org.seed.user_id
        assert (e["total_tasks"], e["completed_tasks"], e["failed_tasks"]) == (0, 0, 0)
        assert (e["spent_tokens"], e["spent_usd"]) == (0, 0.0)
        assert e["completed_at"] is None and e["result_summary"] is None
        assert "+" not in e["created_at"] and not e["created_at"].endswith("Z")
        r = api.get(f"/epics/{e['id']}/")
        assert r.status_code == 200
        assert r.json() == e


def test_create_with_every_field(org):
    with pipelit(org) as api:
        e = epic(
            api,
            title="Full",
            description="d",
            tags=["a", "b"],
            priority=1,
            budget_tokens=1000,
            budget_usd=2.5,
            workflow_id=7,
        )
        assert (e["description"], e["tags"], e["priority"]) == ("d", ["a", "b"], 1)
        assert (e["budget_tokens"], e["budget_usd"], e["workflow_id"]) == (1000, 2.5, 7)


def test_epic_validation_and_missing(org):
    with pipelit(org) as api:
        r = api.post("/epics/", json={})
        assert r.status_code == 422
        assert isinstance(r.json()["detail"], list)
        r = api.get("/epics/ep-000000000000/")
        assert (r.status_code, r.json()) == (404, {"detail": "Epic not found."})
        r = api.patch("/epics/ep-000000000000/", json={"title": "x"})
        assert (r.status_code, r.json()) == (404, {"detail": "Epic not found."})
        r = api.delete("/epics/ep-000000000000/")
        assert (r.status_code, r.json()) == (404, {"detail": "Epic not found."})
        r = api.get("/epics/ep-000000000000/tasks/")
        assert (r.status_code, r.json()) == (404, {"detail": "Epic not found."})
        e = epic(api)
        r = api.patch(f"/epics/{e['id']}/", json={"status": "bogus"})
        assert r.status_code == 422


def test_patch_an_epic(org):
    with pipelit(org) as api:
        e = epic(api)
        r = api.patch(
            f"/epics/{e['id']}/",
            json={"title": "New", "status": "active", "result_summary": "ok", "tags": ["x"]},
        )
        assert r.status_code == 200, r.text
        out = r.json()
        assert (out["title"], out["status"], out["result_summary"], out["tags"]) == (
            "New",
            "active",
            "ok",
            ["x"],
        )
        assert out["updated_at"] >= e["updated_at"]
        assert api.get(f"/epics/{e['id']}/").json()["status"] == "active"


def test_list_epics_filters_and_pages(org):
    with pipelit(org) as api:
        a = epic(api, title="a", tags=["red", "big"])
        b = epic(api, title="b", tags=["blue"])
        c = epic(api, title="c", tags=[])
        api.patch(f"/epics/{c['id']}/", json={"status": "active"})
        body = api.get("/epics/").json()
        assert body["total"] == 3
        assert [e["id"] for e in body["items"]] == [c["id"], b["id"], a["id"]]
        body = api.get("/epics/", params={"status": "active"}).json()
        assert (body["total"], [e["id"] for e in body["items"]]) == (1, [c["id"]])
        body = api.get("/epics/", params={"tags": "red,blue"}).json()
        assert body["total"] == 2
        assert {e["id"] for e in body["items"]} == {a["id"], b["id"]}
        body = api.get("/epics/", params={"tags": "big"}).json()
        assert [e["id"] for e in body["items"]] == [a["id"]]
        body = api.get("/epics/", params={"limit": 1, "offset": 1}).json()
        assert (body["total"], [e["id"] for e in body["items"]]) == (3, [b["id"]])
        r = api.get("/epics/", params={"limit": "x"})
        assert r.status_code == 422


def test_task_defaults_and_shape(org):
    with pipelit(org) as api:
        e = epic(api)
        t = task(api, e["id"], title="Do")
        assert set(t) == TASK_KEYS
        assert re.fullmatch(r"tk-[0-9a-f]{12}", t["id"])
        assert (t["epic_id"], t["title"], t["status"], t["priority"]) == (
            e["id"],
            "Do",
            "pending",
            2,
        )
        assert (t["depends_on"], t["notes"], t["tags"], t["description"]) == ([], [], [], "")
        assert (t["max_retries"], t["retry_count"], t["workflow_source"]) == (2, 0, "inline")
        assert api.get(f"/tasks/{t['id']}/").json() == t
        assert api.get(f"/epics/{e['id']}/").json()["total_tasks"] == 1


def test_task_for_a_missing_epic_and_missing_task(org):
    with pipelit(org) as api:
        r = api.post("/tasks/", json={"epic_id": "ep-000000000000", "title": "x"})
        assert (r.status_code, r.json()) == (404, {"detail": "Epic not found."})
        r = api.post("/tasks/", json={"title": "x"})
        assert r.status_code == 422
        for call in (api.get, api.delete):
            r = call("/tasks/tk-000000000000/")
            assert (r.status_code, r.json()) == (404, {"detail": "Task not found."})
        r = api.patch("/tasks/tk-000000000000/", json={"title": "x"})
        assert (r.status_code, r.json()) == (404, {"detail": "Task not found."})


def test_dependencies_block_and_completion_unblocks(org):
    with pipelit(org) as api:
        e = epic(api)
        a = task(api, e["id"], title="a")
        b = task(api, e["id"], title="b")
        c = task(api, e["id"], title="c", depends_on=[a["id"], b["id"]])
        assert c["status"] == "blocked"
        r = api.patch(f"/tasks/{a['id']}/", json={"status": "completed"})
        assert r.json()["status"] == "completed"
        assert api.get(f"/tasks/{c['id']}/").json()["status"] == "blocked"
        api.patch(f"/tasks/{b['id']}/", json={"status": "completed"})
        assert api.get(f"/tasks/{c['id']}/").json()["status"] == "pending"
        # A dependency that is already completed does not block.
        d = task(api, e["id"], title="d", depends_on=[a["id"]])
        assert d["status"] == "pending"
        out = api.get(f"/epics/{e['id']}/").json()
        assert (out["total_tasks"], out["completed_tasks"], out["failed_tasks"]) == (4, 2, 0)
        api.patch(f"/tasks/{d['id']}/", json={"status": "failed", "error_message": "boom"})
        out = api.get(f"/epics/{e['id']}/").json()
        assert (out["completed_tasks"], out["failed_tasks"]) == (2, 1)
        assert api.get(f"/tasks/{d['id']}/").json()["error_message"] == "boom"


def test_patch_a_task(org):
    with pipelit(org) as api:
        e = epic(api)
        t = task(api, e["id"])
        r = api.patch(
            f"/tasks/{t['id']}/",
            json={
                "title": "T2",
                "priority": 1,
                "workflow_slug": "wf",
                "execution_id": "x-1",
                "result_summary": "done",
                "notes": [{"n": 1}],
            },
        )
        assert r.status_code == 200, r.text
        out = r.json()
        assert (out["title"], out["priority"], out["workflow_slug"]) == ("T2", 1, "wf")
        assert (out["execution_id"], out["result_summary"], out["notes"]) == (
            "x-1",
            "done",
            [{"n": 1}],
        )
        r = api.patch(f"/tasks/{t['id']}/", json={"status": "nope"})
        assert r.status_code == 422


def test_cancelling_an_epic_cancels_its_open_tasks(org):
    with pipelit(org) as api:
        e = epic(api)
        done = task(api, e["id"])
        api.patch(f"/tasks/{done['id']}/", json={"status": "completed"})
        running = task(api, e["id"])
        api.patch(f"/tasks/{running['id']}/", json={"status": "running"})
        pending = task(api, e["id"])
        blocked = task(api, e["id"], depends_on=[pending["id"]])
        failed = task(api, e["id"])
        api.patch(f"/tasks/{failed['id']}/", json={"status": "failed"})
        r = api.patch(f"/epics/{e['id']}/", json={"status": "cancelled"})
        assert r.json()["status"] == "cancelled"
        statuses = {
            t["id"]: t["status"] for t in api.get(f"/epics/{e['id']}/tasks/").json()["items"]
        }
        assert statuses == {
            done["id"]: "completed",
            running["id"]: "cancelled",
            pending["id"]: "cancelled",
            blocked["id"]: "cancelled",
            failed["id"]: "failed",
        }


def test_list_tasks_filters(org):
    with pipelit(org) as api:
        e1, e2 = epic(api), epic(api)
        a = task(api, e1["id"], tags=["x"])
        b = task(api, e1["id"], tags=["y", "z"])
        c = task(api, e2["id"])
        api.patch(f"/tasks/{c['id']}/", json={"status": "running"})
        body = api.get("/tasks/").json()
        assert (body["total"], [t["id"] for t in body["items"]]) == (3, [c["id"], b["id"], a["id"]])
        body = api.get("/tasks/", params={"epic_id": e1["id"]}).json()
        assert {t["id"] for t in body["items"]} == {a["id"], b["id"]}
        body = api.get("/tasks/", params={"status": "running"}).json()
        assert [t["id"] for t in body["items"]] == [c["id"]]
        body = api.get("/tasks/", params={"tags": "z, x"}).json()
        assert body["total"] == 2
        body = api.get(f"/epics/{e1['id']}/tasks/", params={"limit": 1}).json()
        assert (body["total"], [t["id"] for t in body["items"]]) == (2, [b["id"]])


def test_deleting_tasks_leaves_depends_on_and_recounts(org):
    with pipelit(org) as api:
        e = epic(api)
        a, b = task(api, e["id"]), task(api, e["id"])
        c = task(api, e["id"], depends_on=[a["id"], b["id"]])
        assert api.delete(f"/tasks/{a['id']}/").status_code == 204
        assert api.get(f"/tasks/{c['id']}/").json()["depends_on"] == [b["id"]]
        assert api.get(f"/epics/{e['id']}/").json()["total_tasks"] == 2
        r = api.post("/tasks/batch-delete/", json={"task_ids": [b["id"], "tk-000000000000"]})
        assert r.status_code == 204
        assert api.get(f"/tasks/{c['id']}/").json()["depends_on"] == []
        assert api.get(f"/epics/{e['id']}/").json()["total_tasks"] == 1
        assert api.post("/tasks/batch-delete/", json={"task_ids": []}).status_code == 204
        assert api.post("/tasks/batch-delete/", json={}).status_code == 422


def test_deleting_epics_deletes_their_tasks(org):
    with pipelit(org) as api:
        e1, e2, e3 = epic(api), epic(api), epic(api)
        t1 = task(api, e1["id"])
        t2 = task(api, e2["id"])
        assert api.delete(f"/epics/{e1['id']}/").status_code == 204
        assert api.get(f"/epics/{e1['id']}/").status_code == 404
        assert api.get(f"/tasks/{t1['id']}/").status_code == 404
        r = api.post("/epics/batch-delete/", json={"epic_ids": [e2["id"], "ep-000000000000"]})
        assert r.status_code == 204
        assert api.get(f"/tasks/{t2['id']}/").status_code == 404
        assert [e["id"] for e in api.get("/epics/").json()["items"]] == [e3["id"]]
        assert api.post("/epics/batch-delete/", json={"epic_ids": []}).status_code == 204


def test_changes_are_broadcast_on_the_epic_channel(org):
    with pipelit(org) as api:
        e = epic(api)
        a = task(api, e["id"])
        b = task(api, e["id"], depends_on=[a["id"]])
        api.patch(f"/tasks/{a['id']}/", json={"status": "completed"})
        api.patch(f"/epics/{e['id']}/", json={"title": "renamed"})
        api.delete(f"/tasks/{b['id']}/")
        api.post("/tasks/batch-delete/", json={"task_ids": [a["id"]]})
        api.delete(f"/epics/{e['id']}/")
    seen = events(org, f"epic:{e['id']}")
    assert [t for t, _ in seen] == [
        "epic_created",
        "task_created",
        "task_created",
        "task_updated",  # b unblocked
        "task_updated",  # a completed
        "epic_updated",
        "task_deleted",
        "tasks_deleted",
        "epic_deleted",
    ]
    assert seen[0][1]["id"] == e["id"] and set(seen[0][1]) == EPIC_KEYS
    assert set(seen[1][1]) == TASK_KEYS
    assert (seen[3][1]["id"], seen[3][1]["status"]) == (b["id"], "pending")
    assert seen[5][1]["title"] == "renamed"
    assert seen[6][1] == {"id": b["id"]}
    assert seen[7][1] == {"task_ids": [a["id"]]}
    assert seen[8][1] == {"id": e["id"]}


def test_other_organizations_see_nothing(server, org):
    other = as_org(server, fresh_org(server))
    with pipelit(org) as api:
        e = epic(api, title=f"mine-{uuid.uuid4().hex[:6]}")
        t = task(api, e["id"])
    with pipelit(other) as api:
        assert api.get(f"/epics/{e['id']}/").status_code == 404
        assert api.get(f"/tasks/{t['id']}/").status_code == 404
        assert api.get("/epics/").json() == {"items": [], "total": 0}
        assert api.get("/tasks/").json() == {"items": [], "total": 0}
        r = api.post("/tasks/", json={"epic_id": e["id"], "title": "x"})
        assert r.status_code == 404
        api.post("/epics/batch-delete/", json={"epic_ids": [e["id"]]})
        api.post("/tasks/batch-delete/", json={"task_ids": [t["id"]]})
    with pipelit(org) as api:
        assert api.get(f"/tasks/{t['id']}/").status_code == 200


def test_needs_a_key(server):
    with pipelit(server, key="") as api:
        assert api.get("/epics/").status_code == 401
        assert api.get("/tasks/").status_code == 401


def test_ids_and_filters_the_database_cannot_hold(org):
    with pipelit(org) as api:
        e = epic(api)
        task(api, e["id"])
        assert api.get("/epics/ep-%00/").status_code == 404
        assert api.get(f"/tasks/tk-{'f' * 40}/").status_code == 404
        assert api.get("/epics/", params={"status": "\u0000"}).json() == {"items": [], "total": 0}
        assert api.get("/tasks/", params={"epic_id": "a\u0000"}).json()["total"] == 0
        r = api.post("/tasks/", json={"epic_id": "x" * 300, "title": "t"})
        assert (r.status_code, r.json()) == (404, {"detail": "Epic not found."})
        r = api.post("/tasks/", json={"epic_id": e["id"], "title": "t", "depends_on": ["zz"]})
        assert r.json()["status"] == "blocked"


def test_the_other_slash_form_redirects_to_the_canonical_path(org):
    with pipelit(org) as api:
        for path in ("/epics", "/tasks", "/workspaces", "/settings", "/memories/users"):
            r = api.get(path)
            assert r.status_code == 307, path
            assert r.headers["location"].endswith(f"/pipelit/api/v1{path}/")
