"""Pipelit's sockets over real HTTP (contract §7): the handshake, subscribe and unsubscribe,
the heartbeat, CRUD broadcasts and engine events with per-channel authorization, the
per-execution socket, and sockets that close when their key is revoked.

Pipelit objects and broadcasts are written straight to the database here, as the surface's
routes write them (a broadcast row in the transaction of its cause; an execution linked to
its native task in the transaction that creates the task): these tests are about the sockets.
"""

from __future__ import annotations

import json
import time
import uuid

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from pipelines_server.domain import tasks as native_tasks
from pipelines_server.shared.principal import ORG_ADMIN, Principal
from pipelines_server.store.models import (
    PipelitBroadcast,
    PipelitExecution,
    PipelitNode,
    PipelitWorkflow,
)
from tests.api.engine.helpers import chain, flow, node, user_key
from tests.api.helpers import database, native
from tests.api.pipelit.helpers import as_org, fresh_org, pipelit, slug, ws_url

TIMEOUT = 60  # generous: the machine is shared; nothing here asserts on timing


def _connect(server, token, path="/pipelit/ws/"):
    return connect(ws_url(server, path, token), open_timeout=TIMEOUT, close_timeout=5)


def _recv(ws) -> dict:
    return json.loads(ws.recv(timeout=TIMEOUT))


def _subscribe(ws, *channels: str) -> None:
    for channel in channels:
        ws.send(json.dumps({"type": "subscribe", "channel": channel}))
        assert _recv(ws) == {"type": "subscribed", "channel": channel}


def _closed(ws) -> ConnectionClosed:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            ws.recv(timeout=TIMEOUT)
        except ConnectionClosed as exc:
            return exc
    raise AssertionError("the socket did not close")


def _workflow(server, org, owner_id=None, nodes=()) -> PipelitWorkflow:
    with database(server) as s:
        wf = PipelitWorkflow(
            org_id=org.org_id, owner_id=owner_id or org.user_id, slug=slug(), name="WS"
        )
        s.add(wf)
        s.flush()
        for node_id, ctype in nodes:
            s.add(PipelitNode(workflow_id=wf.id, node_id=node_id, component_type=ctype))
        s.expunge(wf)
        return wf


def _broadcast(server, org_id, channel, type_, data=None) -> None:
    with database(server) as s:
        s.add(PipelitBroadcast(org_id=org_id, channel=channel, type=type_, data=data))


# -- the handshake and the protocol -----------------------------------------------------------


@pytest.mark.parametrize("token", [None, "", "pk_live_not-a-key"])
def test_a_bad_or_missing_token_is_refused_before_the_handshake(server, token):
    for path in ("/pipelit/ws/", f"/pipelit/ws/executions/{uuid.uuid4()}/"):
        with pytest.raises(InvalidStatus) as err:
            _connect(server, token, path)
        assert err.value.response.status_code == 403


def test_a_revoked_key_is_refused(server):
    org = fresh_org(server)
    key_id, key = _new_key(server, org)
    with native(as_org(server, org)) as api:
        r = api.post(f"/organizations/{org.org_id}/api-keys/{key_id}/revoke")
        assert r.status_code == 200, r.text
    with pytest.raises(InvalidStatus) as err:
        _connect(server, key)
    assert err.value.response.status_code == 403


def test_subscribe_and_unsubscribe_answer_every_time_and_junk_is_ignored(server):
    with _connect(server, server.seed.api_key) as ws:
        ws.send("not json")
        ws.send(json.dumps({"type": "dance", "channel": "workflow:x"}))
        ws.send(json.dumps({"type": "subscribe"}))
        ws.send(json.dumps({"type": "subscribe", "channel": ""}))
        ws.send(json.dumps(["subscribe"]))
        ws.send(json.dumps({"type": "pong"}))
        # Only the real subscriptions are answered, twice each (idempotent).
        for _ in range(2):
            ws.send(json.dumps({"type": "subscribe", "channel": "workflow:a"}))
            assert _recv(ws) == {"type": "subscribed", "channel": "workflow:a"}
        for _ in range(2):
            ws.send(json.dumps({"type": "unsubscribe", "channel": "workflow:a"}))
            assert _recv(ws) == {"type": "unsubscribed", "channel": "workflow:a"}
        ws.send(json.dumps({"type": "unsubscribe", "channel": "execution:never"}))
        assert _recv(ws) == {"type": "unsubscribed", "channel": "execution:never"}


