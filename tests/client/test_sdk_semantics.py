"""The SDK's semantics against real servers: which POSTs are re-sent after a lost reply (only
those carrying an Idempotency-Key), errors raised before a generated parser sees a proxy's HTML
or gzip body, anonymous clients, the event stream surviving a server that went away, and the
helpers moved out of pipectl (watching a workflow, rows from a file, apply by name, work by
item, every log of a KFP run, the default organization)."""

from __future__ import annotations

import asyncio
import gzip
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pipelines_api.types import Response

from pipelines_client import (
    Ambiguous,
    AsyncClient,
    Client,
    ConnectionFailed,
    InvalidFile,
    NotFound,
    RetryPolicy,
    ServerError,
    Unauthorized,
    WaitTimeout,
    core,
)
from pipelines_client.errors import issue_text, server_message
from pipelines_client.resources._base import MIN_POLL, Waiting
from pipelines_client.resources.tasks import rows_from_file, task_finished

from .conftest import human_definition, plain_definition, quick_retries, unique
from .proxy import Proxy


def upstream_port(server) -> int:
    return int(server.base_url.rsplit(":", 1)[1])


# --- which POSTs are sent again -----------------------------------------------------------------


def test_a_lost_create_is_retried_with_its_key_and_creates_once(server):
    proxy = Proxy(upstream_port(server))
    retries = []
    try:
        policy = quick_retries(on_retry=lambda *a: retries.append(a))
        with Client(proxy.url, server.seed.api_key, retry=policy) as sdk:
            name = unique("lost-reply")
            proxy.drop_next_reply = True
            project = sdk.projects.create(name)
            assert proxy.dropped == 1 and len(retries) == 1
            assert retries[0][1].headers["Idempotency-Key"]
            assert [p.id for p in sdk.projects.list() if p.name == name] == [project.id]
    finally:
        proxy.close()


def test_a_post_without_a_key_is_not_sent_again_after_a_lost_reply(server):
    proxy = Proxy(upstream_port(server))
    retries = []
    org = server.seed.org_id
    try:
        policy = quick_retries(on_retry=lambda *a: retries.append(a))
        with Client(proxy.url, server.seed.api_key, retry=policy) as sdk:
            name = unique("once")
            proxy.drop_next_reply = True
            with pytest.raises(ConnectionFailed):
                sdk.keys.create(org, name)  # create_api_key: the route takes no key
            assert proxy.dropped == 1 and retries == []
            # The server made it exactly once (a re-send would have minted a second key).
            assert [k.name for k in sdk.keys.list(org)].count(name) == 1
    finally:
        proxy.close()


def test_not_sent_failures_are_still_retried_for_any_post(server):
    retries = []
    policy = quick_retries(retries=2, on_retry=lambda *a: retries.append(a))
    with Client(f"http://127.0.0.1:{_closed_port()}", "pk_x", retry=policy) as sdk:
        with pytest.raises(ConnectionFailed):
            sdk.workflows.activate(1, 1)  # a POST without a key: never sent, so retried
    assert [a[0] for a in retries] == [1, 2]
    assert all(a[1].method == "POST" and "idempotency-key" not in a[1].headers for a in retries)


def test_a_callers_key_repeats_a_create_across_calls(sdk, server, human_wf):
    pid = server.seed.project_id
    key = unique("key")
    first = sdk.projects.create(unique("same"), idempotency_key=key)
    again = sdk.projects.create(first.name, idempotency_key=key)
    assert again.id == first.id
    rows = [{"text": str(i)} for i in range(5)]
    tasks = sdk.tasks.create(pid, human_wf, rows, batch_size=2, idempotency_key=key)
    assert sdk.tasks.create(pid, human_wf, rows, batch_size=2, idempotency_key=key) == tasks
    assert len(tasks) == 5 and len([t for t in sdk.tasks.list(pid, human_wf)]) == 5


def test_async_calls_get_a_key_per_call_and_take_the_callers(server):
    async def main():
        sent = []

        async def record(request):
            if request.method == "POST":
                sent.append(request.headers.get("idempotency-key"))

        async with AsyncClient(server.base_url, server.seed.api_key) as sdk:
            native = sdk.surface("pipelines_api").get_async_httpx_client()
            native.event_hooks["request"].append(record)
            key = unique("akey")
            one = await sdk.projects.create(unique("async"), idempotency_key=key)
            two = await sdk.projects.create(one.name, idempotency_key=key)
            three = await sdk.projects.create(unique("async"))
            return one, two, three, sent

    one, two, three, sent = asyncio.run(main())
    assert one.id == two.id != three.id
    assert sent[0] == sent[1] and sent[2] and sent[2] != sent[0]


