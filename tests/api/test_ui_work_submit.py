"""The subtask form over plain HTTP: a submission the domain refuses because the viewer does
not hold the node stores none of the files it carries."""

from __future__ import annotations

import re
import time
from contextlib import closing

import httpx

from tests.browser.support import new_account

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
FIELDS = [{"name": "report", "title": "Report", "type": "file_upload", "required": True}]


def _subtask(account) -> dict:
    nodes = [
        {"id": "start", "kind": "start", "name": "start"},
        {"id": "attach", "kind": "subtask", "name": "attach", "config": {"fields": FIELDS}},
        {"id": "end", "kind": "end", "name": "end"},
    ]
    edges = [{"source": "start", "target": "attach"}, {"source": "attach", "target": "end"}]
    with account.api() as api:
        r = api.post(
            f"/api/projects/{account.project_id}/workflows",
            json={"name": "Scans", "fields": [], "graph": {"nodes": nodes, "edges": edges}},
        )
        assert r.status_code == 201, r.text
        wf = r.json()["id"]
        assert api.post(f"/api/projects/{account.project_id}/workflows/{wf}/activate").is_success
        r = api.post(f"/api/v1/workflows/{wf}/tasks", json={"tasks": [{"fields": {}}]})
        assert r.status_code == 200 and r.json()["error_count"] == 0, r.text
        deadline = time.monotonic() + 60  # the engine makes the node available
        while time.monotonic() < deadline:
            items = api.get("/api/my-work").json()["items"]
            if items:
                return next(i for i in items if i["node_id"] == "attach")
            time.sleep(0.05)
        raise AssertionError("the subtask never became available")


def _files(account) -> list:
    with account.api() as api:
        return api.get(f"/api/projects/{account.project_id}/files").json()["items"]


def test_a_file_of_a_submission_refused_for_not_holding_the_node_is_not_stored(server):
    account = new_account(server)
    item = _subtask(account)
    http = httpx.Client(base_url=server.base_url, timeout=30)
    with closing(http):
        token = http.get("/ui/sign-in").cookies["pipelines_csrf"]
        signed = http.post(
            "/ui/sign-in",
            data={"csrf_token": token, "username": account.username, "password": account.password},
        )
        assert signed.status_code == 303
        path = f"/ui/work/subtask/{item['project_id']}/{item['workflow_id']}/{item['node_db_id']}"
        token = TOKEN.search(http.get(path).text).group(1)
        refused = http.post(
            path + "/submit",
            data={"csrf_token": token},
            files={"v.report": ("scan.bin", b"scan bytes", "application/octet-stream")},
        )
        assert refused.status_code == 409
        assert "do not hold this node" in refused.text
        assert _files(account) == []
        # Claimed, the same form is accepted and its file stored.
        assert http.post(path + "/claim", data={"csrf_token": token}).status_code == 303
        done = http.post(
            path + "/submit",
            data={"csrf_token": token},
            files={"v.report": ("scan.bin", b"scan bytes", "application/octet-stream")},
        )
        assert done.status_code == 303, done.text
        assert [f["filename"] for f in _files(account)] == ["scan.bin"]
