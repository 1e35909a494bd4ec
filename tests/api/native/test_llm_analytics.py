"""LLM analytics of a workflow: every call its llm nodes made, with tokens from the reply's
usage, errors and latency, by node, by model and by both."""

from __future__ import annotations

import uuid

from sqlalchemy import insert

from pipelines_server.store.models import LlmCall, utcnow
from tests.api.engine.helpers import chain, create_tasks, flow, node, user_key, wait_task
from tests.api.helpers import database, native
from tests.support.fake_openai import FakeOpenAI


def analytics_url(server, wf_id, project_id=None) -> str:
    return f"/projects/{project_id or server.seed.project_id}/workflows/{wf_id}/llm-analytics"


def llm_flow(server, base_url: str, key: str) -> dict:
    name = f"fake-{uuid.uuid4().hex[:8]}"
    with native(server) as api:
        r = api.post(
            f"/organizations/{server.seed.org_id}/credentials",
            json={"name": name, "base_url": base_url, "api_key": key},
        )
        assert r.status_code == 201, r.text
    return flow(
        server,
        [
            node("start", "start"),
            node("ask", "llm", credential=name, model="test-model", prompt="Say {{ task.text }}"),
            node("end", "end"),
        ],
        chain("start", "ask", "end"),
        [{"name": "text", "type": "short_text", "required": True}],
    )


def test_calls_tokens_errors_and_latency_by_node_and_model(server, org):
    with FakeOpenAI(api_key="sk-analytics", script=["hello big world", 400]) as llm:
        wf = llm_flow(server, llm.base_url, "sk-analytics")
        with native(server) as api:
            empty = api.get(analytics_url(server, wf["id"])).json()
        assert empty["totals"]["calls"] == 0 and empty["totals"]["avg_latency_ms"] is None
        assert empty["by_node"] == [] and empty["by_model"] == []
        (ok_task,) = create_tasks(server, wf["id"], [{"text": "a"}])
        assert wait_task(server, wf["id"], ok_task)["status"] == "finished"
        (bad_task,) = create_tasks(server, wf["id"], [{"text": "b"}])
        assert wait_task(server, wf["id"], bad_task)["status"] == "failed"
    _, member = user_key(server, "member")
    with native(server, member) as api:
        r = api.get(analytics_url(server, wf["id"]))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["workflow_id"] == wf["id"]
    totals = body["totals"]
    assert (totals["calls"], totals["tokens_in"], totals["tokens_out"], totals["errors"]) == (
        2,
        1,
        3,
        1,
    )
    assert totals["avg_latency_ms"] > 0 and totals["p95_latency_ms"] >= totals["avg_latency_ms"] / 2
    (by_node,) = body["by_node"]
    assert by_node["node_id"] == "ask" and by_node["calls"] == 2 and by_node["errors"] == 1
    assert by_node["p95_latency_ms"] is not None
    (by_model,) = body["by_model"]
    assert by_model["model"] == "test-model" and by_model["tokens_out"] == 3
    (pair,) = body["by_node_model"]
    assert (pair["node_id"], pair["model"], pair["calls"]) == ("ask", "test-model", 2)

    with native(server) as api:
        future = api.get(analytics_url(server, wf["id"]), params={"since": "2999-01-01T00:00:00Z"})
        assert future.status_code == 200 and future.json()["totals"]["calls"] == 0
        assert future.json()["since"] == "2999-01-01T00:00:00Z"
        past = api.get(analytics_url(server, wf["id"]), params={"until": "2000-01-01T00:00:00Z"})
        assert past.json()["totals"]["calls"] == 0
        window = api.get(
            analytics_url(server, wf["id"]),
            params={"since": "2000-01-01T00:00:00Z", "until": "2999-01-01T00:00:00+02:00"},
        )
        assert window.json()["totals"]["calls"] == 2
        bad = api.get(analytics_url(server, wf["id"]), params={"since": "yesterday"})
        assert bad.status_code in (400, 422)
        reversed_ = api.get(
            analytics_url(server, wf["id"]),
            params={"since": "2999-01-01T00:00:00Z", "until": "2000-01-01T00:00:00Z"},
        )
        assert reversed_.status_code == 422, reversed_.text
        (problem,) = reversed_.json()["detail"]
        assert problem["loc"] == ["query", "since"] and "after until" in problem["msg"]
    # Another organization sees nothing.
    with native(server, org.api_key) as api:
        assert api.get(analytics_url(server, wf["id"])).status_code == 404
        assert api.get(analytics_url(server, wf["id"], org.project_id)).status_code == 404


def test_p95_latency_is_the_nearest_rank_of_every_group(server):
    """The same figures on SQLite (computed in Python) and PostgreSQL (in SQL)."""
    wf = flow(
        server,
        [node("start", "start"), node("end", "end")],
        chain("start", "end"),
        [{"name": "text", "type": "short_text", "required": True}],
    )
    (task_id,) = create_tasks(server, wf["id"], [{"text": "x"}])
    calls = (
        [("a", "m1", float(ms)) for ms in range(20, 0, -1)]
        + [("a", "m2", 100.25), ("a", "m2", 5.5)]
        + [("b", "m1", 7.0)]
    )
    now = utcnow()
    with database(server) as s:
        s.execute(
            insert(LlmCall.__table__),
            [
                {
                    "org_id": server.seed.org_id,
                    "workflow_id": wf["id"],
                    "task_id": task_id,
                    "node_id": node_id,
                    "model": model,
                    "tokens_in": 1,
                    "tokens_out": 1,
                    "latency_ms": ms,
                    "ok": True,
                    "created_at": now,
                }
                for node_id, model, ms in calls
            ],
        )
    with native(server) as api:
        body = api.get(analytics_url(server, wf["id"])).json()
    # Nearest rank: the ceil(0.95 * n)-th smallest.
    assert body["totals"]["calls"] == 23 and body["totals"]["p95_latency_ms"] == 20.0
    assert {n["node_id"]: n["p95_latency_ms"] for n in body["by_node"]} == {"a": 20.0, "b": 7.0}
    assert {m["model"]: m["p95_latency_ms"] for m in body["by_model"]} == {
        "m1": 19.0,
        "m2": 100.25,
    }
    assert {(p["node_id"], p["model"]): p["p95_latency_ms"] for p in body["by_node_model"]} == {
        ("a", "m1"): 19.0,
        ("a", "m2"): 100.25,
        ("b", "m1"): 7.0,
    }
