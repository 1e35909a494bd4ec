"""Coverage of issue 11's SDK surface that the per-area compat tests do not reach: the
`AsyncPipelinesClient` counterparts of identity, library, workflow, task-creation, export and
experiment methods; the task timeline and node history; organization users; and the CLI's
`users get` / `organizations users`. The real pipelines-sdk 0.1.15, unchanged, against a real
server."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from pipelines import AsyncPipelinesClient
from pipelines.errors import NotFoundError

from tests.api.engine.helpers import wait_task
from tests.api.helpers import TEXT_FIELDS, make_workflow
from tests.api.native.conftest import as_org
from tests.compat.sdk import cli_json, sdk
from tests.server import seed_database

ROW = {"input_text": "Hello", "target_language": "French"}


def _n(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def aclient(server) -> AsyncPipelinesClient:
    return AsyncPipelinesClient(
        api_key=server.seed.api_key, base_url=server.base_url, max_retries=0, timeout=120
    )


@pytest.fixture
def org(server):
    """A fresh organization on the shared server, so that library counts are its own."""
    return seed_database(server.database_url)


def test_async_identity(server):
    async def run():
        async with aclient(server) as client:
            return await client.get_me(), await client.whoami(), await client.auth_status()

    me, who, status = asyncio.run(run())
    assert me["org_id"] == server.seed.org_id and me["user_id"] == server.seed.user_id
    assert who == me
    assert status == {"valid": True, "base_url": server.base_url}


def test_async_library_crud(server, org):
    srv = as_org(server, org)
    templates = sdk(srv).artifact_bundle_template

    async def run():
        async with aclient(srv) as client:
            prompt = templates("prompts")["prompts"][0]
            p = await client.create_prompt({**prompt, "org_id": org.org_id, "name": _n("p")})
            assert p["version"] == 1
            assert (await client.get_prompt(p["id"]))["prompt_text"] == prompt["prompt_text"]
            p2 = await client.update_prompt(p["id"], {"prompt_text": "Short: {{input}}."})
            assert p2["version"] == 2 and p2["prompt_text"] == "Short: {{input}}."
            assert [x["id"] for x in (await client.list_prompts())["items"]] == [p["id"]]

            crits = []
            for t in templates("criteria")["criteria"]:
                body = {**t, "org_id": org.org_id, "name": _n(t["name"])}
                crits.append(await client.create_criterion(body))
            got = await client.get_criterion(crits[0]["id"])
            assert got["config"] == {"subtype": "exact_match"}
            c2 = await client.update_criterion(crits[1]["id"], {"display_label": "Keywords"})
            assert c2["version"] == 2 and c2["display_label"] == "Keywords"
            assert (await client.list_criteria())["total"] == 2

            ev = templates("evaluations")["evaluations"][0]
            body = {**ev, "org_id": org.org_id, "criteria": [{"criterion_id": crits[0]["id"]}]}
            e = await client.create_evaluation(body)
            got = await client.get_evaluation(e["id"])
            assert [c["criterion_id"] for c in got["criteria"]] == [crits[0]["id"]]
            e2 = await client.update_evaluation(e["id"], {"description": "v2"})
            assert e2["version"] == 2 and e2["description"] == "v2"
            assert [x["id"] for x in (await client.list_evaluations())["items"]] == [e["id"]]

            await client.delete_evaluation(e["id"])
            await client.delete_criterion(crits[0]["id"])
            await client.delete_prompt(p["id"])
            for gone in (
                client.get_evaluation(e["id"]),
                client.get_criterion(crits[0]["id"]),
                client.get_prompt(p["id"]),
            ):
                with pytest.raises(NotFoundError):
                    await gone
            assert (await client.list_prompts())["total"] == 0

    asyncio.run(run())


def test_async_workflow_tasks_and_exports(server):
    wf = make_workflow(server, TEXT_FIELDS, status="PAUSED")
    pid, wid = wf["project_id"], wf["id"]

    async def run():
        async with aclient(server) as client:
            mode = await client.get_creation_mode(pid, wid)
            assert mode["mode"] == "json" and mode["accepts_tasks"]
            fields = await client.get_configurable_fields(pid, wid)
            assert fields["nodes"] == []  # start -> end: nothing to swap
            made = await client.create_tasks(
                pid, wid, {"tasks": [{"fields": ROW}, {"fields": {"x": 1}}]}
            )
            assert made["success_count"] == 1 and made["error_count"] == 1
            job = await client.create_tasks_async(
                pid, wid, {"tasks": [{"fields": ROW}] * 2}, idempotency_key=_n("async")
            )
            status = await client.get_create_tasks_status(pid, wid, job["job_id"])
            assert status["job_id"] == job["job_id"]
            done = await client.wait_for_create_tasks(
                pid, wid, job["job_id"], poll_interval=0.1, timeout=120
            )
            assert done["status"] == "completed" and done["success_count"] == 2
            started = sdk(server).export_tasks_async(pid, wid, {"format": "csv"})
            exported = await client.wait_for_export_tasks(
                pid, wid, started["job_id"], poll_interval=0.1, timeout=120
            )
            assert exported["status"] == "completed" and exported["row_count"] == 3
            again = await client.get_export_status(pid, wid, started["job_id"])
            assert again["download_url"] == exported["download_url"]

    asyncio.run(run())


def test_async_experiments(server):
    wf = make_workflow(server, TEXT_FIELDS)
    pid, wid = wf["project_id"], wf["id"]
    body = {
        "name": "async",
        "count": 2,
        "tasks": [{"fields": ROW}, {"fields": ROW}],
        "variants": [{"name": "a", "configOverrides": {}}, {"name": "b"}],
    }

    async def run():
        async with aclient(server) as client:
            started = await client.create_experiment(pid, wid, body, idempotency_key=_n("exp"))
            eid = started["experiment_id"]
            status = await client.get_experiment_status(pid, wid, eid)
            assert status["experiment_id"] == eid
            done = await client.wait_for_experiment(pid, wid, eid, poll_interval=0.2, timeout=180)
            assert done["status"] == "completed"
            assert [v["success_count"] for v in done["variants"]] == [2, 2]
            copies = {v["workflow_id"] for v in done["variants"]}
            assert wid not in copies and len(copies) == 2
            # cancelling after the end marks the experiment cancelled (domain/experiments.py
            # cancel's docstring); its tasks, all finished, stay as they ended
            cancelled = await client.cancel_experiment(pid, wid, eid)
            assert cancelled["status"] == "cancelled"
            assert [v["success_count"] for v in cancelled["variants"]] == [2, 2]
            with pytest.raises(NotFoundError):
                await client.get_experiment_status(pid, wid, "no-such-experiment")

    asyncio.run(run())


def _finished_task(server) -> tuple[int, int, dict]:
    client = sdk(server)
    wf = make_workflow(server, TEXT_FIELDS)
    (tid,) = client.create_tasks(wf["project_id"], wf["id"], {"tasks": [{"fields": ROW}]})[
        "task_ids"
    ]
    task = wait_task(server, wf["id"], tid)
    assert task["status"] == "finished"
    return wf["project_id"], wf["id"], task


def test_task_timeline(server):
    pid, wid, task = _finished_task(server)
    timeline = sdk(server).get_task_timeline(pid, wid, task["id"])
    assert [(e["type"], e["node_id"]) for e in timeline["items"]] == [
        ("task.started", None),
        ("node.finished", "start"),
        ("node.finished", "end"),
        ("task.finished", None),
    ]
    assert {e["task_id"] for e in timeline["items"]} == {task["id"]}


def test_org_users_and_users_cli(server, org, tmp_path):
    # a fresh organization: the shared one gains users from tests running beside this one,
    # between the list and the iteration
    srv = as_org(server, org)
    client = sdk(srv)
    me = client.get_me()
    for n in range(2):
        client.request(
            "POST",
            f"/api/organizations/{org.org_id}/users",
            json={"email": f"{_n(f'u{n}')}@example.com", "role": "member"},
        )
    org_users = client.list_org_users(org.org_id)
    assert org_users["total"] == 3 and org.user_id in [u["id"] for u in org_users["items"]]
    # two to a page, so the iterator follows the pages
    iterated = [u["id"] for u in client.iter_org_users(org.org_id, page_size=2)]
    assert sorted(iterated) == sorted(u["id"] for u in org_users["items"])
    got = cli_json(srv, "users", "get", "--user-id", str(org.user_id), tmp=tmp_path)
    assert got["id"] == org.user_id and got["email"] == me["email"]
    listed = cli_json(srv, "organizations", "users", "--org-id", str(org.org_id), tmp=tmp_path)
    assert me["email"] in [u["email"] for u in listed["items"]]