def test_a_quiet_socket_is_pinged_and_closed_without_a_pong(make_server):
    srv = make_server(
        env={"PIPELINES_PIPELIT_WS_PING_SECONDS": "0.3", "PIPELINES_PIPELIT_WS_PONG_SECONDS": "0.5"}
    )
    with _connect(srv, srv.seed.api_key) as ws:
        # Answered pings keep it open.
        for _ in range(3):
            assert _recv(ws) == {"type": "ping"}
            ws.send(json.dumps({"type": "pong"}))
        assert _recv(ws) == {"type": "ping"}
        closed = _closed(ws)  # no pong this time
        assert closed.rcvd is not None and closed.rcvd.code == 1000


# -- CRUD broadcasts ---------------------------------------------------------------------------


def test_broadcasts_reach_the_subscribers_of_their_channel_as_crud_envelopes(server):
    org = fresh_org(server)
    wf = _workflow(server, org)
    channel = f"workflow:{wf.slug}"
    with _connect(server, org.api_key) as ws, _connect(server, org.api_key) as other:
        _subscribe(ws, channel)
        _subscribe(other, "workflow:someone-else")
        node = {"id": 1, "node_id": "code_1", "component_type": "code"}
        before = time.time()
        _broadcast(server, org.org_id, channel, "node_created", node)
        _broadcast(server, org.org_id, channel, "node_deleted", {"node_id": "code_1"})
        _broadcast(server, org.org_id, channel, "workflow_ping_without_data")
        first = _recv(ws)
        assert set(first) == {"type", "channel", "timestamp", "data"}
        assert first["type"] == "node_created" and first["channel"] == channel
        assert first["data"] == node
        assert isinstance(first["timestamp"], float) and first["timestamp"] >= before - 5
        second = _recv(ws)
        assert (second["type"], second["data"]) == ("node_deleted", {"node_id": "code_1"})
        third = _recv(ws)
        assert set(third) == {"type", "channel", "timestamp"}
        # Unsubscribed: nothing more arrives (the next message is the unsubscribe reply, then
        # a later broadcast on a channel still subscribed).
        ws.send(json.dumps({"type": "unsubscribe", "channel": channel}))
        assert _recv(ws) == {"type": "unsubscribed", "channel": channel}
        _subscribe(ws, "epic:ep-1")
        _broadcast(server, org.org_id, channel, "node_updated", node)
        _broadcast(server, org.org_id, "epic:ep-1", "epic_updated", {"id": "ep-1"})
        assert _recv(ws)["type"] == "epic_updated"
        # The other socket saw none of it.
        _subscribe(other, "epic:ep-1")
        _broadcast(server, org.org_id, "epic:ep-1", "epic_deleted", {"id": "ep-1"})
        assert _recv(other)["type"] == "epic_deleted"


def test_subscribers_only_receive_what_their_user_may_see(server):
    org = fresh_org(server)
    srv = as_org(server, org)
    member_id, member_key = user_key(srv, "member")
    stranger = fresh_org(server)
    admins_wf = _workflow(server, org)
    members_wf = _workflow(server, org, owner_id=member_id)
    a, m = f"workflow:{admins_wf.slug}", f"workflow:{members_wf.slug}"
    with (
        _connect(server, org.api_key) as admin,
        _connect(server, member_key) as member,
        _connect(server, stranger.api_key) as outsider,
    ):
        for ws in (admin, member, outsider):
            _subscribe(ws, a, m, "epic:ep-9")
        _broadcast(server, org.org_id, a, "node_created", {"node_id": "n1"})
        _broadcast(server, org.org_id, m, "node_created", {"node_id": "n2"})
        _broadcast(server, org.org_id, "epic:ep-9", "epic_updated", {"id": "ep-9"})
        _broadcast(server, stranger.org_id, "epic:ep-9", "epic_updated", {"id": "theirs"})
        assert [_recv(admin)["channel"] for _ in range(3)] == [a, m, "epic:ep-9"]
        # A normal user: their own workflow's events and the organization's epics only.
        assert _recv(member)["channel"] == m
        assert _recv(member)["data"] == {"id": "ep-9"}
        # Another organization's key: only its own organization's events.
        assert _recv(outsider)["data"] == {"id": "theirs"}


