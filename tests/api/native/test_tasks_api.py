"""Identity and tasks through /api: auth/me's flat keys, GET /users, create-tasks, task detail
in one call, creation mode, status summary, and the streamed export."""

from __future__ import annotations

import csv
import io
import json
import time
import uuid

from tests.api.helpers import TEXT_FIELDS, make_workflow, native
from tests.api.native.conftest import as_org

ROW = {"input_text": "Hello", "target_language": "French"}


def base(server, wf) -> str:
    return f"/projects/{wf['project_id']}/workflows/{wf['id']}"


def test_auth_me_carries_flat_identity(server):
    with native(server) as api:
        me = api.get("/auth/me").json()
    assert me["org_id"] == me["organization"]["id"] == server.seed.org_id
    assert me["email"] == me["user"]["email"]
    assert me["user_id"] == me["user"]["id"]
    assert me["role"] == "org_admin"
    assert me["name"] == me["user"]["name"]


def test_users_lists_the_callers_organization_only(server, org):
    with native(as_org(server, org)) as api:
        r = api.get("/users", params={"page_size": 1})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == 1 and body["has_more"] is False
    assert [u["org_id"] for u in body["items"]] == [org.org_id]


def test_create_tasks_partial_success_and_project_scope(server):
    wf = make_workflow(server, TEXT_FIELDS)
    with native(server) as api:
        rows = [{"fields": ROW}, {"fields": {"input_text": "x"}}, {"fields": ROW}]
        r = api.post(f"{base(server, wf)}/create-tasks", json={"tasks": rows})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["success_count"] == 2 and body["error_count"] == 1
        assert body["errors"] == [
            {
                "index": 1,
                "field_name": "target_language",
                "message": "Missing required columns: target_language",
            }
        ]
        assert len(body["task_ids"]) == 2
        # every row bad: 422 located per row
        r = api.post(f"{base(server, wf)}/create-tasks", json={"tasks": [{"fields": {}}]})
        assert r.status_code == 422
        locs = [d["loc"] for d in r.json()["detail"]]
        assert ["body", "tasks", 0, "fields", "input_text"] in locs
        # another project's path: 404
        other = api.post("/projects", json={"name": f"p-{uuid.uuid4().hex[:6]}"}).json()
        r = api.post(
            f"/projects/{other['id']}/workflows/{wf['id']}/create-tasks",
            json={"tasks": [{"fields": ROW}]},
        )
        assert r.status_code == 404
        # more than 5,000 rows: 422 from the schema
        r = api.post(f"{base(server, wf)}/create-tasks", json={"tasks": [{"fields": ROW}] * 5001})
        assert r.status_code == 422


def test_create_tasks_wrong_state_is_422(server):
    wf = make_workflow(server, TEXT_FIELDS, status="DRAFT")
    with native(server) as api:
        r = api.post(f"{base(server, wf)}/create-tasks", json={"tasks": [{"fields": ROW}]})
    assert r.status_code == 422
    assert "ACTIVE or PAUSED" in json.dumps(r.json())


def test_create_tasks_idempotency_key_replays(server):
    wf = make_workflow(server, TEXT_FIELDS)
    key = {"Idempotency-Key": f"k-{uuid.uuid4().hex}"}
    with native(server) as api:
        body = {"tasks": [{"fields": ROW}]}
        first = api.post(f"{base(server, wf)}/create-tasks", json=body, headers=key)
        again = api.post(f"{base(server, wf)}/create-tasks", json=body, headers=key)
        other = api.post(
            f"{base(server, wf)}/create-tasks", json={"tasks": [{"fields": ROW}] * 2}, headers=key
        )
        summary = api.get(f"{base(server, wf)}/status-summary").json()
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert other.status_code == 409
    assert summary["total_tasks"] == 1


def test_task_detail_carries_output_and_every_node(server):
    wf = make_workflow(server, TEXT_FIELDS)
    with native(server) as api:
        ids = api.post(f"{base(server, wf)}/create-tasks", json={"tasks": [{"fields": ROW}]})
        task_id = ids.json()["task_ids"][0]
        deadline = time.monotonic() + 60
        while True:
            detail = api.get(f"{base(server, wf)}/tasks/{task_id}").json()
            if detail["status"] == "finished" or time.monotonic() > deadline:
                break
            time.sleep(0.1)
    assert detail["status"] == "finished"
    assert detail["fields"] == ROW
    assert {n["node_id"] for n in detail["nodes"]} == {"start", "end"}
    assert all(
        n["status"] == "finished" and "output" in n and "error" in n for n in detail["nodes"]
    )
    assert "output" in detail