# --- errors through a proxy ---------------------------------------------------------------------


class _ProxyPage(BaseHTTPRequestHandler):
    """A reverse proxy's own error pages: HTML, or gzip-encoded JSON."""

    def do_GET(self):  # noqa: N802
        if self.path.endswith("/auth/me"):
            self._send(401, b"<html><body>401 Authorization Required</body></html>", "text/html")
        elif self.path.endswith("/projects/7"):
            body = gzip.compress(json.dumps({"detail": "Project not found"}).encode())
            self._send(404, body, "application/json", gzip_=True)
        else:
            self._send(502, b"<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")

    def _send(self, status, body, kind, gzip_=False):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if gzip_:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy_pages():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _ProxyPage)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_html_and_gzip_error_pages_raise_api_errors(proxy_pages):
    with Client(proxy_pages, "pk_x", retry=quick_retries()) as sdk:
        with pytest.raises(Unauthorized) as e401:
            sdk.whoami()
        assert "401 Authorization Required" in e401.value.message
        with pytest.raises(NotFound) as e404:
            sdk.projects.get(7)
        assert e404.value.message == "Project not found"
        with pytest.raises(ServerError) as e502:
            sdk.projects.list().__next__()
        assert e502.value.status == 502 and "Bad Gateway" in e502.value.message

    async def main():
        async with AsyncClient(proxy_pages, "pk_x", retry=quick_retries()) as sdk:
            with pytest.raises(NotFound):
                await sdk.projects.get(7)
            with pytest.raises(Unauthorized):
                await sdk.whoami()

    asyncio.run(main())


def test_result_rebuilds_an_error_without_its_wire_encoding():
    decoded = json.dumps({"detail": "gone"}).encode()
    response = Response(
        status_code=404,
        content=decoded,
        headers={"content-encoding": "gzip", "content-length": "3"},
        parsed=None,
    )
    with pytest.raises(NotFound) as error:
        core.result(response)
    assert error.value.message == "gone"


# --- anonymous clients, async waits ---------------------------------------------------------------


def test_an_anonymous_client_sends_no_key_even_with_the_environment_one(server, monkeypatch):
    monkeypatch.setenv("PIPELINES_API_KEY", server.seed.api_key)
    with Client(server.base_url) as keyed:
        assert keyed.whoami().org_id == server.seed.org_id
    with Client(server.base_url, anonymous=True) as anonymous:
        assert "authorization" not in anonymous.http.headers
        with pytest.raises(Unauthorized):
            anonymous.whoami()
    with pytest.raises(ValueError):
        Client(server.base_url, "pk_x", anonymous=True)


def test_the_async_transport_waits_with_the_policys_coroutine():
    waits = []

    def blocking(seconds):
        raise AssertionError("the async transport called the blocking sleep")

    async def asleep(seconds):
        waits.append(seconds)

    policy = RetryPolicy(retries=2, backoff=0.01, sleep=blocking, asleep=asleep)

    async def main():
        async with AsyncClient(f"http://127.0.0.1:{_closed_port()}", "pk_x", retry=policy) as c:
            with pytest.raises(ConnectionFailed):
                await c.whoami()

    asyncio.run(main())
    assert len(waits) == 2


def test_a_wait_never_polls_faster_than_the_floor():
    reads = []
    waiting = Waiting(lambda: reads.append(1) or len(reads), lambda n: n >= 3, "x", 600, 0)
    assert waiting._after_read(1, time.monotonic() + 600) >= MIN_POLL
    assert waiting.run() == 3


# --- the event stream when the server goes away ---------------------------------------------------


class PortProxy(Proxy):
    """The test proxy, on a port of our choosing (to come back on the same one)."""

    def __init__(self, upstream: int, port: int):
        super().__init__(upstream, port)

    def close(self) -> None:
        # Wake the thread blocked in accept(): a closed listener alone keeps accepting on Linux.
        try:
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        super().close()