# -- engine events ---------------------------------------------------------------------------

DOUBLE = "def main(data):\n    return {'double': data['input']['n'] * 2}\n"
BOOM = "def main(data):\n    raise ValueError('bad input ' + str(data['input']['n']))\n"
NUMBER = [{"name": "n", "type": "numeric", "required": True}]


def _start_execution(server, org, source: str, execution_id: str | None = None):
    """A Pipelit workflow (trigger_manual_1 -> code_1) backed by a native flow, and one
    execution of it: its native task created with the execution in one transaction."""
    srv = as_org(server, org)
    native_wf = flow(
        srv,
        [node("start", "start"), node("code_1", "code", source=source), node("end", "end")],
        chain("start", "code_1", "end"),
        NUMBER,
    )
    wf = _workflow(server, org, nodes=[("trigger_manual_1", "trigger_manual"), ("code_1", "code")])
    execution_id = execution_id or str(uuid.uuid4())

    def start():
        with database(server) as s:
            s.get(PipelitWorkflow, wf.id).workflow_id = native_wf["id"]
            principal = Principal(org.org_id, 0, org.user_id, ORG_ADMIN)
            result = native_tasks.create_tasks(
                s, principal, native_wf["id"], [{"fields": {"n": 21}}]
            )
            s.add(
                PipelitExecution(
                    id=execution_id,
                    org_id=org.org_id,
                    workflow_id=wf.id,
                    user_id=org.user_id,
                    task_id=result.task_ids[0],
                    status="pending",
                )
            )

    return wf, execution_id, start


def _engine_events(ws, until=("execution_completed", "execution_failed")) -> list[dict]:
    out = []
    while True:
        event = _recv(ws)
        out.append(event)
        if event["type"] in until:
            return out


def test_an_execution_raises_pipelit_engine_events_in_pipelit_order(server):
    org = fresh_org(server)
    wf, execution_id, start = _start_execution(server, org, DOUBLE)
    ex, wfc = f"execution:{execution_id}", f"workflow:{wf.slug}"
    with _connect(server, org.api_key) as on_ex, _connect(server, org.api_key) as on_wf:
        _subscribe(on_ex, ex)
        _subscribe(on_wf, wfc)
        start()
        events = _engine_events(on_ex)
        mirrored = _engine_events(on_wf)
    summary = [(e["type"], e.get("data", {}).get("status")) for e in events]
    assert summary == [
        ("execution_started", None),
        ("node_enqueued", None),
        ("node_status", "running"),
        ("node_status", "success"),
        ("execution_completed", None),
    ]
    for event in events:
        assert set(event) == {"type", "execution_id", "timestamp", "data"}
        assert event["execution_id"] == execution_id and isinstance(event["timestamp"], float)
    started, enqueued, running, success, completed = events
    assert started["data"] == {"workflow_id": wf.id}
    assert enqueued["data"] == {"node_id": "code_1"}
    meta = {"component_type": "code", "display_name": "Code", "node_label": "code_1"}
    assert running["data"] == {"node_id": "code_1", "status": "running", **meta}
    assert set(success["data"]) == {"node_id", "status", "duration_ms", "output", *meta}
    assert success["data"]["output"] == {"double": 42}
    assert isinstance(success["data"]["duration_ms"], int)
    assert completed["data"]["output"] == {"node_outputs": {"code_1": {"double": 42}}}
    assert completed["data"]["activity_summary"]["total_steps"] == 1
    assert set(completed["data"]["activity_summary"]) == {
        "total_steps",
        "total_duration_ms",
        "total_tokens",
        "total_cost_usd",
        "llm_calls",
        "tool_invocations",
        "child_count",
    }
    # The workflow channel carries the same events, with their channel.
    assert [{k: v for k, v in e.items() if k != "channel"} for e in mirrored] == events
    assert {e["channel"] for e in mirrored} == {wfc}


