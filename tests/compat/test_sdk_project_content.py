"""The real pipelines-sdk 0.1.15 against project instructions, project files and organization
workflow templates: every SDK method of the area (sync), the async client's file methods.
The SDK has no CLI command for these."""

from __future__ import annotations

import asyncio
import hashlib

import httpx
import pytest
from pipelines import AsyncPipelinesClient
from pipelines.errors import ConflictError, ForbiddenError, NotFoundError

from tests.api.engine.helpers import edge, node, user_key
from tests.api.helpers import native
from tests.api.native.conftest import as_org
from tests.compat.sdk import sdk
from tests.server import seed_database

GRAPH = {
    "nodes": [node("start", "start"), node("end", "end")],
    "edges": [edge("start", "end")],
}


@pytest.fixture
def org(server):
    """A fresh organization on the shared server (orders and counts of its own)."""
    return seed_database(server.database_url)


def test_sdk_project_instructions(server, org):
    srv = as_org(server, org)
    pid = org.project_id
    with sdk(srv) as client:
        a = client.create_project_instruction(pid, {"title": "A", "content": "first"})
        b = client.create_project_instruction(pid, {"title": "B", "content": "second"})
        c = client.create_project_instruction(pid, {"title": "C", "content": "x", "position": 0})
        listed = client.list_project_instructions(pid)
        assert [i["title"] for i in listed["items"]] == ["C", "A", "B"]
        assert listed["total"] == 3 and listed["has_more"] is False
        moved = client.update_project_instruction(pid, c["id"], {"position": 2, "content": "y"})
        assert moved["position"] == 2 and moved["content"] == "y"
        assert [i["title"] for i in client.iter_project_instructions(pid, page_size=1)] == [
            "A",
            "B",
            "C",
        ]
        assert client.delete_project_instruction(pid, a["id"]) is None
        assert [(i["title"], i["position"]) for i in client.iter_project_instructions(pid)] == [
            ("B", 0),
            ("C", 1),
        ]
        assert b["id"] in [i["id"] for i in client.iter_project_instructions(pid)]
    _, member = user_key(server, "member")
    with sdk(server, member) as client:
        client.list_project_instructions(server.seed.project_id)
        with pytest.raises(ForbiddenError):
            client.create_project_instruction(server.seed.project_id, {"title": "no"})
    with sdk(server) as client, pytest.raises(NotFoundError):
        client.list_project_instructions(pid)


def test_sdk_project_files(server):
    pid = server.seed.project_id
    data = b"a,b\n1,2\n"
    with sdk(server) as client:
        ticket = client.request_project_file_upload_url(
            pid, {"filename": "t.csv", "content_type": "text/csv", "size_bytes": len(data)}
        )
        assert ticket["method"] == "PUT"
        with pytest.raises(ConflictError):
            client.confirm_project_file_upload(pid, ticket["file_id"])
        put = httpx.put(ticket["upload_url"], content=data, headers=ticket["headers"])
        assert put.status_code == 200, put.text
        with pytest.raises(ConflictError):
            client.confirm_project_file_upload(pid, ticket["file_id"], size_bytes=len(data) + 1)
        done = client.confirm_project_file_upload(pid, ticket["file_id"], size_bytes=len(data))
        assert done["status"] == "ready"
        assert done["sha256"] == hashlib.sha256(data).hexdigest()
        link = client.get_project_file_url(pid, ticket["file_id"])
        assert link["filename"] == "t.csv" and link["size_bytes"] == len(data)
        assert httpx.get(link["url"]).content == data
        gc = client.enqueue_project_file_gc(pid, ticket["file_id"])
        assert gc["status"] == "gc_pending" and gc["file_id"] == ticket["file_id"]
        with pytest.raises(NotFoundError):
            client.get_project_file_url(pid, ticket["file_id"])
        # The deprecated alias asks for the same deferred deletion.
        other = client.request_project_file_upload_url(pid, {"filename": "o.txt"})
        assert client.delete_project_file(pid, other["file_id"])["status"] == "gc_pending"


def test_async_sdk_project_files(server):
    pid = server.seed.project_id

    async def run():
        async with AsyncPipelinesClient(
            api_key=server.seed.api_key, base_url=server.base_url, max_retries=0, timeout=120
        ) as client:
            ticket = await client.request_project_file_upload_url(pid, {"filename": "async.txt"})
            async with httpx.AsyncClient() as raw:
                assert (await raw.put(ticket["upload_url"], content=b"async")).status_code == 200
            done = await client.confirm_project_file_upload(pid, ticket["file_id"])
            link = await client.get_project_file_url(pid, ticket["file_id"])
            gc = await client.enqueue_project_file_gc(pid, ticket["file_id"])
            return done, link, gc

    done, link, gc = asyncio.run(run())
    assert done["status"] == "ready" and done["size_bytes"] == 5
    assert link["filename"] == "async.txt"
    assert gc["status"] == "gc_pending"


def test_sdk_org_workflow_templates(server, org):
    srv = as_org(server, org)
    with native(srv) as api:
        for name in ("Triage", "Review", "Translate"):
            r = api.post(
                f"/organizations/{org.org_id}/templates", json={"name": name, "graph": GRAPH}
            )
            assert r.status_code == 201, r.text
    with sdk(srv) as client:
        listed = client.list_org_workflow_templates(org.org_id)
        assert [t["name"] for t in listed["items"]] == ["Review", "Translate", "Triage"]
        names = [t["name"] for t in client.iter_org_workflow_templates(org.org_id, page_size=2)]
        assert names == ["Review", "Translate", "Triage"]
        found = client.list_org_workflow_templates(org.org_id, search="tri")
        assert [t["name"] for t in found["items"]] == ["Triage"]
        got = client.get_org_workflow_template(org.org_id, found["items"][0]["id"])
        assert got["graph"]["nodes"][0]["id"] == "start"
        wf = client.create_workflow(org.project_id, {"name": "from tpl", "template_id": got["id"]})
        assert [n["id"] for n in wf["graph"]["nodes"]] == ["start", "end"]
    with sdk(server) as client, pytest.raises(NotFoundError):
        client.get_org_workflow_template(org.org_id, got["id"])