def test_events_survive_a_server_that_went_away_and_came_back(sdk, server, human_wf):
    pid = server.seed.project_id
    port = _closed_port()
    proxies = [PortProxy(upstream_port(server), port)]
    down = threading.Event()
    sleeps = []

    def sleep(seconds):
        sleeps.append(down.is_set())
        # The first reconnect after the cut finds nothing listening (ConnectionFailed); on the
        # wait after that, the server comes back.
        if down.is_set() and len([s for s in sleeps if s]) >= 2:
            proxies.append(PortProxy(upstream_port(server), port))
            down.clear()
        time.sleep(min(seconds, 0.05))

    policy = RetryPolicy(retries=0, backoff=0.05, max_backoff=0.2, sleep=sleep)
    got: list[dict] = []
    failure: list[BaseException] = []
    finished = threading.Event()
    try:
        with Client(proxies[0].url, server.seed.api_key, retry=policy) as watcher:
            [first] = sdk.tasks.create(pid, human_wf, [{"text": "before"}])

            def read():
                try:
                    for event in watcher.events.stream(
                        workflow_id=human_wf, after=0, max_seconds=300, reconnects=10
                    ):
                        got.append(event)
                        if len({e["data"]["task_id"] for e in got}) >= 2:
                            break
                except BaseException as exc:  # noqa: BLE001 - reported below
                    failure.append(exc)
                finished.set()

            threading.Thread(target=read, daemon=True).start()
            _until(lambda: any(e["data"]["task_id"] == first for e in got))
            down.set()
            proxies[0].close()
            [second] = sdk.tasks.create(pid, human_wf, [{"text": "after"}])
            assert finished.wait(120), got
            assert not failure, failure
            assert len(proxies) == 2  # it came back through a new listener
            assert {first, second} <= {e["data"]["task_id"] for e in got}
            ids = [e["id"] for e in got]
            assert len(ids) == len(set(ids))
    finally:
        for proxy in proxies:
            proxy.close()


# --- helpers moved out of pipectl ---------------------------------------------------------------


def test_watch_a_workflow(sdk, server, plain_wf):
    pid = server.seed.project_id
    empty = sdk.workflows.create(pid, plain_definition())
    assert sdk.tasks.watch(pid, empty.id, timeout=0) == []  # no tasks: done at once
    ids = sdk.tasks.create(pid, plain_wf, [{"text": "a"}, {"text": "b"}])
    snapshots = []
    final = sdk.tasks.watch(pid, plain_wf, timeout=240, poll=0.2, progress=snapshots.append)
    assert sorted(t.id for t in final) == sorted(ids) and snapshots
    assert all(task_finished(t) for t in final)
    one = sdk.tasks.watch(pid, plain_wf, [ids[0]], timeout=240)
    assert [t.id for t in one] == [ids[0]] and one[0].nodes  # in full, with its nodes
    assert task_finished({"status": "quarantined"}) and not task_finished({"status": "paused"})


def test_watch_times_out_with_the_last_snapshot(sdk, server, human_wf):
    pid = server.seed.project_id
    [task_id] = sdk.tasks.create(pid, human_wf, [{"text": "waits for a person"}])
    with pytest.raises(WaitTimeout) as timeout:
        sdk.tasks.watch(pid, human_wf, [task_id], timeout=0)
    assert [t.id for t in timeout.value.last] == [task_id]

    async def main():
        async with AsyncClient(server.base_url, server.seed.api_key) as a:
            with pytest.raises(WaitTimeout) as whole:
                await a.tasks.watch(pid, human_wf, timeout=0)
            return whole.value.last

    assert task_id in [t.id for t in asyncio.run(main())]


def test_rows_from_file(tmp_path):
    csv_file = tmp_path / "rows.csv"
    csv_file.write_text("text,n\nhello,1\nworld,2\n")
    assert rows_from_file(csv_file) == [{"text": "hello", "n": "1"}, {"text": "world", "n": "2"}]
    jsonl = tmp_path / "rows.jsonl"
    jsonl.write_text('{"text": "a"}\n\n{"text": "b", "n": 2}\n')
    assert rows_from_file(jsonl) == [{"text": "a"}, {"text": "b", "n": 2}]
    assert rows_from_file(csv_file.rename(tmp_path / "rows.txt"), "csv")[0]["text"] == "hello"
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "a"}\nnot json\n')
    with pytest.raises(InvalidFile, match=r"broken.jsonl:2 is not JSON"):
        rows_from_file(broken)
    (tmp_path / "list.jsonl").write_text("[1, 2]\n")
    with pytest.raises(InvalidFile, match="not a JSON object"):
        rows_from_file(tmp_path / "list.jsonl")
    with pytest.raises(InvalidFile, match="csv or .jsonl"):
        rows_from_file(tmp_path / "rows.xlsx")
    with pytest.raises(InvalidFile, match="cannot read"):
        rows_from_file(tmp_path / "missing.csv")


