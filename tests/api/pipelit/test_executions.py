"""Executions over real HTTP: the manual trigger, status, list, detail with logs and
final_output, cancel, batch delete; Pipelit's code, switch, merge and reply_chat nodes run on
the native engine (real sandboxed code nodes)."""

from __future__ import annotations

import re
import uuid

from sqlalchemy import select

from pipelines_server.store.models import PipelitBroadcast
from tests.api.engine.helpers import user_key
from tests.api.helpers import database
from tests.api.pipelit.exec_helpers import (
    chain,
    edge,
    node,
    seed_workflow,
    wait_execution,
    wait_status,
)
from tests.api.pipelit.helpers import as_org, fresh_org, pipelit

UPPER = "return state['trigger']['text'].upper()"


def upper_flow(server, **kw) -> str:
    return seed_workflow(
        server,
        [node("trigger_manual_1", "trigger_manual"), node("code_1", "code", code=UPPER)],
        chain("trigger_manual_1", "code_1"),
        **kw,
    )


def execute(server, wf_slug: str, key: str | None = None, **body) -> str:
    with pipelit(server, key) as api:
        r = api.post(f"/workflows/{wf_slug}/execute/", json=body)
    assert r.status_code == 200, r.text
    reply = r.json()
    assert reply == {"execution_id": reply["execution_id"], "status": "pending"}
    assert str(uuid.UUID(reply["execution_id"])) == reply["execution_id"]
    return reply["execution_id"]


def test_manual_execute_runs_code_and_reports_status_logs_and_output(server):
    wf_slug = upper_flow(server)
    execution_id = execute(server, wf_slug, text="hello")
    detail = wait_execution(server, execution_id)
    assert detail["status"] == "completed", detail
    assert detail["final_output"] == {"node_outputs": {"code_1": {"output": "HELLO"}}}
    assert detail["trigger_payload"] == {"text": "hello", "workflow_slug": wf_slug}
    assert detail["error_message"] == ""
    assert detail["workflow_slug"] == wf_slug
    assert (detail["total_tokens"], detail["total_cost_usd"], detail["llm_calls"]) == (0, 0.0, 0)
    assert detail["started_at"] <= detail["completed_at"]
    (log,) = detail["logs"]
    assert set(log) == {
        "id",
        "node_id",
        "status",
        "input",
        "output",
        "error",
        "error_code",
        "metadata",
        "duration_ms",
        "timestamp",
    }
    assert (log["node_id"], log["status"], log["output"], log["error"]) == (
        "code_1",
        "completed",
        {"output": "HELLO"},
        "",
    )
    assert isinstance(log["duration_ms"], int) and log["error_code"] is None
    with pipelit(server) as api:
        status = api.get(f"/executions/{execution_id}/status/").json()
    assert status == {
        "execution_id": execution_id,
        "workflow": wf_slug,
        "status": "completed",
        "started_at": detail["started_at"],
        "completed_at": detail["completed_at"],
        "final_output": detail["final_output"],
        "error_message": None,
    }
    assert "+" not in status["started_at"] and not status["started_at"].endswith("Z")


def test_a_named_manual_trigger_gets_only_the_text(server):
    wf_slug = upper_flow(server)
    execution_id = execute(server, wf_slug, text="x", trigger_node_id="trigger_manual_1")
    assert wait_execution(server, execution_id)["trigger_payload"] == {"text": "x"}


def test_execute_without_a_body_runs_with_empty_text(server):
    wf_slug = upper_flow(server)
    with pipelit(server) as api:
        r = api.post(f"/workflows/{wf_slug}/execute/")
    assert r.status_code == 200, r.text
    detail = wait_execution(server, r.json()["execution_id"])
    assert detail["status"] == "completed"
    assert detail["final_output"] == {"node_outputs": {"code_1": {"output": ""}}}


