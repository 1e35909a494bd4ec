"""The translation of native task events into Pipelit's socket events, their envelopes, who
may see them, and the pruning of old broadcasts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from pipelines_server.domain.pipelit import events as pe
from pipelines_server.shared.principal import MEMBER, ORG_ADMIN, Principal
from pipelines_server.store.db import Database, migrate
from pipelines_server.store.models import PipelitBroadcast, utcnow

EX = pe.Execution(id="e-1", org_id=7, workflow_id=3, slug="flow", owner_id=11)
META = {"component_type": "code", "display_name": "Code", "node_label": "code_1"}


def test_task_started_is_execution_started_with_the_pipelit_workflow_id():
    assert pe.translate("task.started", None, {}, EX, None) == [
        ("execution_started", {"workflow_id": 3})
    ]


def test_a_finished_node_is_running_then_success_with_duration_and_cut_output():
    long = "x" * 3000
    end = pe.NodeEnd(work_seconds=0.25, output={"output": long, "n": 1})
    out = pe.translate("node.finished", "code_1", {"attempt": 1}, EX, "code", end)
    assert out == [
        ("node_status", {"node_id": "code_1", "status": "running", **META}),
        (
            "node_status",
            {
                "node_id": "code_1",
                "status": "success",
                **META,
                "duration_ms": 250,
                "output": {"output": "x" * 2048 + "...", "n": 1},
            },
        ),
    ]


def test_outputs_are_cut_only_when_longer_than_2048():
    assert pe.cut("y" * 2048) == "y" * 2048
    assert pe.cut("y" * 2049) == "y" * 2048 + "..."
    assert pe.cut([1, "z" * 5000]) == [1, "z" * 5000]
    assert pe.cut(None) is None


def test_failed_and_retried_attempts_are_failed_with_error_and_code():
    failed = pe.translate("node.failed", "code_1", {"error": "ValueError: bad"}, EX, "code", None)
    assert failed[1] == (
        "node_status",
        {
            "node_id": "code_1",
            "status": "failed",
            **META,
            "error": "ValueError: bad",
            "error_code": "ValueError",
        },
    )
    retried = pe.translate("node.deferred", "code_1", {"error": "boom", "retry": 1}, EX, "code")
    assert [d["status"] for _, d in retried] == ["running", "failed"]
    assert retried[1][1]["error_code"] == "NodeError"
    # A deferral without an error (a first queueing) raises nothing.
    assert pe.translate("node.deferred", "code_1", {}, EX, "code") == []


def test_error_codes():
    assert pe.error_code("internal error in code node: KeyError: 'x'") == "KeyError"
    assert pe.error_code("Code timed out after 10 s") == "TimeoutError"
    assert pe.error_code("RuntimeError: nope") == "RuntimeError"
    assert pe.error_code("something odd") == "NodeError"
    assert pe.error_code(None) == "NodeError"


def test_enqueued_and_waiting():
    assert pe.translate("node.available", "code_1", {}, EX, "code") == [
        ("node_enqueued", {"node_id": "code_1"})
    ]
    assert pe.translate("node.escalated", "code_1", {}, EX, "code") == [
        ("node_status", {"node_id": "code_1", "status": "waiting", **META})
    ]


def test_triggers_helpers_and_other_native_events_raise_nothing():
    assert pe.translate("node.finished", "trigger_1", {}, EX, "trigger_manual") == []
    assert pe.translate("node.finished", "sw::route", {}, EX, None) == []
    assert pe.translate("node.na", "code_1", {}, EX, "code") == []
    assert pe.translate("task.cancelled", None, {}, EX, None) == []
    assert pe.translate("task.reopened", None, {}, EX, None) == []


def test_execution_end_events():
    end = pe.TaskEnd(output={"output": "hi"}, error=None, steps=3, duration_ms=1200)
    ((kind, data),) = pe.translate("task.finished", None, {}, EX, None, task_end=end)
    assert kind == "execution_completed"
    assert data == {
        "output": {"output": "hi"},
        "activity_summary": {
            "total_steps": 3,
            "total_duration_ms": 1200,
            "total_tokens": 0,
            "total_cost_usd": 0.0,
            "llm_calls": 0,
            "tool_invocations": 0,
            "child_count": 0,
        },
    }
    failed = pe.TaskEnd(output=None, error="Node c: " + "e" * 900, steps=0, duration_ms=0)
    ((kind, data),) = pe.translate("task.failed", None, {}, EX, None, task_end=failed)
    assert kind == "execution_failed" and len(data["error"]) == 500 and set(data) == {"error"}
    timeout = pe.TaskEnd(None, "Execution timed out after 601s (limit: 600s)", 0, 0)
    ((_, data),) = pe.translate("task.failed", None, {}, EX, None, task_end=timeout)
    assert data["error_code"] == "timeout"


def test_engine_events_go_to_the_execution_then_the_workflow_channel():
    messages = pe.engine_messages(EX, [("execution_started", {"workflow_id": 3})], 12.5)
    assert [m.channel for m in messages] == ["execution:e-1", "workflow:flow"]
    assert messages[0].payload == {
        "type": "execution_started",
        "execution_id": "e-1",
        "timestamp": 12.5,
        "data": {"workflow_id": 3},
    }
    assert messages[1].payload == {**messages[0].payload, "channel": "workflow:flow"}
    assert not messages[0].terminal
    (end, _) = pe.engine_messages(EX, [("execution_failed", {"error": "x"})], 1.0)
    assert end.terminal


def test_crud_envelopes_carry_data_only_when_there_is_some():
    at = datetime(2026, 3, 21, 8, 31, tzinfo=UTC)
    row = SimpleNamespace(
        org_id=7, channel="workflow:flow", type="node_deleted", data=None, created_at=at
    )
    assert pe.broadcast_message(row, 11).payload == {
        "type": "node_deleted",
        "channel": "workflow:flow",
        "timestamp": at.timestamp(),
    }
    row.data = {"node_id": "a"}
    assert pe.broadcast_message(row, 11).payload["data"] == {"node_id": "a"}


def test_who_may_see_what():
    admin = Principal(7, 1, 1, ORG_ADMIN)
    owner = Principal(7, 2, 11, MEMBER)
    other = Principal(7, 3, 12, MEMBER)
    stranger = Principal(8, 4, 13, ORG_ADMIN)
    mine = pe.Message(7, 11, "workflow:flow", {})
    epic = pe.Message(7, None, "epic:ep-1", {})
    gone = pe.Message(7, pe.UNKNOWN_OWNER, "workflow:gone", {})
    assert [pe.may_see(p, mine) for p in (admin, owner, other, stranger)] == [
        True,
        True,
        False,
        False,
    ]
    assert [pe.may_see(p, epic) for p in (admin, owner, other, stranger)] == [
        True,
        True,
        True,
        False,
    ]
    assert [pe.may_see(p, gone) for p in (admin, owner)] == [True, False]


def test_old_broadcasts_are_pruned(tmp_path):
    url = f"sqlite:///{tmp_path / 'b.db'}"
    migrate(url)
    db = Database(url)
    try:
        from tests.server import seed_database

        org = seed_database(url)
        now = utcnow()
        with db.session() as s:
            s.add(
                PipelitBroadcast(
                    org_id=org.org_id, channel="c", type="old", created_at=now - timedelta(hours=1)
                )
            )
            s.add(PipelitBroadcast(org_id=org.org_id, channel="c", type="new", created_at=now))
        with db.session() as s:
            assert pe.prune_broadcasts(s.connection(), timedelta(minutes=10), now) == 1
        with db.session() as s:
            assert [b.type for b in s.query(PipelitBroadcast)] == ["new"]
            rows = pe.broadcasts_since(s.connection(), 0)
            assert [r.type for r in rows] == ["new"]
            assert pe.max_broadcast_id(s.connection()) == rows[0].id
    finally:
        db.dispose()


def test_the_key_check_rereads_the_role_of_each_socket(tmp_path):
    """A demoted admin's open socket is re-read as a member at the next key check: other
    users' workflow events stop reaching it (and a removed user's socket closes)."""
    import asyncio

    from sqlalchemy import select

    from pipelines_server.live.pipelit import PipelitHub, Socket
    from pipelines_server.store.models import ApiKey, User

    url = f"sqlite:///{tmp_path / 'r.db'}"
    migrate(url)
    db = Database(url)
    try:
        from tests.server import seed_database

        org = seed_database(url)
        with db.session() as s:
            key_id = s.scalar(select(ApiKey.id).where(ApiKey.created_by_id == org.user_id))
        settings = SimpleNamespace(
            events_poll_seconds=1.0, events_key_check_seconds=1.0, events_max_streams=10
        )
        hub = PipelitHub(SimpleNamespace(settings=settings, db=db))
        sock = Socket(Principal(org.org_id, key_id, org.user_id, ORG_ADMIN))
        hub.by_org[org.org_id] = {sock}
        hub.count = 1
        others = pe.Message(org.org_id, org.user_id + 99, "workflow:w", {"type": "x"})
        assert pe.may_see(sock.principal, others)

        with db.session() as s:
            s.get(User, org.user_id).role = MEMBER
        assert asyncio.run(hub.check_keys()) == 0
        assert sock.closed is None and sock.principal.role == MEMBER
        assert not pe.may_see(sock.principal, others)

        with db.session() as s:
            s.get(User, org.user_id).removed_at = utcnow()
        assert asyncio.run(hub.check_keys()) == 1
        assert sock.closed is not None and sock.closed[0] == 4401
    finally:
        db.dispose()


def test_a_socket_holds_at_most_max_channels():
    from pipelines_server.live import pipelit as live

    sock = live.Socket(Principal(1, 1, 1, MEMBER))
    for i in range(live.MAX_CHANNELS):
        sock.channels.add(f"c:{i}")
    sub = '{"type": "subscribe", "channel": "%s"}'
    assert live.PipelitSockets._client_message(sock, sub % "one-more") is None
    assert "one-more" not in sock.channels and not sock.queue  # ignored: no answer
    assert live.PipelitSockets._client_message(sock, sub % "c:5") == "subscribe"  # held already
    live.PipelitSockets._client_message(sock, '{"type": "unsubscribe", "channel": "c:1"}')
    assert live.PipelitSockets._client_message(sock, sub % "one-more") == "subscribe"
    assert len(sock.channels) == live.MAX_CHANNELS