def test_apply_by_name_refuses_when_the_name_is_ambiguous(sdk, server):
    pid = server.seed.project_id
    definition = human_definition(unique("applied"))
    made, created = sdk.workflows.apply(pid, definition)
    assert created
    updated, created = sdk.workflows.apply(pid, {**definition, "description": "v2"})
    assert not created and updated.id == made.id and updated.description == "v2"
    twin = sdk.workflows.create(pid, definition)
    with pytest.raises(Ambiguous, match=definition["name"]):
        sdk.workflows.apply(pid, definition)
    chosen, created = sdk.workflows.apply(pid, definition, wf_id=twin.id)
    assert chosen.id == twin.id and not created

    async def main():
        async with AsyncClient(server.base_url, server.seed.api_key) as a:
            with pytest.raises(Ambiguous):
                await a.workflows.apply(pid, definition)
            fresh = human_definition(unique("async-applied"))
            return await a.workflows.apply(pid, fresh), await a.workflows.apply(pid, fresh)

    (first, created_first), (second, created_second) = asyncio.run(main())
    assert created_first and not created_second and first.id == second.id


def test_work_by_item_finds_opens_and_answers(sdk, server, human_wf):
    pid = server.seed.project_id
    [task_id] = sdk.tasks.create(pid, human_wf, [{"text": "label me"}])
    item = _until(lambda: next((i for i in sdk.work.list() if i.task_id == task_id), None))
    assert sdk.work.find(item.node_db_id).task_id == task_id
    with pytest.raises(NotFound):
        sdk.work.find(987654321)

    async def found():
        async with AsyncClient(server.base_url, server.seed.api_key) as a:
            return await a.work.find(item.node_db_id)

    assert asyncio.run(found()).task_id == task_id
    assert sdk.work.open(item)
    sdk.work.answer(item, {"values": {"label": "good"}})
    assert sdk.tasks.wait_for(pid, human_wf, task_id, timeout=240, poll=0.2).status == "finished"


def test_the_default_organization_is_the_callers(sdk, server):
    assert sdk.default_org_id() == server.seed.org_id
    assert sdk.default_org_id(42) == 42

    async def main():
        async with AsyncClient(server.base_url, server.seed.api_key) as a:
            return await a.default_org_id()

    assert asyncio.run(main()) == server.seed.org_id


def test_issue_text_is_the_one_used_by_errors():
    issue = {"loc": ["body", "graph", "nodes", 1, "kind"], "msg": "unknown kind"}
    assert issue_text(issue) == "body.graph.nodes.1.kind: unknown kind"
    assert issue_text({"field": "name", "message": "required"}) == "name: required"
    assert issue_text("plain") == "plain"
    assert server_message({"detail": [issue, "other"]}, "x") == (
        "body.graph.nodes.1.kind: unknown kind; other"
    )


def test_every_log_of_a_kfp_run(sdk, server):
    kfp = pytest.importorskip("kfp")
    from tests.compat import kfp_pipelines as P

    client = kfp.Client(host=server.base_url, existing_token=server.seed.api_key)
    run_id = client.create_run_from_pipeline_func(
        P.loud, arguments={"text": "all-logs"}, run_name=unique("logs-run")
    ).run_id
    sdk.kfp.runs.wait_for(run_id, timeout=300, poll=0.2)
    logs = sdk.kfp.runs.all_logs(run_id)
    shout = next(entry for entry in logs if entry["display_name"] == "shout")
    assert "shouting all-logs" in shout["log"] and shout["missing"] is None
    assert all(entry["log"] is not None or entry["missing"] for entry in logs)

    async def main():
        async with AsyncClient(server.base_url, server.seed.api_key) as a:
            return await a.kfp.runs.all_logs(run_id)

    assert [e["task_id"] for e in asyncio.run(main())] == [e["task_id"] for e in logs]


# --- helpers ------------------------------------------------------------------------------------


def _closed_port() -> int:
    from tests.server import free_port

    return free_port()


def _until(read, timeout: float = 120):
    deadline = time.monotonic() + timeout
    while not (value := read()):
        assert time.monotonic() < deadline, "never happened"
        time.sleep(0.1)
    return value