def test_execute_errors_are_pipelits(server):
    inactive = upper_flow(server, is_active=False)
    no_manual = seed_workflow(server, [node("chat", "trigger_chat")], [])
    wf_slug = upper_flow(server)
    with pipelit(server) as api:
        for path, detail in [
            ("/workflows/no-such-flow/execute/", "Workflow not found"),
            (f"/workflows/{inactive}/execute/", "Workflow not found"),
            (f"/workflows/{no_manual}/execute/", "No trigger configured for manual execution"),
        ]:
            r = api.post(path, json={})
            assert (r.status_code, r.json()) == (404, {"detail": detail}), path
        r = api.post(f"/workflows/{wf_slug}/execute/", json={"trigger_node_id": "code_1"})
        assert (r.status_code, r.json()) == (404, {"detail": "Manual trigger node not found"})
        r = api.post(f"/workflows/{no_manual}/execute/", json={"trigger_node_id": "chat"})
        assert (r.status_code, r.json()) == (404, {"detail": "Manual trigger node not found"})
        r = api.post(f"/workflows/{wf_slug}/execute/", json={"text": 5})
        assert r.status_code == 422


def test_manual_execute_never_runs_another_workflows_trigger(server):
    """Upstream's resolver may pick any workflow's manual trigger; here only the path's."""
    other = seed_workflow(server, [node("m", "trigger_manual")], [])
    mine = seed_workflow(server, [node("chat", "trigger_chat")], [])
    with pipelit(server) as api:
        r = api.post(f"/workflows/{mine}/execute/", json={"text": "x"})
    assert r.status_code == 404
    assert other != mine


def test_the_highest_priority_active_manual_trigger_runs(server):
    nodes = [
        {**node("low", "trigger_manual"), "config": {"priority": 1}},
        {**node("high", "trigger_manual"), "config": {"priority": 5}},
        {**node("off", "trigger_manual"), "config": {"priority": 9, "is_active": False}},
    ]
    wf_slug = seed_workflow(server, nodes, [])
    execution_id = execute(server, wf_slug)
    with database(server) as session:
        from pipelines_server.store.models import PipelitExecution

        assert session.get(PipelitExecution, execution_id).trigger_node_id == "high"


def test_a_member_cannot_execute_or_see_an_admins_workflow(server):
    wf_slug = upper_flow(server)
    execution_id = execute(server, wf_slug, text="a")
    _, member = user_key(server)
    with pipelit(server, member) as api:
        r = api.post(f"/workflows/{wf_slug}/execute/", json={})
        assert (r.status_code, r.json()) == (404, {"detail": "Workflow not found"})
        r = api.get(f"/executions/{execution_id}/")
        assert (r.status_code, r.json()) == (404, {"detail": "Execution not found."})
        r = api.get(f"/executions/{execution_id}/status/")
        assert (r.status_code, r.json()) == (404, {"detail": "Execution not found"})
        r = api.post(f"/executions/{execution_id}/cancel/")
        assert r.status_code == 404
        assert execution_id not in [
            e["execution_id"] for e in api.get("/executions/").json()["items"]
        ]


def test_a_member_runs_their_own_workflow(server):
    member_id, member = user_key(server)
    wf_slug = upper_flow(server, owner_id=member_id)
    execution_id = execute(server, wf_slug, key=member, text="mine")
    assert wait_execution(server, execution_id, key=member)["status"] == "completed"


def test_unknown_executions_are_404(server):
    with pipelit(server) as api:
        for ident in (str(uuid.uuid4()), "not-a-uuid", "%00"):
            r = api.get(f"/executions/{ident}/")
            assert (r.status_code, r.json()) == (404, {"detail": "Execution not found."})
            r = api.get(f"/executions/{ident}/status/")
            assert (r.status_code, r.json()) == (404, {"detail": "Execution not found"})
            r = api.post(f"/executions/{ident}/cancel/")
            assert (r.status_code, r.json()) == (404, {"detail": "Execution not found."})


def test_a_switch_routes_and_a_merge_joins(server):
    nodes = [
        node("start", "trigger_manual"),
        node(
            "sw",
            "switch",
            rules=[{"id": "yes", "field": "trigger.text", "operator": "contains", "value": "!"}],
            enable_fallback=True,
        ),
        node("loud", "code", code="result = 'LOUD'"),
        node("calm", "code", code="result = 'calm'"),
        node("join", "merge", source_nodes=["loud", "calm"]),
    ]
    edges = [
        edge("start", "sw"),
        edge("sw", "loud", "yes"),
        edge("sw", "calm", "__other__"),
        edge("loud", "join"),
        edge("calm", "join"),
    ]
    wf_slug = seed_workflow(server, nodes, edges)
    loud = wait_execution(server, execute(server, wf_slug, text="hi!"))
    calm = wait_execution(server, execute(server, wf_slug, text="hi"))
    assert loud["status"] == calm["status"] == "completed"
    assert loud["final_output"]["node_outputs"] == {
        "sw": {"route": "yes"},
        "loud": {"output": "LOUD"},
        "join": {"merged": [{"output": "LOUD"}]},
    }
    assert calm["final_output"]["node_outputs"]["join"] == {"merged": [{"output": "calm"}]}
    assert [log["node_id"] for log in loud["logs"]] == ["sw", "loud", "join"]


