"""Live events over real HTTP: many open streams do not starve other requests, WebSocket
streams, resume, and streams that end when their key stops being valid."""

from __future__ import annotations

import asyncio
import json
import signal
import threading
import time
from datetime import timedelta

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from pipelines_server.store.models import ApiKey, utcnow
from tests.api.engine.helpers import chain, create_tasks, flow, node, timeline, user_key
from tests.api.helpers import database, native

TIMEOUT = 60  # generous: the machine is shared; nothing here asserts on timing


def _ws_url(server, **params) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return (
        server.base_url.replace("http://", "ws://")
        + "/api/events/ws"
        + (f"?{query}" if query else "")
    )


def _trivial_flow(server) -> dict:
    return flow(server, [node("start", "start"), node("end", "end")], chain("start", "end"))


def _new_key(server) -> tuple[int, str]:
    """A fresh admin key of the seed organization (created through the API)."""
    with native(server) as api:
        r = api.post(f"/organizations/{server.seed.org_id}/api-keys", json={"name": "stream"})
    assert r.status_code == 201, r.text
    body = r.json()
    return body["id"], body["key"]


class SseReader:
    """An SSE stream read on a thread: its events, and how it ended."""

    def __init__(self, server, params: dict, key: str, headers: dict | None = None):
        self.events: list[dict] = []
        self.closed_detail: str | None = None
        self.opened = threading.Event()
        self.ended = threading.Event()
        self.status: int | None = None
        self.error: BaseException | None = None
        self._args = (server, params, key, headers or {})
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        server, params, key, headers = self._args
        try:
            with httpx.stream(
                "GET",
                server.base_url + "/api/events",
                params=params,
                headers={"Authorization": f"Bearer {key}", **headers},
                timeout=httpx.Timeout(TIMEOUT, read=TIMEOUT),
            ) as r:
                self.status = r.status_code
                self.opened.set()
                current: dict = {}
                for line in r.iter_lines():
                    if line.startswith("id: "):
                        current["id"] = int(line[4:])
                    elif line.startswith("event: "):
                        current["event"] = line[7:]
                    elif line.startswith("data: "):
                        current["data"] = json.loads(line[6:])
                    elif line == "" and current:
                        if current.get("event") == "stream.closed":
                            self.closed_detail = current["data"]["detail"]
                        else:
                            self.events.append(current)
                        current = {}
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            self.error = exc
        finally:
            self.opened.set()
            self.ended.set()

    def wait_for(self, predicate, timeout: float = TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while not predicate(self):
            if time.monotonic() > deadline:
                raise AssertionError(f"stream never got there: {self.events} {self.error}")
            time.sleep(0.05)


def _ws_events_until(ws, stop, timeout: float = TIMEOUT) -> list[dict]:
    events = []
    deadline = time.monotonic() + timeout
    while not events or not stop(events):
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"WebSocket never got there: {events}")
        events.append(json.loads(ws.recv(timeout=left)))
    return events


def _ws_close_of(ws, timeout: float = TIMEOUT) -> tuple[int, str]:
    """Reads until the server closes the socket; its close code and reason."""
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ws.recv(timeout=deadline - time.monotonic())
    except ConnectionClosed as exc:
        return exc.rcvd.code, exc.rcvd.reason
    raise AssertionError("the server did not close the WebSocket")


def test_open_streams_hold_no_worker_thread(server):
    """Twelve open streams (more than the WSGI pool's ten threads) and other requests still
    answer; on a thread-per-stream server the eleventh stream and the requests would wait."""
    headers = {"Authorization": f"Bearer {server.seed.api_key}"}

    async def scenario():
        limits = httpx.Limits(max_connections=50, max_keepalive_connections=0)
        timeout = httpx.Timeout(TIMEOUT)
        async with httpx.AsyncClient(
            base_url=server.base_url, headers=headers, limits=limits, timeout=timeout
        ) as client:
            stack = []
            try:
                for i in range(12):
                    # Alternate the two ways of presenting a key, and X-API-Key for half.
                    extra = {"X-API-Key": server.seed.api_key} if i % 2 else {}
                    request = client.build_request(
                        "GET", "/api/events", headers=extra, params={"max_seconds": 120}
                    )
                    response = await client.send(request, stream=True)
                    stack.append(response)
                    assert response.status_code == 200
                    lines = response.aiter_lines()
                    assert (await asyncio.wait_for(lines.__anext__(), TIMEOUT)).startswith("retry:")
                # Every stream is open; the API still answers, on both kinds of route.
                for _ in range(3):
                    me = await client.get("/api/auth/me")
                    assert me.status_code == 200, me.text
                    health = await client.get("/api/health")
                    assert health.status_code == 200
                    projects = await client.get("/api/projects")
                    assert projects.status_code == 200
            finally:
                for response in stack:
                    await response.aclose()

    asyncio.run(asyncio.wait_for(scenario(), 3 * TIMEOUT))


