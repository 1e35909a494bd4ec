"""Gateway inbound over real HTTP: the gateway token, the route checks and their strings,
sender users created on first contact, the payload an execution gets."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from pipelines_server.store.models import PipelitExecution, User
from tests.api.helpers import database
from tests.api.pipelit.exec_helpers import chain, node, seed_workflow, wait_execution
from tests.api.pipelit.helpers import BASE

TOKEN = "gateway-secret-token"


@pytest.fixture(scope="module")
def gateway(tmp_path_factory):
    from tests.server import start_server, stop_server

    srv = start_server(
        tmp_path_factory.mktemp("inbound"), env={"PIPELINES_PIPELIT_GATEWAY_TOKEN": TOKEN}
    )
    yield srv
    stop_server(srv)


def post(server, body: dict, token: str | None = TOKEN) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    with httpx.Client(base_url=server.base_url + BASE, timeout=60) as client:
        return client.post("/inbound", json=body, headers=headers)


def message(wf_slug: str, text: str = "hi", sender: dict | None = None, **extra) -> dict:
    source = {"protocol": "telegram", "chat_id": "42", "message_id": "7"}
    if sender is not None:
        source["from"] = sender
    return {
        "route": {"workflow_slug": wf_slug, "trigger_node_id": "tg"},
        "credential_id": "bot-1",
        "source": source,
        "text": text,
        "timestamp": "2026-03-21T08:31:00Z",
        **extra,
    }


def flow(server, **kw) -> str:
    nodes = [
        node("tg", "trigger_telegram"),
        node("reply", "reply_chat", message="{{ trigger.text }}"),
    ]
    return seed_workflow(server, nodes, chain("tg", "reply"), **kw)


def test_inbound_refuses_without_a_configured_token(server):
    r = post(server, message("any"), token="whatever")
    assert (r.status_code, r.json()) == (500, {"detail": "Gateway token not configured"})


def test_inbound_refuses_a_wrong_or_missing_token(gateway):
    wf_slug = flow(gateway)
    for token in ("wrong", None, gateway.seed.api_key):
        r = post(gateway, message(wf_slug), token=token)
        assert (r.status_code, r.json()) == (401, {"detail": "Invalid gateway token"})


def test_inbound_runs_the_routed_trigger_as_a_new_sender(gateway):
    wf_slug = flow(gateway)
    sender = {"id": "tg-1001", "username": "alice_gw", "display_name": "Alice"}
    attachment = {
        "filename": "a.txt",
        "mime_type": "text/plain",
        "size_bytes": 3,
        "download_url": "http://f/a",
    }
    r = post(gateway, message(wf_slug, "hello", sender, attachments=[attachment]))
    assert r.status_code == 202, r.text
    body = r.json()
    assert body == {"execution_id": body["execution_id"], "status": "pending"}
    detail = wait_execution(gateway, body["execution_id"])
    text = "hello\n[Attached file: a.txt | url: http://f/a | type: text/plain]"
    assert detail["status"] == "completed"
    assert detail["final_output"] == {"output": text}
    assert detail["trigger_payload"] == {
        "text": text,
        "chat_id": "42",
        "message_id": "7",
        "credential_id": "bot-1",
        "user_id": "tg-1001",
        "files": [
            {"filename": "a.txt", "mime_type": "text/plain", "size_bytes": 3, "url": "http://f/a"}
        ],
    }
    again = post(gateway, message(wf_slug, "second", sender)).json()
    with database(gateway) as session:
        users = session.scalars(select(User).where(User.username.like("alice_gw%"))).all()
        assert [(u.username, u.role, u.password_hash) for u in users] == [
            ("alice_gw", "member", None)
        ]
        runs = [
            session.get(PipelitExecution, e) for e in (body["execution_id"], again["execution_id"])
        ]
        assert {e.user_id for e in runs} == {users[0].id}
        assert {e.trigger for e in runs} == {"gateway_inbound"}


def test_senders_without_a_username_or_without_from(gateway):
    wf_slug = flow(gateway)
    r = post(gateway, message(wf_slug, "x", {"id": "777"}))
    assert r.status_code == 202
    r = post(gateway, message(wf_slug, "y"))
    assert r.status_code == 202
    with database(gateway) as session:
        names = set(session.scalars(select(User.username).where(User.username.like("g%"))))
    assert {"gw_777", "gateway_anonymous"} <= names


def test_inbound_route_errors(gateway):
    wf_slug = flow(gateway)
    inactive = flow(gateway, is_active=False)
    r = post(gateway, {**message(wf_slug), "route": {"workflow_slug": wf_slug}})
    assert (r.status_code, r.json()) == (
        422,
        {"detail": "route must contain workflow_slug and trigger_node_id"},
    )
    r = post(gateway, message("no-such-flow"))
    assert (r.status_code, r.json()) == (404, {"detail": "Workflow not found"})
    r = post(gateway, message(inactive))
    assert (r.status_code, r.json()) == (422, {"detail": "Workflow is inactive"})
    bad = message(wf_slug)
    bad["route"]["trigger_node_id"] = "nope"
    r = post(gateway, bad)
    assert (r.status_code, r.json()) == (404, {"detail": "Trigger node not found"})
    r = post(gateway, {"text": "x"})
    assert r.status_code == 422 and isinstance(r.json()["detail"], list)


def test_confirm_and_cancel_commands_find_no_pending_task(gateway):
    wf_slug = flow(gateway)
    for text, task in (("/confirm_ab12cd34", "ab12cd34"), (" /cancel_ff00 ", "ff00")):
        r = post(gateway, message(wf_slug, text))
        assert (r.status_code, r.json()) == (200, {"status": "not_found", "task_id": task})