def test_reply_chat_is_the_final_output(server):
    nodes = [
        node("t", "trigger_manual"),
        node("r", "reply_chat", message="got {{ trigger.text }}"),
    ]
    wf_slug = seed_workflow(server, nodes, chain("t", "r"))
    detail = wait_execution(server, execute(server, wf_slug, text="ping"))
    assert detail["final_output"] == {"output": "got ping"}


def test_a_failing_node_fails_the_execution_with_its_id(server):
    nodes = [
        node("t", "trigger_manual"),
        node("boom", "code", code="raise ValueError('bad')"),
        node("after", "code", code="result = 1"),
    ]
    wf_slug = seed_workflow(server, nodes, chain("t", "boom", "after"))
    detail = wait_execution(server, execute(server, wf_slug))
    assert detail["status"] == "failed"
    assert detail["error_message"].startswith("Node boom: ")
    assert "ValueError" in detail["error_message"] and "bad" in detail["error_message"]
    (log,) = detail["logs"]
    assert (log["node_id"], log["status"], log["output"]) == ("boom", "failed", None)
    assert "bad" in log["error"] and log["error_code"]
    assert detail["completed_at"] is not None


def test_an_unsupported_node_type_fails_the_execution_naming_it(server):
    nodes = [node("t", "trigger_manual"), node("ask", "human_confirmation")]
    wf_slug = seed_workflow(server, nodes, chain("t", "ask"))
    execution_id = execute(server, wf_slug)
    with pipelit(server) as api:
        body = api.get(f"/executions/{execution_id}/").json()
    assert body["status"] == "failed"
    assert body["error_message"] == (
        "Node ask: node type 'human_confirmation' is not supported by this server"
    )
    assert body["logs"] == [] and body["final_output"] is None


def test_list_filters_orders_and_pages(server):
    org = fresh_org(server)
    srv = as_org(server, org)
    first = upper_flow(srv, org_id=org.org_id, owner_id=org.user_id)
    second = upper_flow(srv, org_id=org.org_id, owner_id=org.user_id)
    a = execute(srv, first, text="a")
    wait_execution(srv, a)
    b = execute(srv, second, text="b")
    wait_execution(srv, b)
    bad = seed_workflow(
        srv,
        [node("t", "trigger_manual"), node("x", "code", code="raise RuntimeError('x')")],
        chain("t", "x"),
        org_id=org.org_id,
        owner_id=org.user_id,
    )
    c = execute(srv, bad)
    wait_execution(srv, c)
    with pipelit(srv) as api:
        body = api.get("/executions/").json()
        assert body["total"] == 3
        assert [e["execution_id"] for e in body["items"]] == [c, b, a]
        assert set(body["items"][0]) == {
            "execution_id",
            "workflow_slug",
            "status",
            "error_message",
            "started_at",
            "completed_at",
            "total_tokens",
            "total_cost_usd",
            "llm_calls",
        }
        body = api.get("/executions/", params={"workflow_slug": first}).json()
        assert [e["execution_id"] for e in body["items"]] == [a] and body["total"] == 1
        body = api.get("/executions/", params={"status": "failed"}).json()
        assert [e["execution_id"] for e in body["items"]] == [c]
        body = api.get("/executions/", params={"limit": 1, "offset": 1}).json()
        assert [e["execution_id"] for e in body["items"]] == [b] and body["total"] == 3
        assert api.get("/executions/", params={"limit": "x"}).status_code == 422
        body = api.get("/executions/", params={"workflow_slug": "a\x00b"}).json()
        assert body == {"items": [], "total": 0}


