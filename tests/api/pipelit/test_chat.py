"""Chat over real HTTP: a message starts an execution of the chat trigger on the caller's
thread; the history reads the thread's messages back; clearing it empties it."""

from __future__ import annotations

import uuid

from pipelines_server.store.models import PipelitCredential
from tests.api.engine.helpers import user_key
from tests.api.helpers import database, native
from tests.api.pipelit.exec_helpers import chain, node, seed_workflow, wait_execution
from tests.api.pipelit.helpers import pipelit
from tests.support.fake_openai import FAKE_OPENAI_KEY, FakeOpenAI

ECHO = [
    node("chat_in", "trigger_chat"),
    node("reply", "reply_chat", message="echo: {{ trigger.text }}"),
]

BAD_BEFORE = "Invalid 'before' datetime format. Use ISO 8601 (e.g. 2026-01-01T00:00:00Z)."


def echo_flow(server, **kw) -> str:
    return seed_workflow(server, ECHO, chain("chat_in", "reply"), **kw)


def send(api, wf_slug: str, text: str) -> str:
    r = api.post(f"/workflows/{wf_slug}/chat/", json={"text": text})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body == {"execution_id": body["execution_id"], "status": "pending", "response": ""}
    return body["execution_id"]


def test_chat_round_trip_and_history(server):
    wf_slug = echo_flow(server)
    with pipelit(server) as api:
        first = send(api, wf_slug, "hello")
        detail = wait_execution(server, first)
        assert detail["final_output"] == {"output": "echo: hello"}
        assert detail["trigger_payload"] == {"text": "hello"}
        wait_execution(server, send(api, wf_slug, "again"))
        r = api.get(f"/workflows/{wf_slug}/chat/history")
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["has_more"] is False
        assert body["thread_id"].startswith(f"{server.seed.user_id}:")
        assert [(m["role"], m["text"]) for m in body["messages"]] == [
            ("user", "hello"),
            ("assistant", "echo: hello"),
            ("user", "again"),
            ("assistant", "echo: again"),
        ]
        assert all(m["timestamp"].endswith("Z") for m in body["messages"])
        body = api.get(f"/workflows/{wf_slug}/chat/history", params={"limit": 3}).json()
        assert [m["text"] for m in body["messages"]] == ["echo: hello", "again", "echo: again"]
        assert body["has_more"] is True
        body = api.get(f"/workflows/{wf_slug}/chat/history", params={"limit": 0}).json()
        assert len(body["messages"]) == 4 and body["has_more"] is False
        before = body["messages"][2]["timestamp"]
        body = api.get(f"/workflows/{wf_slug}/chat/history", params={"before": before}).json()
        assert [m["text"] for m in body["messages"]] == ["hello", "echo: hello"]
        old = api.get(
            f"/workflows/{wf_slug}/chat/history", params={"before": "2000-01-01T00:00:00Z"}
        ).json()
        assert old["messages"] == [] and old["has_more"] is False
        r = api.get(f"/workflows/{wf_slug}/chat/history", params={"before": "yesterday"})
        assert (r.status_code, r.json()) == (400, {"detail": BAD_BEFORE})
        r = api.delete(f"/workflows/{wf_slug}/chat/history")
        assert (r.status_code, r.content) == (204, b"")
        body = api.get(f"/workflows/{wf_slug}/chat/history").json()
        assert body["messages"] == [] and body["has_more"] is False
        # With no messages an unreadable `before` is not checked (as upstream).
        r = api.get(f"/workflows/{wf_slug}/chat/history", params={"before": "yesterday"})
        assert r.status_code == 200
        # The executions themselves stay.
        assert api.get(f"/executions/{first}/").status_code == 200


def test_each_user_has_their_own_thread(server):
    member_id, member = user_key(server)
    wf_slug = echo_flow(server, owner_id=member_id)
    with pipelit(server, member) as api:
        wait_execution(server, send(api, wf_slug, "from member"), key=member)
        mine = api.get(f"/workflows/{wf_slug}/chat/history").json()
    with pipelit(server) as api:  # the admin sees the workflow but has a thread of their own
        theirs = api.get(f"/workflows/{wf_slug}/chat/history").json()
    assert [m["text"] for m in mine["messages"]] == ["from member", "echo: from member"]
    assert theirs["messages"] == [] and theirs["thread_id"] != mine["thread_id"]
    assert mine["thread_id"].startswith(f"{member_id}:")


