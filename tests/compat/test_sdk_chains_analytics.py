"""The real `pipelines-sdk` 0.1.15 on workflow chains and LLM analytics: its methods
`list_workflow_chains`, `iter_workflow_chains`, `get_workflow_chain`, `create_workflow_chain`,
`delete_workflow_chain` and `get_workflow_llm_analytics` (the SDK's CLI has no command for
either), and the async client through its generic `request`/`paginate`."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
from pipelines import AsyncPipelinesClient
from pipelines.errors import ForbiddenError, NotFoundError, ValidationError

from tests.api.engine.helpers import chain, create_tasks, flow, node, timeline, user_key, wait_task
from tests.api.helpers import native
from tests.compat.sdk import sdk
from tests.server import seed_database
from tests.support.fake_openai import FakeOpenAI

FIELDS = [{"name": "text", "type": "short_text", "required": True}]
TARGET = [{"name": "summary", "type": "long_text", "required": True}]


@pytest.fixture
def org(server):
    """Another organization on the shared server."""
    return seed_database(server.database_url)


def test_sdk_workflow_chains(server, org):
    pid = server.seed.project_id
    client = sdk(server)
    with FakeOpenAI() as llm:
        name = f"llm-{uuid.uuid4().hex[:6]}"
        with native(server) as api:
            r = api.post(
                f"/organizations/{server.seed.org_id}/credentials",
                json={"name": name, "base_url": llm.base_url, "api_key": llm.api_key},
            )
            assert r.status_code == 201, r.text
        src = flow(
            server,
            [
                node("start", "start"),
                node("ask", "llm", credential=name, model="m1", prompt="Shout {{ task.text }}"),
                node("end", "end"),
            ],
            chain("start", "ask", "end"),
            FIELDS,
        )
        dst = flow(
            server, [node("start", "start"), node("end", "end")], chain("start", "end"), TARGET
        )
        payload = {
            "name": "shout then file",
            "source_workflow_id": src["id"],
            "target_workflow_id": dst["id"],
            "field_mapping": {"summary": "output.content"},
        }
        _, member = user_key(server, "member")
        with pytest.raises(ForbiddenError):
            sdk(server, member).create_workflow_chain(pid, payload)
        with pytest.raises(ValidationError):
            client.create_workflow_chain(pid, {**payload, "field_mapping": {}})
        created = client.create_workflow_chain(pid, payload)
        assert created["name"] == "shout then file"
        assert (
            client.get_workflow_chain(pid, created["id"])["field_mapping"]
            == payload["field_mapping"]
        )
        listed = client.list_workflow_chains(pid, source_workflow_id=src["id"])
        assert [c["id"] for c in listed["items"]] == [created["id"]]
        assert [
            c["id"] for c in client.iter_workflow_chains(pid, target_workflow_id=dst["id"])
        ] == [created["id"]]
        with pytest.raises(NotFoundError):
            sdk(server, org.api_key).get_workflow_chain(pid, created["id"])

        (task_id,) = create_tasks(server, src["id"], [{"text": "hi there"}])
        assert wait_task(server, src["id"], task_id)["status"] == "finished"
        deadline = time.monotonic() + 60
        while not (
            events := [
                e for e in timeline(server, src["id"], task_id) if e["type"] == "task.chained"
            ]
        ):
            assert time.monotonic() < deadline, "no task.chained event"
            time.sleep(0.2)
        target = wait_task(server, dst["id"], events[0]["data"]["target_task_id"])
        assert target["fields"] == {"summary": "SHOUT HI THERE"}

    analytics = client.get_workflow_llm_analytics(pid, src["id"])
    assert analytics["totals"]["calls"] == 1 and analytics["totals"]["errors"] == 0
    assert analytics["by_model"][0]["model"] == "m1"
    with pytest.raises(NotFoundError):
        sdk(server, org.api_key).get_workflow_llm_analytics(pid, src["id"])

    async def through_async() -> tuple:
        async with AsyncPipelinesClient(
            api_key=server.seed.api_key, base_url=server.base_url, max_retries=0, timeout=120
        ) as aclient:
            one = await aclient.request(
                "GET", f"/api/projects/{pid}/workflow-chains/{created['id']}"
            )
            stats = await aclient.request(
                "GET", f"/api/projects/{pid}/workflows/{src['id']}/llm-analytics"
            )
            return one, stats

    one, stats = asyncio.run(through_async())
    assert one["stats"]["tasks_created"] == 1
    assert stats["totals"]["tokens_in"] == 1

    assert client.delete_workflow_chain(pid, created["id"]) in (None, {}, "")
    with pytest.raises(NotFoundError):
        client.get_workflow_chain(pid, created["id"])
