"""The org-settings area through the real pipelines-sdk 0.1.15 and its `pipelines` CLI,
unchanged: workflow and task tags, select options, the tag filter of the workflow lists
(also through AsyncPipelinesClient), the device-code login calls, and
`pipelines auth login --no-browser` end to end (the CLI prints a user code, a user approves
it through the API, the CLI saves the key it polled for, and `pipelines whoami` is that
user)."""

from __future__ import annotations

import asyncio
import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from pipelines import AsyncPipelinesClient
from pipelines.errors import ConflictError, NotFoundError, RateLimitError, ValidationError

from tests.api.engine.helpers import create_tasks, user_key
from tests.api.helpers import make_workflow, native, wait_for
from tests.api.native.conftest import as_org
from tests.compat.sdk import sdk
from tests.server import seed_database


@pytest.fixture
def org(server):
    """A fresh organization on the shared server, so that its lists are its own."""
    return seed_database(server.database_url)


def test_workflow_and_task_tags(server):
    client = sdk(server)
    wf = make_workflow(server, [], "ACTIVE")
    pid, wid = wf["project_id"], wf["id"]
    tag = client.create_workflow_tag(pid, wid, {"name": "hot", "color": "#ff0000"})
    assert tag["name"] == "hot" and tag["workflow_id"] == wid and tag["task_count"] == 0
    with pytest.raises(ConflictError):
        client.create_workflow_tag(pid, wid, {"name": "hot"})
    with pytest.raises(ValidationError):
        client.create_workflow_tag(pid, wid, {"name": ""})
    listed = client.list_workflow_tags(pid, wid, page_size=10)
    assert [t["id"] for t in listed["items"]] == [tag["id"]] and listed["page_size"] == 10
    (task_id,) = create_tasks(server, wid, [{}])
    assert client.list_task_tags(pid, wid, task_id) == {"items": [], "total": 0}
    with native(server) as api:
        api.put(
            f"/projects/{pid}/workflows/{wid}/tasks/{task_id}/tags", json={"tag_ids": [tag["id"]]}
        )
    assert [t["name"] for t in client.list_task_tags(pid, wid, task_id)["items"]] == ["hot"]
    assert client.list_workflow_tags(pid, wid)["items"][0]["task_count"] == 1
    assert [w["id"] for w in client.list_workflows(tag="hot")["items"]] == [wid]
    client.delete_workflow_tag(pid, wid, tag["id"])
    assert client.list_task_tags(pid, wid, task_id)["total"] == 0
    with pytest.raises(NotFoundError):
        client.delete_workflow_tag(pid, wid, tag["id"])


def test_select_options(server, org):
    client = sdk(as_org(server, org))
    orgs = client.list_organization_select_options()
    assert [o["value"] for o in orgs["items"]] == [org.org_id] and orgs["total"] == 1
    projects = client.list_project_select_options(search="")
    assert org.project_id in [o["value"] for o in projects["items"]]
    assert server.seed.project_id not in [o["value"] for o in projects["items"]]
    roles = client.list_role_select_options()
    assert [o["value"] for o in roles["items"]] == ["org_admin", "member"]
    assert client.list_role_select_options(search="mem")["total"] == 1


def test_the_async_client_filters_workflows_by_tag(server, org):
    srv = as_org(server, org)
    wf = make_workflow(srv, [], "ACTIVE")
    make_workflow(srv, [], "ACTIVE")
    sdk(srv).create_workflow_tag(wf["project_id"], wf["id"], {"name": "async"})

    async def run():
        async with AsyncPipelinesClient(
            api_key=org.api_key, base_url=server.base_url, max_retries=0, timeout=120
        ) as client:
            return (
                await client.list_workflows(tag="async"),
                await client.list_project_workflows(org.project_id, tag="async"),
            )

    everywhere, in_project = asyncio.run(run())
    assert [w["id"] for w in everywhere["items"]] == [wf["id"]]
    assert [w["id"] for w in in_project["items"]] == [wf["id"]]


def test_start_and_poll_cli_login_through_the_sdk(server):
    anon = sdk(server, key="")
    session = anon.start_cli_login("sdk-host", client_name="sdk-test")
    assert session["verification_url"].endswith("/cli-login")
    assert anon.poll_cli_login(session["session_id"], session["device_code"]) == {
        "state": "pending"
    }
    with pytest.raises(RateLimitError):  # sooner than the interval
        anon.poll_cli_login(session["session_id"], session["device_code"])
    with pytest.raises(NotFoundError):
        anon.poll_cli_login(session["session_id"], "not-the-device-code")
    user_id, member = user_key(server)
    with native(server, member) as api:
        r = api.post("/cli-login/approve", json={"user_code": session["user_code"]})
        assert r.status_code == 200, r.text

    def authorized():
        try:
            return anon.poll_cli_login(session["session_id"], session["device_code"])
        except RateLimitError:
            return None

    got = wait_for(authorized, timeout=30, interval=0.2)
    assert got["state"] == "authorized"
    me = sdk(server, key=got["api_key"]).get_me()
    assert me["user_id"] == user_id


def _reader(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)


def test_pipelines_auth_login_no_browser(server, tmp_path):
    user_id, member = user_key(server)
    config = tmp_path / "pipelines-cli.json"
    env = {
        k: v for k, v in os.environ.items() if k not in ("PIPELINES_API_KEY", "PIPELINES_APP_URL")
    }
    env.update(
        PIPELINES_BASE_URL=server.base_url,
        PIPELINES_CONFIG_FILE=str(config),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    exe = str(Path(sys.executable).with_name("pipelines"))
    proc = subprocess.Popen(
        [exe, "-o", "json", "auth", "login", "--no-browser"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=_reader, args=(proc.stderr, lines), daemon=True).start()
        deadline = time.monotonic() + 60
        code = None
        seen = []
        while code is None:
            remaining = deadline - time.monotonic()
            assert remaining > 0 and proc.poll() is None, "".join(seen)
            try:
                line = lines.get(timeout=remaining)
            except queue.Empty:
                continue
            seen.append(line)
            if "verification code" in line:
                code = line.rsplit(":", 1)[1].strip()
        assert any(f"{server.base_url}/cli-login" in line for line in seen), seen
        with native(server, member) as api:
            shown = api.get(f"/cli-login/requests/{code}").json()
            assert shown["state"] == "pending" and shown["hostname"]
            r = api.post("/cli-login/approve", json={"user_code": code})
            assert r.status_code == 200, r.text
        out, _ = proc.communicate(timeout=60)
        assert proc.returncode == 0, out + "".join(seen)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    saved = json.loads(config.read_text())
    assert saved["base_url"] == server.base_url and saved["api_key"].startswith("pk_live_")
    who = subprocess.run(
        [exe, "-o", "json", "whoami"], env=env, capture_output=True, text=True, timeout=120
    )
    assert who.returncode == 0, who.stderr
    assert json.loads(who.stdout)["user_id"] == user_id
    with native(server) as api:
        keys = api.get(f"/organizations/{server.seed.org_id}/api-keys").json()
    ours = [k for k in keys if k["last4"] == saved["api_key"][-4:]]
    assert ours and ours[0]["created_by"]["id"] == user_id
    assert ours[0]["name"].startswith("CLI login (")
    # the session is spent: the request shows consumed
    with native(server, member) as api:
        assert api.get(f"/cli-login/requests/{code}").json()["state"] == "consumed"
    assert httpx.get(server.base_url + "/api/health").status_code == 200
