"""The real pipelines-sdk 0.1.15 and its CLI against identity and tasks of /api: every method
of the area (get_me, get_org_id, whoami, auth_status, list_users, iter_users, get_user,
create_tasks, create_tasks_async, get_create_tasks_status, cancel_create_tasks,
wait_for_create_tasks, export_tasks, export_tasks_async, get_export_status,
wait_for_export_tasks, get_task, get_creation_mode, get_workflow_status) and the CLI's
whoami, users, auth status / login, workflow create-tasks / create-tasks-async /
create-tasks-cancel / creation-mode."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pytest
from pipelines.errors import PipelinesAPIError

from tests.api.helpers import TEXT_FIELDS, make_workflow
from tests.api.native.conftest import as_org
from tests.compat.sdk import cli, cli_json, sdk
from tests.server import seed_database

ROW = {"input_text": "Hello", "target_language": "French"}


def test_identity_methods(server):
    # a fresh organization: the shared one gains users from tests running beside this one,
    # between the list and the iteration
    org = seed_database(server.database_url)
    srv = as_org(server, org)
    client = sdk(srv)
    me = client.get_me()
    assert me["org_id"] == org.org_id
    assert me["email"] == me["user"]["email"] and me["role"] == "org_admin"
    assert client.get_org_id() == org.org_id
    assert client.whoami()["user_id"] == org.user_id
    assert client.auth_status() == {"valid": True, "base_url": server.base_url}
    users = client.list_users()
    assert [u["id"] for u in users["items"]] == [org.user_id]
    assert [u["id"] for u in client.iter_users()] == [u["id"] for u in users["items"]]
    assert client.get_user(org.user_id)["email"] == me["email"]


def test_identity_cli(server, tmp_path):
    me = sdk(server).get_me()
    out = cli(server, "whoami", tmp=tmp_path).stdout
    assert me["email"] in out and "org:" in out and str(server.seed.org_id) in out
    assert cli_json(server, "users", "me", tmp=tmp_path)["org_id"] == server.seed.org_id
    listed = cli_json(server, "users", "list", tmp=tmp_path)
    assert me["email"] in [u["email"] for u in listed["items"]]
    assert "Authenticated" in cli(server, "auth", "status", tmp=tmp_path).stdout
    out = cli(server, "auth", "login", "--api-key", server.seed.api_key, tmp=tmp_path).stdout
    assert f"Logged in as {me['email']} (org {server.seed.org_id})" in out
    saved = json.loads((tmp_path / "pipelines-cli.json").read_text())
    assert saved["org_id"] == server.seed.org_id and saved["email"] == me["email"]


def test_create_tasks_and_read_results(server):
    client = sdk(server)
    wf = make_workflow(server, TEXT_FIELDS)
    pid, wid = wf["project_id"], wf["id"]
    mode = client.get_creation_mode(pid, wid)
    assert mode["mode"] == "json" and mode["accepts_tasks"]
    result = client.create_tasks(pid, wid, {"tasks": [{"fields": ROW}, {"fields": {"x": 1}}]})
    assert result["success_count"] == 1 and result["error_count"] == 1
    with pytest.raises(PipelinesAPIError) as bad:
        client.create_tasks(pid, wid, {"tasks": [{"fields": {}}]})
    assert bad.value.status_code == 422
    task = client.get_task(pid, wid, result["task_ids"][0])
    assert task["fields"] == ROW and {n["node_id"] for n in task["nodes"]} == {"start", "end"}
    status = client.get_workflow_status(pid, wid)
    assert status["total_tasks"] == 1 and status["workflow_status"] == "ACTIVE"


def test_create_tasks_async_methods(server):
    client = sdk(server)
    wf = make_workflow(server, TEXT_FIELDS)
    pid, wid = wf["project_id"], wf["id"]
    job = client.create_tasks_async(
        pid, wid, {"tasks": [{"fields": ROW}] * 3}, idempotency_key="sdk-async-1"
    )
    again = client.create_tasks_async(
        pid, wid, {"tasks": [{"fields": ROW}] * 3}, idempotency_key="sdk-async-1"
    )
    assert again["job_id"] == job["job_id"]
    done = client.wait_for_create_tasks(pid, wid, job["job_id"], poll_interval=0.1, timeout=120)
    assert done["status"] == "completed" and done["success_count"] == 3
    assert client.get_create_tasks_status(pid, wid, job["job_id"])["task_ids"] == done["task_ids"]
    cancelled = client.cancel_create_tasks(pid, wid, job["job_id"])
    assert cancelled["status"] == "completed"  # a finished job stays as it ended


def test_export_methods(server):
    client = sdk(server)
    wf = make_workflow(server, TEXT_FIELDS, status="PAUSED")
    pid, wid = wf["project_id"], wf["id"]
    ids = client.create_tasks(pid, wid, {"tasks": [{"fields": ROW}] * 4})["task_ids"]
    inline = client.export_tasks(pid, wid, {"format": "csv"})
    assert inline["row_count"] == 4
    assert [int(r["id"]) for r in csv.DictReader(io.StringIO(inline["content"]))] == ids
    job = client.export_tasks_async(pid, wid, {"format": "jsonl"})
    assert job["status"] == "queued"
    done = client.wait_for_export_tasks(pid, wid, job["job_id"], poll_interval=0.1, timeout=120)
    assert done["status"] == "completed" and done["row_count"] == 4
    assert client.get_export_status(pid, wid, job["job_id"])["download_url"]
    file = httpx.get(
        server.base_url + done["download_url"],
        headers={"Authorization": f"Bearer {server.seed.api_key}"},
    )
    assert [json.loads(x)["id"] for x in file.text.splitlines()] == ids


def test_workflow_cli_commands(server, tmp_path):
    wf = make_workflow(server, TEXT_FIELDS)
    ids = ["--project-id", str(wf["project_id"]), "--workflow-id", str(wf["id"])]
    body = tmp_path / "tasks.json"
    body.write_text(json.dumps({"tasks": [{"fields": ROW}] * 2}))
    created = cli_json(server, "workflow", "create-tasks", *ids, "--file", str(body), tmp=tmp_path)
    assert created["success_count"] == 2
    waited = cli_json(
        server,
        "workflow",
        "create-tasks-async",
        *ids,
        "--file",
        str(body),
        "--wait",
        "--poll-interval",
        "0.2",
        tmp=tmp_path,
    )
    assert waited["status"] == "completed" and waited["success_count"] == 2
    job = cli_json(
        server, "workflow", "create-tasks-async", *ids, "--file", str(body), tmp=tmp_path
    )
    cancel = cli_json(
        server, "workflow", "create-tasks-cancel", *ids, "--job-id", job["job_id"], tmp=tmp_path
    )
    assert cancel["job_id"] == job["job_id"]
    assert cancel["cancel_requested"] is True or cancel["status"] == "completed"
    mode = cli_json(server, "workflow", "creation-mode", *ids, tmp=tmp_path)
    assert mode["mode"] == "json"
