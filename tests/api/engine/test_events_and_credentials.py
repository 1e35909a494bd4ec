"""The live event stream, organization credentials and the llm and http node kinds."""

from __future__ import annotations

import json
import threading

import httpx

from tests.api.engine.helpers import (
    chain,
    create_tasks,
    flow,
    get_task,
    node,
    nodes_by_id,
    timeline,
    user_key,
    wait_task,
)
from tests.api.helpers import native
from tests.support.fake_openai import FakeOpenAI
from tests.support.webhook_receiver import WebhookReceiver


def read_sse(server, params: dict, stop_after: int, key: str | None = None) -> list[dict]:
    """Reads SSE messages until `stop_after` arrived (or the stream's max_seconds ended)."""
    events: list[dict] = []
    headers = {"Authorization": f"Bearer {key or server.seed.api_key}"}
    with httpx.stream(
        "GET", server.base_url + "/api/events", params=params, headers=headers, timeout=30
    ) as r:
        assert r.status_code == 200, r.read()
        assert r.headers["content-type"].startswith("text/event-stream")
        current: dict = {}
        for line in r.iter_lines():
            if line.startswith("id: "):
                current["id"] = int(line[4:])
            elif line.startswith("event: "):
                current["event"] = line[7:]
            elif line.startswith("data: "):
                current["data"] = json.loads(line[6:])
            elif line == "" and current:
                events.append(current)
                current = {}
                if len(events) >= stop_after:
                    break
    return events


def test_event_stream_replays_and_follows_live(server):
    wf = flow(server, [node("start", "start"), node("end", "end")], chain("start", "end"))
    (first,) = create_tasks(server, wf["id"], [{}])
    wait_task(server, wf["id"], first)
    # Replay from the beginning, only this task's events: the whole timeline.
    replay = read_sse(server, {"task_id": first, "after": 0, "max_seconds": 5}, stop_after=5)
    assert [e["event"] for e in replay] == [e["type"] for e in timeline(server, wf["id"], first)]
    assert all(e["data"]["task_id"] == first for e in replay)

    # Live: a stream opened now sees a task created afterwards.
    seen: list[dict] = []
    reader = threading.Thread(
        target=lambda: seen.extend(
            read_sse(server, {"workflow_id": wf["id"], "max_seconds": 20}, stop_after=5)
        )
    )
    reader.start()
    import time

    time.sleep(1.0)
    (second,) = create_tasks(server, wf["id"], [{}])
    reader.join(30)
    assert [e["event"] for e in seen][:1] == ["task.started"]
    assert {e["data"]["task_id"] for e in seen} == {second}
    assert seen[-1]["event"] == "task.finished"
    # Resuming with Last-Event-ID gives what came after.
    with httpx.stream(
        "GET",
        server.base_url + "/api/events",
        params={"task_id": second, "max_seconds": 2},
        headers={
            "Authorization": f"Bearer {server.seed.api_key}",
            "Last-Event-ID": str(seen[-2]["id"]),
        },
        timeout=30,
    ) as r:
        body = r.read().decode()
    assert f"id: {seen[-1]['id']}" in body and f"id: {seen[-2]['id']}\n" not in body


def test_event_stream_needs_a_key_and_scopes_tasks(server, make_server):
    r = httpx.get(server.base_url + "/api/events", params={"max_seconds": 1})
    assert r.status_code == 401
    other = make_server()
    wf = flow(server, [node("start", "start"), node("end", "end")], chain("start", "end"))
    (task_id,) = create_tasks(server, wf["id"], [{}])
    r = httpx.get(
        other.base_url + "/api/events",
        params={"task_id": task_id, "max_seconds": 1},
        headers={"Authorization": f"Bearer {other.seed.api_key}"},
    )
    assert r.status_code == 404


def test_credentials_are_admin_only_and_never_shown(server):
    org = server.seed.org_id
    with native(server) as api:
        r = api.post(
            f"/organizations/{org}/credentials",
            json={
                "name": "llm-main",
                "base_url": "http://127.0.0.1:9/v1",
                "api_key": "sk-secret-1234",
            },
        )
        assert r.status_code == 201, r.text
        cred = r.json()
        assert cred["last4"] == "1234" and "api_key" not in cred
        assert "sk-secret" not in r.text
        r = api.post(
            f"/organizations/{org}/credentials",
            json={"name": "llm-main", "base_url": "http://127.0.0.1:9/v1", "api_key": "x"},
        )
        assert r.status_code == 409
        listed = api.get(f"/organizations/{org}/credentials")
        assert "sk-secret" not in listed.text
        r = api.patch(
            f"/organizations/{org}/credentials/{cred['id']}", json={"api_key": "sk-new-9999"}
        )
        assert r.status_code == 200 and r.json()["last4"] == "9999"
        assert api.delete(f"/organizations/{org}/credentials/{cred['id']}").status_code == 204
        assert api.delete(f"/organizations/{org}/credentials/{cred['id']}").status_code == 404
    _, member = user_key(server)
    with native(server, member) as api:
        assert api.get(f"/organizations/{org}/credentials").status_code == 403
    # Encrypted at rest: the database holds no trace of the key.
    from pipelines_server.store.models import Credential
    from tests.api.helpers import database

    with native(server) as api:
        r = api.post(
            f"/organizations/{org}/credentials",
            json={
                "name": "at-rest",
                "base_url": "http://127.0.0.1:9/v1",
                "api_key": "sk-plain-text-key",
            },
        )
    with database(server) as s:
        row = s.get(Credential, r.json()["id"])
        assert "sk-plain-text-key" not in row.secret