def test_many_streams_see_an_event_from_one_shared_reader(server):
    """Twelve streams all receive the events of a task created while they are open."""
    wf = _trivial_flow(server)
    readers = [SseReader(server, {"workflow_id": wf["id"]}, server.seed.api_key) for _ in range(12)]
    for reader in readers:
        assert reader.opened.wait(TIMEOUT) and reader.status == 200
    time.sleep(0.5)  # let the streams join the reader (not needed for correctness)
    (task_id,) = create_tasks(server, wf["id"], [{}])
    expected = [e["type"] for e in _wait_timeline(server, wf["id"], task_id)]
    for reader in readers:
        reader.wait_for(lambda r: len(r.events) >= len(expected))
        assert [e["event"] for e in reader.events] == expected
        assert {e["data"]["task_id"] for e in reader.events} == {task_id}


def _wait_timeline(server, wf_id: int, task_id: int) -> list[dict]:
    deadline = time.monotonic() + TIMEOUT
    while True:
        events = timeline(server, wf_id, task_id)
        if events and events[-1]["type"] in ("task.finished", "task.failed"):
            return events
        assert time.monotonic() < deadline, events
        time.sleep(0.1)


def test_websocket_streams_events_and_resumes(server):
    wf = _trivial_flow(server)
    key = server.seed.api_key
    with connect(
        _ws_url(server, workflow_id=wf["id"]), additional_headers={"Authorization": f"Bearer {key}"}
    ) as ws:
        time.sleep(0.5)
        (task_id,) = create_tasks(server, wf["id"], [{}])
        events = _ws_events_until(ws, lambda ev: ev[-1]["type"] == "task.finished")
    stored = timeline(server, wf["id"], task_id)
    assert events == stored  # the same JSON payloads as the timeline (and the SSE data)

    # Resume after the first event: with `after`, with a Last-Event-ID header, and with the
    # key in the `token` query parameter or as the first message.
    rest = stored[1:]
    with connect(_ws_url(server, task_id=task_id, after=stored[0]["id"], token=key)) as ws:
        assert _ws_events_until(ws, lambda ev: len(ev) == len(rest)) == rest
    with connect(
        _ws_url(server, task_id=task_id),
        additional_headers={"X-API-Key": key, "Last-Event-ID": str(stored[0]["id"])},
    ) as ws:
        assert _ws_events_until(ws, lambda ev: len(ev) == len(rest)) == rest
    with connect(_ws_url(server, task_id=task_id, after=0)) as ws:
        ws.send(json.dumps({"token": key}))
        assert _ws_events_until(ws, lambda ev: len(ev) == len(stored)) == stored

    # max_seconds ends it normally.
    with connect(_ws_url(server, task_id=task_id, max_seconds=0.5, token=key)) as ws:
        code, _ = _ws_close_of(ws)
    assert code == 1000


def test_sse_resumes_with_last_event_id(server):
    wf = _trivial_flow(server)
    (task_id,) = create_tasks(server, wf["id"], [{}])
    stored = _wait_timeline(server, wf["id"], task_id)
    reader = SseReader(
        server,
        {"task_id": task_id, "max_seconds": 2},
        server.seed.api_key,
        headers={"Last-Event-ID": str(stored[1]["id"])},
    )
    assert reader.ended.wait(TIMEOUT)
    assert [e["id"] for e in reader.events] == [e["id"] for e in stored[2:]]
    assert [e["data"] for e in reader.events] == stored[2:]
    assert reader.closed_detail is None  # max_seconds: a plain end


def test_websocket_refuses_bad_requests_with_close_codes(server, make_server):
    with connect(_ws_url(server, token="pk_live_" + "0" * 40)) as ws:
        assert _ws_close_of(ws)[0] == 4401
    with connect(_ws_url(server, task_id="abc", token=server.seed.api_key)) as ws:
        code, reason = _ws_close_of(ws)
    assert code == 4422 and "task_id" in reason
    with connect(_ws_url(server)) as ws:
        ws.send('{"nothing": 1}')
        assert _ws_close_of(ws)[0] == 4401
    _, other_key = _new_key(server)  # two different keys in one request: refused, as on HTTP
    two = {"Authorization": f"Bearer {server.seed.api_key}", "X-API-Key": other_key}
    with connect(_ws_url(server), additional_headers=two) as ws:
        assert _ws_close_of(ws)[0] == 4401
    other = make_server()
    wf = _trivial_flow(server)
    (task_id,) = create_tasks(server, wf["id"], [{}])
    with connect(_ws_url(other, task_id=task_id, token=other.seed.api_key)) as ws:
        assert _ws_close_of(ws)[0] == 4404
    # A plain HTTP request to the WebSocket endpoint says what to do.
    r = httpx.get(server.base_url + "/api/events/ws")
    assert r.status_code == 426 and "WebSocket" in r.json()["detail"]