def test_a_failing_node_raises_node_failed_then_execution_failed(server):
    org = fresh_org(server)
    _wf, execution_id, start = _start_execution(server, org, BOOM)
    with _connect(server, org.api_key) as ws:
        _subscribe(ws, f"execution:{execution_id}")
        start()
        events = _engine_events(ws)
    assert [e["type"] for e in events][:1] == ["execution_started"]
    failed = [e["data"] for e in events if e["data"].get("status") == "failed"]
    assert failed and failed[-1]["node_id"] == "code_1"
    assert "bad input 21" in failed[-1]["error"]
    assert failed[-1]["error_code"] == "ValueError"
    end = events[-1]
    assert end["type"] == "execution_failed"
    assert end["data"]["error"].startswith("Node code_1: ")
    assert "bad input 21" in end["data"]["error"] and len(end["data"]["error"]) <= 500


def test_a_member_does_not_receive_the_engine_events_of_others_workflows(server):
    org = fresh_org(server)
    _member_id, member_key = user_key(as_org(server, org), "member")
    wf, execution_id, start = _start_execution(server, org, DOUBLE)
    with _connect(server, member_key) as member, _connect(server, org.api_key) as admin:
        _subscribe(member, f"execution:{execution_id}", f"workflow:{wf.slug}", "epic:ep-m")
        _subscribe(admin, f"execution:{execution_id}")
        start()
        _engine_events(admin)  # the execution is over
        _broadcast(server, org.org_id, "epic:ep-m", "epic_updated", {"id": "ep-m"})
        assert _recv(member)["type"] == "epic_updated"  # and nothing before it


# -- the per-execution socket ---------------------------------------------------------------


def test_the_execution_socket_forwards_its_execution_and_closes_at_its_end(server):
    org = fresh_org(server)
    _wf, execution_id, start = _start_execution(server, org, DOUBLE)
    with _connect(server, org.api_key, f"/pipelit/ws/executions/{execution_id}/") as ws:
        start()
        events = _engine_events(ws)
        assert events[0]["type"] == "execution_started"
        assert events[-1]["type"] == "execution_completed"
        assert all("channel" not in e for e in events)
        closed = _closed(ws)
        assert closed.rcvd is not None and closed.rcvd.code == 1000


def test_the_execution_socket_of_an_execution_the_user_may_not_see_stays_silent(server):
    org = fresh_org(server)
    _wf, execution_id, start = _start_execution(server, org, DOUBLE)
    stranger = fresh_org(server)
    path = f"/pipelit/ws/executions/{execution_id}/"
    with (
        _connect(server, stranger.api_key, path) as theirs,
        _connect(server, org.api_key, path) as mine,
    ):
        start()
        _engine_events(mine)
        # The end was fanned out by a reader pass that is over now; a broadcast the stranger
        # may see, written after it, must be the first frame the stranger's socket receives.
        _broadcast(server, stranger.org_id, f"execution:{execution_id}", "sentinel", {"n": 1})
        first = _recv(theirs)
        assert (first["type"], first["data"]) == ("sentinel", {"n": 1})


# -- keys ----------------------------------------------------------------------------------------


def _new_key(server, org) -> tuple[int, str]:
    with native(as_org(server, org)) as api:
        r = api.post(f"/organizations/{org.org_id}/api-keys", json={"name": "ws"})
    assert r.status_code == 201, r.text
    return r.json()["id"], r.json()["key"]


def test_revoking_a_key_closes_its_sockets(server):
    org = fresh_org(server)
    key_id, key = _new_key(server, org)
    with _connect(server, key) as ws, _connect(server, org.api_key) as bystander:
        _subscribe(ws, "workflow:x")
        with native(as_org(server, org)) as api:
            r = api.post(f"/organizations/{org.org_id}/api-keys/{key_id}/revoke")
        assert r.status_code == 200, r.text
        closed = _closed(ws)
        assert closed.rcvd is not None and closed.rcvd.code == 4401
        assert "revoked" in closed.rcvd.reason
        _subscribe(bystander, "workflow:y")  # still open


# -- the acceptance story's socket part ---------------------------------------------------------


