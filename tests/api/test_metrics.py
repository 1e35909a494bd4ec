"""GET /metrics over real HTTP: Prometheus text that parses, requests counted by surface and
operation (never by raw path), and queue gauges read off the database that move with work."""

from __future__ import annotations

import time
import uuid

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.api.engine.helpers import chain, create_tasks, flow, node
from tests.api.helpers import native, v1

NUMBER = [{"name": "n", "type": "numeric", "required": True}]


def scrape(server) -> dict[tuple[str, tuple], float]:
    """{(sample name, sorted labels): value} of one scrape (the text must parse)."""
    r = httpx.get(server.base_url + "/metrics", timeout=30)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/plain")
    out = {}
    for family in text_string_to_metric_families(r.text):
        for s in family.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


def requests_total(samples, surface: str, operation: str, status: str) -> float:
    labels = (("operation", operation), ("status", status), ("surface", surface))
    return samples.get(("pipelines_http_requests_total", labels), 0.0)


def gauge(samples, name: str, **labels) -> float:
    return samples[(name, tuple(sorted(labels.items())))]


def wait_for(fn, what: str, timeout: float = 120):
    deadline = time.monotonic() + timeout
    while True:
        value = fn()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.3)


def test_requests_are_counted_by_surface_operation_and_status(server):
    before = scrape(server)
    with native(server) as api:
        for _ in range(3):
            assert api.get("/health").status_code == 200
        assert api.get("/no/such/route/4711").status_code == 404
    with v1(server) as api:
        assert api.get("/workflows/999999999/tasks/1").status_code == 404
    with native(server, key="not-a-key") as api:
        assert api.get("/auth/me").status_code == 401
    after = scrape(server)

    def delta(surface, operation, status):
        return requests_total(after, surface, operation, status) - requests_total(
            before, surface, operation, status
        )

    assert delta("native", "get_health", "200") == 3
    assert delta("native", "unmatched", "404") == 1
    assert delta("native", "get_me", "401") == 1
    assert delta("external_v1", "get_task", "404") == 1
    # One series per operation: no raw path (4711, 999999999) in any label.
    for name, labels in after:
        assert not any("4711" in v or "999999999" in v for _, v in labels), (name, labels)
    # Latencies per surface and operation.
    count = ("pipelines_http_request_duration_seconds_count",)
    key = count + ((("operation", "get_health"), ("surface", "native")),)
    assert after[key] - before.get(key, 0.0) == 3
    # /metrics does not count itself.
    assert not any(dict(labels).get("operation") == "metrics" for _, labels in after)


def refused(samples, surface: str, status: str) -> float:
    """Requests of `surface` answered `status`, whatever their operation (a request refused
    at the edge is refused before it is routed)."""
    return sum(
        value
        for (name, labels), value in samples.items()
        if name == "pipelines_http_requests_total"
        and dict(labels)["surface"] == surface
        and dict(labels)["status"] == status
    )


def test_requests_refused_at_the_edge_are_counted(make_server):
    srv = make_server(
        env={
            "PIPELINES_MAX_BODY_BYTES": "1024",
            "PIPELINES_RATE_LIMIT_PER_IP": "3/minute",
            "PIPELINES_TRUSTED_PROXIES": "127.0.0.1",
        }
    )
    before = scrape(srv)

    # A body over the cap: 413 before any routing or parsing.
    r = httpx.post(
        srv.base_url + f"/api/projects/{srv.seed.project_id}/workflows",
        headers={"Authorization": f"Bearer {srv.seed.api_key}"},
        content=b'{"name": "' + b"x" * 4096 + b'"}',
        timeout=30,
    )
    assert r.status_code == 413, r.text

    # One client IP past the per-IP limit (no key): 429s, however many requests that takes
    # (a window may roll over between them).
    ip = {"X-Forwarded-For": f"198.51.100.{uuid.uuid4().int % 250 + 1}"}
    codes = []
    while codes.count(429) < 2:
        assert len(codes) < 20, codes
        codes.append(httpx.get(srv.base_url + "/api/v1/health", headers=ip, timeout=30).status_code)
    assert set(codes) == {200, 429}, codes

    after = scrape(srv)
    assert refused(after, "native", "413") - refused(before, "native", "413") == 1
    limited = refused(after, "external_v1", "429") - refused(before, "external_v1", "429")
    assert limited == codes.count(429) == 2, (limited, codes)
    served = refused(after, "external_v1", "200") - refused(before, "external_v1", "200")
    assert served == codes.count(200), (served, codes)


def test_queue_gauges_come_from_the_database_and_move(make_server):
    # One engine thread: one code node runs (sleeps) at a time, the others wait due.
    srv = make_server(env={"PIPELINES_ENGINE_WORKERS": "1", "PIPELINES_ORG_MAX_RUNNING": "0"})
    first = scrape(srv)
    assert gauge(first, "pipelines_database_up") == 1
    for queue in ("nodes", "jobs", "kfp_runs"):
        assert gauge(first, "pipelines_queue_depth", queue=queue) == 0
        assert gauge(first, "pipelines_in_flight", queue=queue) == 0
        assert gauge(first, "pipelines_leases_lapsed", queue=queue) == 0
    assert gauge(first, "pipelines_tasks_in_progress") == 0
    assert gauge(first, "pipelines_kfp_runs_running") == 0

    sleepy = "import time\ndef main(data):\n    time.sleep(10)\n    return {}\n"
    wf = flow(
        srv,
        [node("start", "start"), node("nap", "code", source=sleepy), node("end", "end")],
        chain("start", "nap", "end"),
        NUMBER,
    )
    create_tasks(srv, wf["id"], [{"n": i} for i in range(3)])

    def busy():
        s = scrape(srv)
        moved = (
            gauge(s, "pipelines_in_flight", queue="nodes") == 1
            and gauge(s, "pipelines_queue_depth", queue="nodes") >= 1
        )
        return s if moved else None

    s = wait_for(busy, "one code node held and another due")
    assert gauge(s, "pipelines_tasks_in_progress") >= 2
    assert gauge(s, "pipelines_tasks_unstarted") == 0
    assert gauge(s, "pipelines_leases_lapsed", queue="nodes") == 0


def test_metrics_can_be_switched_off(make_server):
    srv = make_server(env={"PIPELINES_METRICS": "0"})
    r = httpx.get(srv.base_url + "/metrics", timeout=30)
    assert r.status_code == 404
    assert "pipelines_http_requests_total" not in r.text


def test_head_answers_without_a_body(server):
    r = httpx.head(server.base_url + "/metrics", timeout=30)
    assert r.status_code == 200
    assert r.content == b""