def test_cancel_a_running_execution_then_it_is_a_no_op(server):
    nodes = [node("t", "trigger_manual"), node("nap", "wait", duration=60)]
    wf_slug = seed_workflow(server, nodes, chain("t", "nap"))
    execution_id = execute(server, wf_slug)
    wait_status(server, execution_id, ("running",))
    with pipelit(server) as api:
        r = api.post(f"/executions/{execution_id}/cancel/")
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["status"] == "cancelled" and body["completed_at"] is not None
        again = api.post(f"/executions/{execution_id}/cancel/").json()
        assert again == body
        assert api.get(f"/executions/{execution_id}/").json()["status"] == "cancelled"
    with database(server) as session:
        sent = session.scalars(
            select(PipelitBroadcast).where(PipelitBroadcast.channel == f"workflow:{wf_slug}")
        ).all()
        assert [(b.type, b.data) for b in sent] == [
            ("execution_cancelled", {"execution_id": execution_id})
        ]


def test_cancel_a_completed_execution_changes_nothing(server):
    wf_slug = upper_flow(server)
    execution_id = execute(server, wf_slug, text="z")
    done = wait_execution(server, execution_id)
    with pipelit(server) as api:
        body = api.post(f"/executions/{execution_id}/cancel/").json()
    assert body["status"] == "completed" and body["completed_at"] == done["completed_at"]


def test_batch_delete_removes_what_the_caller_sees_and_skips_the_rest(server):
    wf_slug = upper_flow(server)
    mine = execute(server, wf_slug, text="1")
    keep = execute(server, wf_slug, text="2")
    member_id, member = user_key(server)
    theirs = execute(server, upper_flow(server, owner_id=member_id), key=member)
    with pipelit(server, member) as api:
        r = api.post("/executions/batch-delete/", json={"execution_ids": [mine]})
        assert r.status_code == 204
    with pipelit(server) as api:
        assert api.get(f"/executions/{mine}/").status_code == 200
        r = api.post("/executions/batch-delete/", json={"execution_ids": [mine, theirs, "nope"]})
        assert (r.status_code, r.content) == (204, b"")
        assert api.get(f"/executions/{mine}/").status_code == 404
        assert api.get(f"/executions/{theirs}/").status_code == 404
        assert api.get(f"/executions/{keep}/").status_code == 200
        assert api.post("/executions/batch-delete/", json={"execution_ids": []}).status_code == 204
        assert api.post("/executions/batch-delete/", json={}).status_code == 422


def test_a_loop_runs_its_body_once_per_item(server):
    nodes = [
        node("t", "trigger_manual"),
        node("a", "code", code="result = 'x'"),
        node("b", "code", code="result = 'y'"),
        node("m", "merge", source_nodes=["a", "b"]),
        node("lp", "loop", source_node="m", field="merged"),
        node("each", "code", code="return state['loop']['item']['output'].upper()"),
        node(
            "total",
            "code",
            code="return '+'.join(r['output'] for r in node_outputs['lp']['results'])",
        ),
    ]
    edges = [
        edge("t", "a"),
        edge("t", "b"),
        edge("a", "m"),
        edge("b", "m"),
        edge("m", "lp"),
        {**edge("lp", "each"), "edge_label": "loop_body"},
        {**edge("each", "lp"), "edge_label": "loop_return"},
        edge("lp", "total"),
    ]
    wf_slug = seed_workflow(server, nodes, edges)
    detail = wait_execution(server, execute(server, wf_slug))
    assert detail["status"] == "completed", detail
    outputs = detail["final_output"]["node_outputs"]
    assert outputs["lp"] == {"results": [{"output": "X"}, {"output": "Y"}]}
    assert outputs["total"] == {"output": "X+Y"}


def test_an_execution_past_max_execution_seconds_fails_as_timed_out(server):
    nodes = [node("t", "trigger_manual"), node("nap", "wait", duration=120)]
    wf_slug = seed_workflow(server, nodes, chain("t", "nap"))
    with database(server) as session:
        from pipelines_server.store.models import PipelitWorkflow

        wf = session.scalar(select(PipelitWorkflow).where(PipelitWorkflow.slug == wf_slug))
        wf.max_execution_seconds = 1
    execution_id = execute(server, wf_slug)
    detail = wait_status(server, execution_id, ("failed",))
    assert detail["status"] == "failed", detail
    assert re.fullmatch(r"Execution timed out after \d+s \(limit: 1s\)", detail["error_message"])
    assert detail["completed_at"] is not None