def test_a_workflow_built_and_run_through_the_api_streams_in_pipelit_order(server):
    """trigger -> code -> switch -> merge, built with the node and edge routes and run with
    the manual execute: the workflow channel sees the CRUD events, then the run in Pipelit's
    order; the execution channel, joined once the execution id is known, the same events."""
    org = fresh_org(server)
    srv = as_org(server, org)
    s = slug()
    channel = f"workflow:{s}"
    with pipelit(srv) as api, _connect(server, org.api_key) as ws:
        assert api.post("/workflows/", json={"name": "Story", "slug": s}).status_code == 201
        _subscribe(ws, channel)
        nodes = [
            {"node_id": "trigger", "component_type": "trigger_manual"},
            {
                "node_id": "shout",
                "component_type": "code",
                "config": {"extra_config": {"code": "return state['trigger']['text'].upper()"}},
            },
            {
                "node_id": "sw",
                "component_type": "switch",
                "config": {
                    "extra_config": {
                        "rules": [
                            {
                                "id": "yes",
                                "field": "trigger.text",
                                "operator": "contains",
                                "value": "!",
                            }
                        ],
                        "enable_fallback": True,
                    }
                },
            },
            {
                "node_id": "loud",
                "component_type": "code",
                "config": {"extra_config": {"code": "result = 'LOUD'"}},
            },
            {
                "node_id": "calm",
                "component_type": "code",
                "config": {"extra_config": {"code": "result = 'calm'"}},
            },
            {"node_id": "join", "component_type": "merge", "config": {"extra_config": {}}},
        ]
        for body in nodes:
            r = api.post(f"/workflows/{s}/nodes/", json=body)
            assert r.status_code == 201, r.text
            event = _recv(ws)
            assert (event["type"], event["channel"]) == ("node_created", channel)
            assert event["data"] == r.json()
        edges = [
            {"source_node_id": "trigger", "target_node_id": "shout"},
            {"source_node_id": "shout", "target_node_id": "sw"},
            {
                "source_node_id": "sw",
                "target_node_id": "loud",
                "edge_type": "conditional",
                "condition_value": "yes",
            },
            {
                "source_node_id": "sw",
                "target_node_id": "calm",
                "edge_type": "conditional",
                "condition_value": "__other__",
            },
            {"source_node_id": "loud", "target_node_id": "join"},
            {"source_node_id": "calm", "target_node_id": "join"},
        ]
        for body in edges:
            r = api.post(f"/workflows/{s}/edges/", json=body)
            assert r.status_code == 201, r.text
            event = _recv(ws)
            assert (event["type"], event["data"]) == ("edge_created", r.json())
        r = api.post(f"/workflows/{s}/execute/", json={"text": "hi!"})
        assert r.status_code == 200, r.text
        execution_id = r.json()["execution_id"]
        _subscribe(ws, f"execution:{execution_id}")
        events = _engine_events(ws)
        if "channel" not in events[-1]:  # the execution channel's end: the workflow's follows
            events += _engine_events(ws)
    on_wf = [e for e in events if e.get("channel") == channel]
    on_ex = [e for e in events if "channel" not in e]
    summary = [(e["type"], e["data"].get("node_id"), e["data"].get("status")) for e in on_wf]
    assert summary == [
        ("execution_started", None, None),
        ("node_enqueued", "shout", None),
        ("node_status", "shout", "running"),
        ("node_status", "shout", "success"),
        ("node_enqueued", "sw", None),
        ("node_status", "sw", "running"),
        ("node_status", "sw", "success"),
        ("node_enqueued", "loud", None),
        ("node_status", "loud", "running"),
        ("node_status", "loud", "success"),
        ("node_enqueued", "join", None),
        ("node_status", "join", "running"),
        ("node_status", "join", "success"),
        ("execution_completed", None, None),
    ]
    assert all(e["execution_id"] == execution_id for e in on_wf)
    # The execution channel: the same events (without channel), from when it was joined.
    stripped = [{k: v for k, v in e.items() if k != "channel"} for e in on_wf]
    assert on_ex and stripped[-len(on_ex) :] == on_ex
    completed = on_wf[-1]["data"]
    assert completed["output"]["node_outputs"]["loud"] == {"output": "LOUD"}
    assert "calm" not in completed["output"]["node_outputs"]
    assert completed["activity_summary"]["total_steps"] == 4
    with pipelit(srv) as api:
        detail = api.get(f"/executions/{execution_id}/").json()
    assert detail["final_output"] == completed["output"]
