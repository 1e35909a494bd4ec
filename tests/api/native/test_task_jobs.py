"""create-tasks-async and export-tasks-async through /api: jobs, their status, cancel, the
export file's download, and another organization's job."""

from __future__ import annotations

import csv
import io
import json
import time
import uuid

from tests.api.helpers import TEXT_FIELDS, make_workflow, native
from tests.api.native.conftest import as_org

ROW = {"input_text": "Hello", "target_language": "French"}
TERMINAL = {"completed", "completed_with_partial_results", "failed", "cancelled"}


def base(wf) -> str:
    return f"/projects/{wf['project_id']}/workflows/{wf['id']}"


def wait(api, url: str, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        r = api.get(url)
        assert r.status_code == 200, r.text
        body = r.json()
        if body["status"] in TERMINAL:
            return body
        assert time.monotonic() < deadline, body
        time.sleep(0.1)


def test_create_tasks_async_partial_results(server):
    wf = make_workflow(server, TEXT_FIELDS)
    rows = [{"fields": ROW}] * 1200 + [{"fields": {"input_text": "x"}}]
    with native(server) as api:
        r = api.post(f"{base(wf)}/seeded-data/create-tasks-async", json={"tasks": rows})
        assert r.status_code == 202, r.text
        job = r.json()
        assert job["status"] == "queued" and job["total"] == 1201 and job["kind"] == "create_tasks"
        done = wait(api, f"{base(wf)}/seeded-data/create-tasks-status/{job['job_id']}")
        summary = api.get(f"{base(wf)}/status-summary").json()
    assert done["status"] == "completed_with_partial_results"
    assert done["success_count"] == 1200 and done["error_count"] == 1
    assert done["errors"] == [
        {
            "index": 1200,
            "field_name": "target_language",
            "message": "Missing required columns: target_language",
        }
    ]
    assert len(done["task_ids"]) == 1200 == len(set(done["task_ids"]))
    assert done["done"] == done["total"] == 1201 and done["progress"] == 100
    assert summary["total_tasks"] == 1200


def test_create_tasks_async_all_bad_fails_and_state_checked_up_front(server):
    wf = make_workflow(server, TEXT_FIELDS)
    draft = make_workflow(server, TEXT_FIELDS, status="DRAFT")
    with native(server) as api:
        r = api.post(f"{base(wf)}/seeded-data/create-tasks-async", json={"tasks": [{"fields": {}}]})
        done = wait(api, f"{base(wf)}/seeded-data/create-tasks-status/{r.json()['job_id']}")
        assert done["status"] == "failed" and done["error"] == "Every task failed validation"
        assert done["error_count"] == 1 and done["success_count"] == 0
        r = api.post(
            f"{base(draft)}/seeded-data/create-tasks-async", json={"tasks": [{"fields": ROW}]}
        )
        assert r.status_code == 422
        r = api.post(f"{base(wf)}/seeded-data/create-tasks-async", json={"tasks": []})
        assert r.status_code == 422


def test_create_tasks_async_idempotent(server):
    wf = make_workflow(server, TEXT_FIELDS)
    key = {"Idempotency-Key": f"k-{uuid.uuid4().hex}"}
    body = {"tasks": [{"fields": ROW}] * 3}
    with native(server) as api:
        a = api.post(f"{base(wf)}/seeded-data/create-tasks-async", json=body, headers=key)
        b = api.post(f"{base(wf)}/seeded-data/create-tasks-async", json=body, headers=key)
        assert a.status_code == b.status_code == 202
        assert a.json()["job_id"] == b.json()["job_id"]
        wait(api, f"{base(wf)}/seeded-data/create-tasks-status/{a.json()['job_id']}")
        assert api.get(f"{base(wf)}/status-summary").json()["total_tasks"] == 3


def test_job_routes_are_scoped(server, org):
    wf = make_workflow(server, TEXT_FIELDS)
    other_wf = make_workflow(server, TEXT_FIELDS)
    with native(server) as api:
        job = api.post(
            f"{base(wf)}/seeded-data/create-tasks-async", json={"tasks": [{"fields": ROW}]}
        ).json()
        export = api.post(f"{base(wf)}/export-tasks-async", json={}).json()
        # another workflow's path, or the other kind's route: not found
        assert (
            api.get(f"{base(other_wf)}/seeded-data/create-tasks-status/{job['job_id']}").status_code
            == 404
        )
        assert api.get(f"{base(wf)}/export-tasks-status/{job['job_id']}").status_code == 404
        assert api.get(f"{base(wf)}/seeded-data/create-tasks-status/nope").status_code == 404
        wait(api, f"{base(wf)}/export-tasks-status/{export['job_id']}")
    with native(as_org(server, org)) as api:
        assert (
            api.get(f"{base(wf)}/seeded-data/create-tasks-status/{job['job_id']}").status_code
            == 404
        )
        assert (
            api.post(
                f"{base(wf)}/seeded-data/create-tasks-status/{job['job_id']}/cancel"
            ).status_code
            == 404
        )
        assert (
            api.get(f"{base(wf)}/export-tasks-status/{export['job_id']}/download").status_code
            == 404
        )


def test_cancel_a_finished_job_leaves_it(server):
    wf = make_workflow(server, TEXT_FIELDS)
    with native(server) as api:
        job = api.post(
            f"{base(wf)}/seeded-data/create-tasks-async", json={"tasks": [{"fields": ROW}]}
        ).json()
        url = f"{base(wf)}/seeded-data/create-tasks-status/{job['job_id']}"
        wait(api, url)
        r = api.post(f"{url}/cancel")
        assert r.status_code == 200 and r.json()["status"] == "completed"


def test_export_async_file_and_download(server):
    wf = make_workflow(server, TEXT_FIELDS, status="PAUSED")
    rows = [{"fields": {**ROW, "input_text": f"row {i}"}} for i in range(1100)]
    with native(server) as api:
        ids = api.post(f"{base(wf)}/create-tasks", json={"tasks": rows}).json()["task_ids"]
        for fmt in ("csv", "jsonl"):
            r = api.post(f"{base(wf)}/export-tasks-async", json={"format": fmt})
            assert r.status_code == 202, r.text
            job = r.json()
            assert job["download_url"] is None and job["total"] == 1100
            done = wait(api, f"{base(wf)}/export-tasks-status/{job['job_id']}")
            assert done["status"] == "completed" and done["row_count"] == 1100
            assert done["download_url"].startswith("/api/")
            file = api.get(done["download_url"][len("/api") :])
            assert file.status_code == 200
            assert int(file.headers["content-length"]) == done["bytes"] == len(file.content)
            if fmt == "csv":
                table = list(csv.DictReader(io.StringIO(file.text)))
                assert [int(t["id"]) for t in table] == ids
                assert table[7]["input_text"] == "row 7"
            else:
                lines = [json.loads(x) for x in file.text.splitlines()]
                assert [x["id"] for x in lines] == ids
        # the same export as the streamed one
        streamed = api.post(f"{base(wf)}/export-tasks", json={"format": "jsonl"}).text
        assert streamed == file.text


def test_a_domain_refusal_inside_a_job_fails_it_with_the_reason(server):
    """The workflow's llm node uses a model slug; the credential stops serving it after the
    workflow was activated and before its first task: the async job fails saying why (the
    synchronous route answers 403 for the same reason), not with an internal error."""
    slug = f"m-{uuid.uuid4().hex[:8]}"
    org = server.seed.org_id
    with native(server) as api:
        cred = api.post(
            f"/organizations/{org}/credentials",
            json={
                "name": f"c{slug}",
                "base_url": "http://127.0.0.1:9/v1",
                "api_key": "sk-1",
                "models": [slug],
            },
        ).json()
        graph = {
            "nodes": [
                {"id": "start", "kind": "start"},
                {
                    "id": "ask",
                    "kind": "llm",
                    "config": {"prompt": "{{ task.input_text }}", "model_slug": slug},
                },
                {"id": "end", "kind": "end"},
            ],
            "edges": [{"source": "start", "target": "ask"}, {"source": "ask", "target": "end"}],
        }
        wf = api.post(
            f"/projects/{server.seed.project_id}/workflows",
            json={"name": "refused", "fields": TEXT_FIELDS, "graph": graph},
        ).json()
        assert api.post(f"{base(wf)}/activate").status_code == 200
        r = api.patch(f"/organizations/{org}/credentials/{cred['id']}", json={"models": ["other"]})
        assert r.status_code == 200, r.text
        sync = api.post(f"{base(wf)}/create-tasks", json={"tasks": [{"fields": ROW}]})
        job = api.post(
            f"{base(wf)}/seeded-data/create-tasks-async", json={"tasks": [{"fields": ROW}]}
        ).json()
        done = wait(api, f"{base(wf)}/seeded-data/create-tasks-status/{job['job_id']}")
    assert sync.status_code == 403
    assert done["status"] == "failed"
    assert slug in done["error"] and done["error"] == sync.json()["detail"]
