"""Degraded dependencies: a server whose Redis or broker does not answer keeps serving every
surface (no 500, JSON bodies), limits per process, and says so in its health report."""

from __future__ import annotations

import os
import time
import uuid

import httpx
import pytest

from tests.api.helpers import native, v1

CLOSED_REDIS = "redis://:hunter2@127.0.0.1:1/0"  # nothing listens on port 1


def _ip() -> dict:
    return {"X-Forwarded-For": f"198.51.100.{uuid.uuid4().int % 250 + 1}"}


def _health(server, path: str = "/api/health") -> httpx.Response:
    r = httpx.get(server.base_url + path, headers=_ip(), timeout=30)
    assert r.headers["content-type"].startswith("application/json"), r.text
    return r


def _assert_no_server_errors(server) -> None:
    log = server.log()
    assert "TypeError" not in log and "Exception in ASGI application" not in log, log[-3000:]


def test_redis_unreachable_every_surface_serves_and_health_says_degraded(make_server):
    started = time.monotonic()
    srv = make_server(
        env={
            "PIPELINES_REDIS_URL": CLOSED_REDIS,
            "PIPELINES_RATE_LIMIT_PER_IP": "3/minute",
            "PIPELINES_TRUSTED_PROXIES": "127.0.0.1",
        }
    )
    for path in ("/api/health", "/api/v1/health"):
        r = _health(srv, path)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["status"] == "degraded"
        assert body["checks"]["database"] == {"status": "ok"}
        assert body["checks"]["redis"]["status"] == "unreachable"
        assert body["checks"]["redis"]["error"] and "hunter2" not in r.text
        assert "broker" not in body["checks"]  # the in-process executor has none
    assert isinstance(_health(srv).json()["version"], str)

    # Native, v1 and KFP answer as usual, authenticated or not.
    with native(srv) as api:
        me = api.get("/auth/me")
        assert me.status_code == 200, me.text
        missing = api.get("/workflows/999999")
        assert missing.status_code == 404 and "detail" in missing.json()
    with v1(srv) as api:
        missing = api.get("/workflows/999999")
        assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    kfp = httpx.get(
        srv.base_url + "/apis/v2beta1/experiments",
        headers={"Authorization": f"Bearer {srv.seed.api_key}"},
        timeout=30,
    )
    assert kfp.status_code == 200, kfp.text
    assert isinstance(kfp.json(), dict)
    bad = httpx.get(
        srv.base_url + "/api/v1/workflows/1",
        headers={**_ip(), "X-API-Key": "pk_live_" + "7" * 40},
        timeout=30,
    )
    assert bad.status_code == 401 and bad.json()["error"] == "invalid_api_key"

    # The per-IP limit still applies, in this process's memory.
    ip = _ip()
    codes = [
        httpx.get(srv.base_url + "/api/v1/health", headers=ip, timeout=30).status_code
        for _ in range(3)
    ]
    assert codes == [200, 200, 200]
    limited = httpx.get(srv.base_url + "/api/v1/health", headers=ip, timeout=30)
    assert limited.status_code == 429, limited.text
    assert limited.json()["error"] == "rate_limit_exceeded"
    assert limited.headers["retry-after"] == str(limited.json()["retry_after"])

    # Many more requests, each one through the rate limiter (whose Redis is down).
    burst = 40
    for _ in range(burst):
        r = httpx.get(srv.base_url + "/api/v1/health", headers=_ip(), timeout=30)
        assert r.status_code in (200, 429), r.text

    _assert_no_server_errors(srv)
    log = srv.log()
    warned = log.count("Redis unreachable")
    assert warned >= 1, "the outage is not logged:\n" + log[-3000:]
    # Not one per request (nor per failed Redis call): at most one a minute of the server's
    # life, which also keeps it far below the requests made however slow the machine.
    minutes = (time.monotonic() - started) / 60
    assert warned <= 1 + int(minutes), (warned, minutes, log[-3000:])
    assert warned <= burst // 10, (warned, log[-3000:])
    assert "hunter2" not in log


def test_broker_unreachable_health_says_degraded(make_server):
    srv = make_server(
        env={
            "PIPELINES_EXECUTOR": "celery",
            "PIPELINES_BROKER_URL": "redis://:hunter2@127.0.0.1:1/0",
            "PIPELINES_CELERY_QUEUE": f"pipelines-degraded-{uuid.uuid4().hex[:6]}",
        }
    )
    for path in ("/api/health", "/api/v1/health"):
        r = _health(srv, path)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["status"] == "degraded"
        assert body["checks"]["database"] == {"status": "ok"}
        assert body["checks"]["broker"]["status"] == "unreachable"
        assert body["checks"]["broker"]["error"] and "hunter2" not in r.text
        assert "redis" not in body["checks"]  # no PIPELINES_REDIS_URL
    with native(srv) as api:
        assert api.get("/auth/me").status_code == 200
    _assert_no_server_errors(srv)


def _wait_for_health(srv, status: str, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        r = _health(srv)
        assert r.status_code == 200, r.text
        body = r.json()
        if body["status"] == status or time.monotonic() > deadline:
            assert body["status"] == status, body
            return body
        time.sleep(0.5)


@pytest.mark.redis
def test_redis_going_away_and_coming_back(make_server):
    import redis

    from tests.scaleout.cluster import TcpProxy

    url = os.environ.get("PIPELINES_TEST_REDIS_URL")
    if not url:
        pytest.skip("PIPELINES_TEST_REDIS_URL is not set (make test-redis sets it)")
    target = redis.Redis.from_url(url)
    try:
        target.ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis not reachable at {url}: {exc}")
    kwargs = target.connection_pool.connection_kwargs
    proxy = TcpProxy((kwargs.get("host", "127.0.0.1"), kwargs.get("port", 6379)))
    try:
        srv = make_server(
            env={
                "PIPELINES_REDIS_URL": f"redis://{proxy.address}/{kwargs.get('db', 0)}",
                "PIPELINES_TRUSTED_PROXIES": "127.0.0.1",
            }
        )
        assert _wait_for_health(srv, "ok")["checks"]["redis"] == {"status": "ok"}

        proxy.down()
        body = _wait_for_health(srv, "degraded")
        assert body["checks"]["redis"]["status"] == "unreachable"
        with v1(srv) as api:
            for _ in range(3):
                assert api.get("/workflows/999999").status_code == 404

        proxy.up()
        _wait_for_health(srv, "ok")
        # Rate limits count in Redis again (after the limiter's retry delay).
        ip = "203.0.113." + str(uuid.uuid4().int % 250 + 1)
        deadline = time.monotonic() + 60
        while not target.keys(f"*{ip}*"):
            assert time.monotonic() < deadline, "rate limits never went back to Redis"
            r = httpx.get(
                srv.base_url + "/api/v1/health", headers={"X-Forwarded-For": ip}, timeout=30
            )
            assert r.status_code == 200
            time.sleep(0.5)
        _assert_no_server_errors(srv)
    finally:
        proxy.down()