def test_chat_errors(server):
    no_chat = seed_workflow(server, [node("m", "trigger_manual")], [])
    wf_slug = echo_flow(server)
    _, member = user_key(server)
    with pipelit(server) as api:
        r = api.post(f"/workflows/{no_chat}/chat/", json={"text": "x"})
        assert (r.status_code, r.json()) == (404, {"detail": "No chat trigger found."})
        r = api.post(f"/workflows/{wf_slug}/chat/", json={"text": "x", "trigger_node_id": "nope"})
        assert (r.status_code, r.json()) == (404, {"detail": "No chat trigger found."})
        r = api.post("/workflows/missing-flow/chat/", json={"text": "x"})
        assert (r.status_code, r.json()) == (404, {"detail": "Workflow not found."})
        r = api.post(f"/workflows/{wf_slug}/chat/", json={})
        assert r.status_code == 422
        assert isinstance(r.json()["detail"], list)
        assert api.get("/workflows/missing-flow/chat/history").status_code == 404
        assert api.delete("/workflows/missing-flow/chat/history").status_code == 404
        assert (
            api.get(f"/workflows/{wf_slug}/chat/history", params={"limit": "x"}).status_code == 422
        )
    with pipelit(server, member) as api:
        r = api.post(f"/workflows/{wf_slug}/chat/", json={"text": "x"})
        assert (r.status_code, r.json()) == (404, {"detail": "Workflow not found."})
    with pipelit(server, "") as api:
        assert api.post(f"/workflows/{wf_slug}/chat/", json={"text": "x"}).status_code == 401


def test_chat_does_not_check_is_active(server):
    wf_slug = echo_flow(server, is_active=False)
    with pipelit(server) as api:
        detail = wait_execution(server, send(api, wf_slug, "still"))
    assert detail["final_output"] == {"output": "echo: still"}


def test_an_agent_answers_through_the_organizations_llm_credential(server):
    """agent -> a native llm node on the credential its ai_model names (the local fake
    OpenAI server answers the user's text in upper case)."""
    with FakeOpenAI() as llm:
        with native(server) as api:
            r = api.post(
                f"/organizations/{server.seed.org_id}/credentials",
                json={
                    "name": f"fake-{uuid.uuid4().hex[:8]}",
                    "base_url": llm.base_url,
                    "api_key": FAKE_OPENAI_KEY,
                    "models": ["fake-model"],
                },
            )
        assert r.status_code == 201, r.text
        with database(server) as session:
            cred = PipelitCredential(
                org_id=server.seed.org_id,
                user_id=server.seed.user_id,
                name="llm",
                credential_type="llm",
                detail={},
                credential_id=r.json()["id"],
            )
            session.add(cred)
            session.flush()
            cred_id = cred.id
        nodes = [
            node("chat_in", "trigger_chat"),
            {**node("agent_1", "agent"), "config": {"system_prompt": "Answer {{ briefly }}"}},
            {
                **node("model", "ai_model"),
                "config": {"llm_credential_id": cred_id, "model_name": "fake-model"},
            },
        ]
        edges = [
            *chain("chat_in", "agent_1"),
            {**chain("model", "agent_1")[0], "edge_label": "llm"},
        ]
        wf_slug = seed_workflow(server, nodes, edges)
        with pipelit(server) as api:
            detail = wait_execution(server, send(api, wf_slug, "hello there"))
            history = api.get(f"/workflows/{wf_slug}/chat/history").json()
        assert detail["status"] == "completed", detail
        assert detail["final_output"] == {"message": "HELLO THERE"}
        assert detail["llm_calls"] == 1 and detail["total_tokens"] >= 0
        (log,) = detail["logs"]
        assert (log["node_id"], log["output"]) == ("agent_1", {"output": "HELLO THERE"})
        assert [(m["role"], m["text"]) for m in history["messages"]] == [
            ("user", "hello there"),
            ("assistant", "HELLO THERE"),
        ]
        (request,) = llm.requests
        assert request["json"]["messages"] == [
            {"role": "system", "content": "Answer {{ briefly }}"},
            {"role": "user", "content": "hello there"},
        ]


def test_an_agent_without_a_model_fails_the_execution(server):
    nodes = [node("chat_in", "trigger_chat"), node("agent_1", "agent")]
    wf_slug = seed_workflow(server, nodes, chain("chat_in", "agent_1"))
    with pipelit(server) as api:
        detail = wait_execution(server, send(api, wf_slug, "x"))
    assert detail["status"] == "failed"
    assert detail["error_message"] == "Node agent_1 (agent) requires a model connection"
