"""The outbound address policy over real HTTP: http and llm nodes of a real server, which
refuses local addresses unless PIPELINES_OUTBOUND_ALLOW opens them."""

from __future__ import annotations

import pytest

from tests.api.engine.helpers import (
    chain,
    create_tasks,
    flow,
    node,
    nodes_by_id,
    timeline,
    wait_task,
)
from tests.api.helpers import native
from tests.support.fake_openai import FakeOpenAI
from tests.support.webhook_receiver import WebhookReceiver

NO_ALLOWLIST = {"PIPELINES_OUTBOUND_ALLOW": ""}  # the default policy


def http_flow(server) -> dict:
    """start -> an http node calling the task's `url` (retries allowed) -> end."""
    return flow(
        server,
        [
            node("start", "start"),
            node("call", "http", url="{{ task.url }}", retries=3, backoff_seconds=0.2),
            node("end", "end"),
        ],
        chain("start", "call", "end"),
        [{"name": "url", "type": "short_text", "required": True}],
    )


def llm_flow(server, credential: str) -> dict:
    return flow(
        server,
        [
            node("start", "start"),
            node("ask", "llm", credential=credential, model="m", prompt="say {{ task.word }}"),
            node("end", "end"),
        ],
        chain("start", "ask", "end"),
        [{"name": "word", "type": "short_text", "required": True}],
    )


def add_credential(server, name: str, base_url: str, api_key: str) -> None:
    with native(server) as api:
        r = api.post(
            f"/organizations/{server.seed.org_id}/credentials",
            json={"name": name, "base_url": base_url, "api_key": api_key},
        )
    assert r.status_code == 201, r.text


def run_tasks(server, wf: dict, rows: list[dict]) -> list[dict]:
    return [wait_task(server, wf["id"], t) for t in create_tasks(server, wf["id"], rows)]


@pytest.fixture(scope="module")
def default_server(tmp_path_factory):
    """A server started without an allowlist."""
    from tests.server import start_server, stop_server

    srv = start_server(tmp_path_factory.mktemp("outbound-default"), env=NO_ALLOWLIST)
    yield srv
    stop_server(srv)


def test_http_nodes_to_local_and_metadata_addresses_are_refused_and_not_retried(default_server):
    server = default_server
    with WebhookReceiver() as hook:
        port = hook.port
        urls = {
            f"http://127.0.0.1:{port}/hook": "127.0.0.1 is a loopback address",
            f"http://localhost:{port}/hook": "localhost resolves to ",  # 127.0.0.1 or ::1
            f"http://[::1]:{port}/hook": "::1 is a loopback address",
            f"http://[::ffff:127.0.0.1]:{port}/hook": "loopback address in IPv4-mapped form",
            "http://169.254.169.254/latest/meta-data/": "a cloud metadata address",
            "http://metadata.google.internal/computeMetadata/v1/": "cloud metadata host name",
            "http://10.0.0.1/hook": "10.0.0.1 is a private address",
        }
        wf = http_flow(server)
        tasks = run_tasks(server, wf, [{"url": url} for url in urls])
        for task, (url, why) in zip(tasks, urls.items(), strict=True):
            assert task["status"] == "failed", (url, task)
            call = nodes_by_id(task)["call"]
            assert call["status"] == "failed"
            assert why in call["error"], (url, call["error"])
            assert "loopback" in call["error"] or "localhost" not in url
            assert "PIPELINES_OUTBOUND_ALLOW" in call["error"]
            assert "PIPELINES_OUTBOUND_ALLOW" in task["error"]
            events = timeline(server, wf["id"], task["id"])
            assert not [e for e in events if e["type"] == "node.deferred"]  # a final failure
        assert hook.requests == []


def test_llm_node_with_a_local_base_url_is_refused(default_server):
    server = default_server
    with FakeOpenAI(api_key="sk-outbound-test") as llm:
        add_credential(server, "local-llm", llm.base_url, "sk-outbound-test")
        add_credential(server, "metadata-llm", "http://169.254.169.254/v1", "sk-outbound-test")
        for name, why in [
            ("local-llm", "127.0.0.1 is a loopback address"),
            ("metadata-llm", "169.254.169.254 is a cloud metadata address"),
        ]:
            wf = llm_flow(server, name)
            (task,) = run_tasks(server, wf, [{"word": "hi"}])
            assert task["status"] == "failed", task
            ask = nodes_by_id(task)["ask"]
            assert why in ask["error"] and "PIPELINES_OUTBOUND_ALLOW" in ask["error"]
            assert "sk-outbound-test" not in str(task)
        assert llm.requests == []


def test_the_allowlist_opens_local_addresses_for_http_and_llm_nodes(server):
    """The shared test server runs with PIPELINES_OUTBOUND_ALLOW=127.0.0.1 (tests/server.py)."""
    assert server.env["PIPELINES_OUTBOUND_ALLOW"] == "127.0.0.1"
    with WebhookReceiver() as hook, FakeOpenAI(api_key="sk-allowed") as llm:
        (task,) = run_tasks(server, http_flow(server), [{"url": hook.url + "/hook"}])
        assert task["status"] == "finished", task
        assert nodes_by_id(task)["call"]["output"]["status"] == 200
        assert len(hook.requests) == 1

        add_credential(server, "allowed-llm", llm.base_url, "sk-allowed")
        (task,) = run_tasks(server, llm_flow(server, "allowed-llm"), [{"word": "hi"}])
        assert task["status"] == "finished", task
        assert nodes_by_id(task)["ask"]["output"]["content"] == "SAY HI"


def test_a_host_name_in_the_allowlist_opens_that_name_only(make_server):
    server = make_server(env={"PIPELINES_OUTBOUND_ALLOW": "localhost"})
    with WebhookReceiver() as hook:
        tasks = run_tasks(
            server,
            http_flow(server),
            [
                {"url": f"http://localhost:{hook.port}/a"},
                {"url": f"http://127.0.0.1:{hook.port}/b"},
            ],
        )
        by_name, by_address = tasks
        assert by_name["status"] == "finished", by_name
        assert hook.requests[0]["headers"]["host"] == f"localhost:{hook.port}"
        assert by_address["status"] == "failed"
        assert "127.0.0.1 is a loopback address" in nodes_by_id(by_address)["call"]["error"]
        assert len(hook.requests) == 1


def test_a_malformed_allowlist_stops_the_server_at_start(tmp_path):
    from tests.server import start_server

    env = {"PIPELINES_OUTBOUND_ALLOW": "127.0.0.1,not a cidr", "PIPELINES_EXECUTOR": "inprocess"}
    with pytest.raises(RuntimeError, match="PIPELINES_OUTBOUND_ALLOW: 'not a cidr'"):
        start_server(tmp_path, env=env, database_url=f"sqlite:///{tmp_path / 'bad.db'}", seed=False)