def _open_sse(server, key: str) -> SseReader:
    sse = SseReader(server, {}, key)
    assert sse.opened.wait(TIMEOUT) and sse.status == 200
    return sse


def _open_ws(server, key: str):
    return connect(_ws_url(server), additional_headers={"Authorization": f"Bearer {key}"})


def _assert_both_end(sse: SseReader, ws, code: int, words: str) -> None:
    ws_code, ws_reason = _ws_close_of(ws)
    assert ws_code == code and words in ws_reason, (ws_code, ws_reason)
    assert sse.ended.wait(TIMEOUT), "the SSE stream did not end"
    assert sse.error is None, sse.error
    assert sse.closed_detail is not None and words in sse.closed_detail, sse.closed_detail


def test_revoking_a_key_ends_its_open_streams(server):
    key_id, key = _new_key(server)
    sse = _open_sse(server, key)
    bystander = _open_sse(server, server.seed.api_key)
    with _open_ws(server, key) as ws:
        with native(server) as api:
            r = api.post(f"/organizations/{server.seed.org_id}/api-keys/{key_id}/revoke")
        assert r.status_code == 200, r.text
        _assert_both_end(sse, ws, 4401, "revoked")
    # The key cannot open a new one; another key's stream is still open.
    r = httpx.get(server.base_url + "/api/events", headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == 401 and "revoked" in r.json()["detail"]
    assert not bystander.ended.is_set()


def test_an_expiring_key_ends_its_open_streams(server):
    key_id, key = _new_key(server)
    sse = _open_sse(server, key)
    with _open_ws(server, key) as ws:
        with database(server) as s:  # the key reaches its expiry while the streams are open
            s.get(ApiKey, key_id).expires_at = utcnow() - timedelta(seconds=1)
        _assert_both_end(sse, ws, 4401, "expired")


def test_removing_a_user_ends_the_streams_of_their_keys(server):
    user_id, key = user_key(server)
    sse = _open_sse(server, key)
    with _open_ws(server, key) as ws:
        with native(server) as api:
            r = api.delete(f"/organizations/{server.seed.org_id}/users/{user_id}")
        assert r.status_code == 204, r.text
        _assert_both_end(sse, ws, 4403, "removed")
    r = httpx.get(server.base_url + "/api/events", headers={"X-API-Key": key})
    assert r.status_code == 403 and "removed" in r.json()["detail"]


def test_stopping_the_server_ends_its_streams(make_server):
    """A graceful stop (SIGTERM) ends open streams with a reason instead of waiting for
    them, so clients reconnect to another process and resume."""
    srv = make_server()
    wf = _trivial_flow(srv)
    create_tasks(srv, wf["id"], [{}])
    sse = _open_sse(srv, srv.seed.api_key)
    with connect(_ws_url(srv, after=0, token=srv.seed.api_key)) as ws:
        _ws_events_until(ws, lambda ev: len(ev) >= 1)  # the stream is open: it replays
        srv.process.terminate()
        code, _ = _ws_close_of(ws)
    assert code == 1001
    assert sse.ended.wait(TIMEOUT) and "shutting down" in (sse.closed_detail or "")
    # Stopped by itself: uvicorn re-raises the SIGTERM it handled once it is done.
    assert srv.process.wait(TIMEOUT) in (0, -signal.SIGTERM)


def test_filters_no_event_can_match_end_cleanly(server):
    """The largest ids the spec allows: the stream opens, finds nothing and ends at
    max_seconds (on PostgreSQL the workflow filter once broke the stream mid-response)."""
    big = 9223372036854775806
    wf = _trivial_flow(server)
    (task_id,) = create_tasks(server, wf["id"], [{}])
    _wait_timeline(server, wf["id"], task_id)  # events exist: a stream from 0 reads them
    for params in ({"workflow_id": big, "after": 0}, {"after": big}):
        reader = SseReader(server, {**params, "max_seconds": 0.5}, server.seed.api_key)
        assert reader.ended.wait(TIMEOUT)
        assert reader.status == 200 and reader.error is None, reader.error
        assert reader.events == [] and reader.closed_detail is None


@pytest.mark.parametrize("path", ["/api/events", "/api/events?task_id=0", "/api/events?after=x"])
def test_event_stream_errors_keep_the_native_body(server, path):
    headers = {"Authorization": f"Bearer {server.seed.api_key}"}
    r = httpx.get(server.base_url + path, headers=headers if "?" in path else {})
    assert r.status_code == (422 if "?" in path else 401)
    assert r.headers["content-type"].startswith("application/json")
    assert "detail" in r.json()