def test_llm_node_calls_an_openai_compatible_endpoint(server):
    with FakeOpenAI(api_key="sk-test-llm") as llm:
        org = server.seed.org_id
        with native(server) as api:
            r = api.post(
                f"/organizations/{org}/credentials",
                json={"name": "fake-llm", "base_url": llm.base_url, "api_key": "sk-test-llm"},
            )
            assert r.status_code == 201, r.text
        wf = flow(
            server,
            [
                node("start", "start"),
                node(
                    "ask",
                    "llm",
                    credential="fake-llm",
                    model="test-model",
                    system="You translate.",
                    prompt="Translate {{ task.text }} into {{ task.lang }}",
                ),
                node("end", "end"),
            ],
            chain("start", "ask", "end"),
            [
                {"name": "text", "type": "short_text", "required": True},
                {"name": "lang", "type": "short_text", "required": True},
            ],
        )
        (task_id,) = create_tasks(server, wf["id"], [{"text": "hello", "lang": "French"}])
        task = wait_task(server, wf["id"], task_id)
        assert task["status"] == "finished", task
        ask = nodes_by_id(task)["ask"]
        assert ask["output"]["model"] == "test-model"
        assert "TRANSLATE HELLO INTO FRENCH" in ask["output"]["content"]
        request = llm.requests[-1]
        assert request["json"]["messages"][-1]["content"] == "Translate hello into French"
        assert request["headers"]["authorization"] == "Bearer sk-test-llm"
        assert "sk-test-llm" not in json.dumps(task)
        assert "sk-test-llm" not in json.dumps(timeline(server, wf["id"], task_id))


def test_subtask_fields_prefilled_by_an_llm(server):
    with FakeOpenAI(api_key="sk-prefill") as llm:
        with native(server) as api:
            r = api.post(
                f"/organizations/{server.seed.org_id}/credentials",
                json={"name": "prefill", "base_url": llm.base_url, "api_key": "sk-prefill"},
            )
            assert r.status_code == 201, r.text
        form = {
            "fields": [
                {
                    "name": "draft",
                    "type": "long_text",
                    "source": "llm",
                    "credential": "prefill",
                    "model": "m",
                    "prompt": "draft for {{ task.text }}",
                },
                {"name": "final", "type": "long_text", "required": True},
            ]
        }
        wf = flow(
            server,
            [node("start", "start"), node("edit", "subtask", **form), node("end", "end")],
            chain("start", "edit", "end"),
            [{"name": "text", "type": "short_text", "required": True}],
        )
        (task_id,) = create_tasks(server, wf["id"], [{"text": "abc"}])
        task = wait_task(
            server,
            wf["id"],
            task_id,
            until=lambda t: nodes_by_id(t)["edit"]["status"] == "available",
        )
        with native(server) as api:
            url = f"/projects/{server.seed.project_id}/workflows/{wf['id']}/nodes/"
            r = api.get(url + f"{nodes_by_id(task)['edit']['node_db_id']}/subtask")
        assert r.status_code == 200, r.text
        assert r.json()["values"]["draft"] == "DRAFT FOR ABC"


def test_http_node_retries_with_backoff_and_records_the_reply(server):
    with WebhookReceiver(script=[503, 503, 200], echo=True) as hook:
        wf = flow(
            server,
            [
                node("start", "start"),
                node(
                    "call",
                    "http",
                    url=hook.url + "/hook",
                    retries=3,
                    backoff_seconds=0.2,
                    body={"value": "{{ task.n }}"},
                ),
                node("end", "end"),
            ],
            chain("start", "call", "end"),
            [{"name": "n", "type": "numeric", "required": True}],
        )
        (task_id,) = create_tasks(server, wf["id"], [{"n": 7}])
        task = wait_task(server, wf["id"], task_id)
        assert task["status"] == "finished", task
        call = nodes_by_id(task)["call"]
        assert call["output"]["status"] == 200
        assert call["output"]["body"]["echo"] == {"value": "7"}
        events = timeline(server, wf["id"], task_id)
        retries = [e for e in events if e["type"] == "node.deferred"]
        assert [e["data"]["retry"] for e in retries] == [1, 2]
        assert retries[1]["data"]["retry_in_seconds"] == 2 * retries[0]["data"]["retry_in_seconds"]
        keys = {r["headers"]["idempotency-key"] for r in hook.requests}
        assert len(hook.requests) == 3 and len(keys) == 1  # a retry is the same call

    with WebhookReceiver(script=[400]) as hook:
        wf = flow(
            server,
            [
                node("start", "start"),
                node("call", "http", url=hook.url, retries=3),
                node("end", "end"),
            ],
            chain("start", "call", "end"),
        )
        (task_id,) = create_tasks(server, wf["id"], [{}])
        task = wait_task(server, wf["id"], task_id)
        assert task["status"] == "failed"
        call = nodes_by_id(task)["call"]
        assert call["status"] == "failed" and call["output"]["reply"]["status"] == 400
        assert len(hook.requests) == 1  # a 4xx is not retried
    assert get_task(server, wf["id"], task_id)["error"]