def test_creation_mode(server):
    json_wf = make_workflow(server, TEXT_FIELDS)
    files = make_workflow(
        server, [{"name": "doc", "type": "file_upload", "required": True}], status="DRAFT"
    )
    with native(server) as api:
        mode = api.get(f"{base(server, json_wf)}/creation-mode").json()
        assert mode["mode"] == "json" and mode["accepts_tasks"] is True
        assert mode["reason"] is None
        assert [f["name"] for f in mode["fields"]] == ["input_text", "target_language", "priority"]
        # its example is a body create-tasks accepts
        r = api.post(mode["endpoints"]["create_tasks"][len("/api") :], json=mode["example"])
        assert r.status_code == 200, r.text
        zipped = api.get(f"{base(server, files)}/creation-mode").json()
    assert zipped["mode"] == "zip_upload" and zipped["accepts_tasks"] is False
    assert zipped["file_fields"] == ["doc"] and "DRAFT" in zipped["reason"]


def test_status_summary_counts(server):
    wf = make_workflow(server, TEXT_FIELDS, status="PAUSED")
    with native(server) as api:
        api.post(f"{base(server, wf)}/create-tasks", json={"tasks": [{"fields": ROW}] * 3})
        s = api.get(f"{base(server, wf)}/status-summary").json()
        missing = api.get(f"/projects/{wf['project_id']}/workflows/999999999/status-summary")
    assert s["total_tasks"] == 3 and s["tasks_by_status"]["paused"] == 3
    assert s["workflow_status"] == "PAUSED" and s["open_tasks"] == 3
    assert s["last_activity_at"] is not None
    assert missing.status_code == 404


def test_export_streams_csv_and_jsonl(server):
    wf = make_workflow(server, TEXT_FIELDS, status="PAUSED")
    rows = [{"fields": {**ROW, "input_text": f't{i}, "quoted"'}} for i in range(1200)]
    with native(server) as api:
        ids = api.post(f"{base(server, wf)}/create-tasks", json={"tasks": rows}).json()["task_ids"]
        r = api.post(f"{base(server, wf)}/export-tasks", json={"format": "csv"})
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith("text/csv")
        table = list(csv.DictReader(io.StringIO(r.text)))
        assert [int(t["id"]) for t in table] == ids
        assert table[5]["input_text"] == 't5, "quoted"' and table[5]["status"] == "paused"
        assert list(table[0]) == [
            "id",
            "status",
            "created_at",
            "finished_at",
            "input_text",
            "target_language",
            "priority",
            "output",
        ]
        r = api.post(
            f"{base(server, wf)}/export-tasks",
            json={"format": "jsonl", "include": ["fields", "error"]},
            headers={"Accept": "application/jsonl"},
        )
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith("application/jsonl")
        lines = [json.loads(x) for x in r.text.splitlines()]
        assert len(lines) == 1200 and lines[0]["fields"]["target_language"] == "French"
        assert "error" in lines[0] and "output" not in lines[0]
        # a status filter
        r = api.post(f"{base(server, wf)}/export-tasks", json={"format": "csv", "status": "failed"})
        assert r.text.count("\n") == 1


def test_export_for_json_callers_is_inline_up_to_a_cap(make_server):
    srv = make_server(env={"PIPELINES_EXPORT_INLINE_MAX_ROWS": "3"})
    wf = make_workflow(srv, TEXT_FIELDS, status="PAUSED")
    with native(srv) as api:
        api.post(f"{base(srv, wf)}/create-tasks", json={"tasks": [{"fields": ROW}] * 3})
        accept = {"Accept": "application/json"}
        r = api.post(f"{base(srv, wf)}/export-tasks", json={"format": "jsonl"}, headers=accept)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["format"] == "jsonl" and body["row_count"] == 3
        assert len(body["content"].splitlines()) == 3
        api.post(f"{base(srv, wf)}/create-tasks", json={"tasks": [{"fields": ROW}]})
        r = api.post(f"{base(srv, wf)}/export-tasks", json={}, headers=accept)
        assert r.status_code == 413
        assert "export-tasks-async" in r.json()["detail"]
