"""External API v1 cross-cutting rules: auth, error body, headers, size cap, rate limits, docs."""

from __future__ import annotations

import socket
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import update

from pipelines_server.store.models import ApiKey, utcnow
from tests.api.helpers import TEXT_FIELDS, database, make_workflow, native, v1

DEPRECATION = {"deprecation": "true", "link": '</api>; rel="successor-version"'}


def assert_deprecated(r: httpx.Response) -> None:
    assert r.headers.get("deprecation") == "true", r.headers
    assert 'rel="successor-version"' in r.headers.get("link", "")


def test_health_needs_no_key(server):
    r = httpx.get(server.base_url + "/api/v1/health")
    assert r.status_code == 200 and r.json()["status"] == "ok"
    assert r.json()["checks"]["database"] == {"status": "ok"}
    assert_deprecated(r)


def test_every_response_is_marked_deprecated(server):
    wf = make_workflow(server, TEXT_FIELDS)
    with v1(server) as api:
        for r in (
            api.get(f"/workflows/{wf['id']}"),
            api.get("/workflows/999999"),
            api.get("/no/such/path"),
            api.post(f"/workflows/{wf['id']}/tasks", json={}),
            httpx.get(server.base_url + f"/api/v1/workflows/{wf['id']}"),
        ):
            assert_deprecated(r)
    # ... and the native API is not.
    assert "deprecation" not in httpx.get(server.base_url + "/api/health").headers


def test_bearer_and_x_api_key_are_both_accepted(server):
    wf = make_workflow(server, TEXT_FIELDS)
    for header in ("bearer", "x-api-key"):
        with v1(server, header=header) as api:
            assert api.get(f"/workflows/{wf['id']}").status_code == 200


def _get(server, path, headers=None):
    return httpx.get(server.base_url + "/api/v1" + path, headers=headers or {})


def test_missing_key_is_401_missing_api_key(server):
    r = _get(server, "/workflows/1")
    assert r.status_code == 401
    assert r.json()["error"] == "missing_api_key" and set(r.json()) == {"error", "message"}


@pytest.mark.parametrize(
    "key",
    [
        "sk_live_" + "a" * 40,  # wrong prefix
        "pk_live_" + "a" * 39,  # too short
        "pk_live_" + "0" * 40,  # well formed, unknown
    ],
)
def test_bad_keys_are_401_invalid_api_key(server, key):
    for headers in ({"Authorization": f"Bearer {key}"}, {"X-API-Key": key}):
        r = _get(server, "/workflows/1", headers)
        assert r.status_code == 401 and r.json()["error"] == "invalid_api_key"


def test_revoked_and_expired_keys_are_invalid_immediately(server):
    org = server.seed.org_id
    with native(server) as api:
        revoked = api.post(f"/organizations/{org}/api-keys", json={"name": "r"}).json()
        expired = api.post(
            f"/organizations/{org}/api-keys", json={"name": "e", "expires_in_days": 30}
        ).json()
        assert _get(server, "/workflows/1", {"X-API-Key": revoked["key"]}).status_code != 401
        api.post(f"/organizations/{org}/api-keys/{revoked['id']}/revoke")
    with database(server) as s:
        s.execute(
            update(ApiKey)
            .where(ApiKey.id == expired["id"])
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
    for key in (revoked["key"], expired["key"]):
        r = _get(server, "/workflows/1", {"X-API-Key": key})
        assert r.status_code == 401 and r.json()["error"] == "invalid_api_key"


def test_unknown_path_under_v1_gets_the_v1_error_body(server):
    r = _get(server, "/definitely/not/here", {"X-API-Key": server.seed.api_key})
    assert r.status_code == 404
    assert r.json() == {"error": "not_found", "message": "Not found"}
    native_404 = httpx.get(server.base_url + "/api/definitely/not/here")
    assert native_404.status_code == 404 and "detail" in native_404.json()


def test_malformed_json_and_bad_utf8_are_client_errors(server):
    wf = make_workflow(server, TEXT_FIELDS)
    with v1(server) as api:
        for content in (b"{not json", b"\xff\xfe\xfd"):
            r = api.post(
                f"/workflows/{wf['id']}/tasks",
                content=content,
                headers={"Content-Type": "application/json"},
            )
            assert r.status_code == 400 and r.json()["error"] == "invalid_request"
        r = api.post(f"/workflows/{wf['id']}/tasks", json={"tasks": "nope"})
        assert r.status_code == 422 and r.json()["error"] == "validation_error"


def test_docs_redoc_and_spec_are_served(server):
    spec = httpx.get(server.base_url + "/api/v1/openapi.json")
    assert spec.status_code == 200
    assert spec.json()["info"]["title"] == "Pipelines External API v1"
    assert set(spec.json()["components"]["securitySchemes"]) == {
        "ExternalApiBearerAuth",
        "ExternalApiKeyHeaderAuth",
    }
    docs = httpx.get(server.base_url + "/api/v1/docs/")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    redoc = httpx.get(server.base_url + "/api/v1/redoc")
    assert redoc.status_code == 200 and "<redoc spec-url='/api/v1/openapi.json'>" in redoc.text
    js = httpx.get(server.base_url + "/_static/redoc.standalone.js")
    assert js.status_code == 200 and len(js.content) > 100_000


# -- body size cap -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_cap(tmp_path_factory):
    from tests.server import start_server, stop_server

    srv = start_server(tmp_path_factory.mktemp("cap"), env={"PIPELINES_MAX_BODY_BYTES": "2000"})
    yield srv
    stop_server(srv)


def test_body_over_cap_is_413(small_cap):
    wf = make_workflow(small_cap, TEXT_FIELDS)
    rows = [{"fields": {"input_text": "x" * 100, "target_language": "French"}}] * 30
    with v1(small_cap) as api:
        r = api.post(f"/workflows/{wf['id']}/tasks", json={"tasks": rows})
        assert r.status_code == 413
        assert r.json()["error"] == "payload_too_large"
        assert_deprecated(r)
        ok = api.post(f"/workflows/{wf['id']}/tasks", json={"tasks": rows[:2]})
        assert ok.status_code == 200


def test_chunked_body_over_cap_is_413(small_cap):
    wf = make_workflow(small_cap, TEXT_FIELDS)

    def chunks():
        yield b'{"tasks": ['
        for _ in range(100):
            yield b'{"fields": {"input_text": "' + b"y" * 100 + b'"}},'
        yield b'{"fields": {}}]}'

    with v1(small_cap) as api:
        r = api.post(
            f"/workflows/{wf['id']}/tasks",
            content=chunks(),
            headers={"Content-Type": "application/json"},
        )
    assert r.status_code == 413 and r.json()["error"] == "payload_too_large"


def test_oversized_declared_body_is_refused_without_reading_it(small_cap):
    """A client announcing 10 GB gets 413 at once: the server does not wait for the body."""
    host, port = small_cap.base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            b"POST /api/v1/workflows/1/tasks HTTP/1.1\r\nHost: x\r\n"
            b"Authorization: Bearer " + small_cap.seed.api_key.encode() + b"\r\n"
            b"Content-Type: application/json\r\nContent-Length: 10737418240\r\n\r\n{"
        )
        answer = b""
        while b"payload_too_large" not in answer:
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 413"), answer
    assert b"payload_too_large" in answer  # answered before any body beyond "{" was sent


# -- rate limits -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def limited(tmp_path_factory):
    from tests.server import start_server, stop_server

    srv = start_server(
        tmp_path_factory.mktemp("limited"),
        env={
            "PIPELINES_RATE_LIMIT_PER_KEY": "5/minute",
            "PIPELINES_RATE_LIMIT_PER_IP": "3/minute",
            "PIPELINES_RATE_LIMIT_FAILED_AUTH": "3/minute",
            # The tests below play clients behind a proxy on 127.0.0.1.
            "PIPELINES_TRUSTED_PROXIES": "127.0.0.1",
        },
    )
    yield srv
    stop_server(srv)


def _assert_429(r: httpx.Response) -> None:
    assert r.status_code == 429, r.text
    body = r.json()
    assert body["error"] == "rate_limit_exceeded"
    assert isinstance(body["retry_after"], int) and 1 <= body["retry_after"] <= 60
    assert r.headers["retry-after"] == str(body["retry_after"])
    assert_deprecated(r)


def test_each_key_has_its_own_bucket(limited):
    org = limited.seed.org_id
    with native(limited) as api:
        second = api.post(f"/organizations/{org}/api-keys", json={"name": "k2"}).json()["key"]
    # The native call above spent one of the first key's five requests.
    with v1(limited) as api:
        codes = [api.get("/workflows/999").status_code for _ in range(4)]
        assert codes == [404] * 4
        _assert_429(api.get("/workflows/999"))
    with v1(limited, second) as api:
        assert api.get("/workflows/999").status_code == 404


def test_unauthenticated_requests_are_bucketed_per_ip(limited):
    ip = {"X-Forwarded-For": "203.0.113.7"}
    codes = [
        httpx.get(limited.base_url + "/api/v1/health", headers=ip).status_code for _ in range(3)
    ]
    assert codes == [200, 200, 200]
    _assert_429(httpx.get(limited.base_url + "/api/v1/health", headers=ip))
    other = httpx.get(
        limited.base_url + "/api/v1/health", headers={"X-Forwarded-For": "203.0.113.8"}
    )
    assert other.status_code == 200


def test_failed_authentication_is_limited_per_ip(limited):
    ip = "198.51.100.9"
    bad = {"X-Forwarded-For": ip, "X-API-Key": "pk_live_" + "1" * 40}
    codes = [
        httpx.get(
            limited.base_url + "/api/v1/workflows/1",
            headers={**bad, "X-API-Key": "pk_live_" + str(i) * 40},
        ).status_code
        for i in range(3)
    ]
    assert codes == [401, 401, 401]
    _assert_429(
        httpx.get(
            limited.base_url + "/api/v1/workflows/1",
            headers={**bad, "X-API-Key": "pk_live_" + "9" * 40},
        )
    )
    # Another address is not affected.
    r = httpx.get(
        limited.base_url + "/api/v1/workflows/1",
        headers={"X-Forwarded-For": "198.51.100.10", "X-API-Key": "pk_live_" + "8" * 40},
    )
    assert r.status_code == 401


@pytest.mark.redis
def test_rate_limits_are_shared_through_redis(make_server):
    import os
    import uuid

    import redis

    url = os.environ.get("PIPELINES_TEST_REDIS_URL")
    if not url:
        pytest.skip("PIPELINES_TEST_REDIS_URL is not set (make test-redis sets it)")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis not reachable at {url}: {exc}")
    env = {
        "PIPELINES_REDIS_URL": url,
        "PIPELINES_RATE_LIMIT_PER_IP": "4/minute",
        "PIPELINES_TRUSTED_PROXIES": "127.0.0.1",
    }
    a = make_server(env=env)
    b = make_server(env=env, database_url=a.database_url, seed=False)
    ip = {"X-Forwarded-For": f"192.0.2.{uuid.uuid4().int % 250 + 1}"}
    codes = [
        httpx.get(srv.base_url + "/api/v1/health", headers=ip).status_code for srv in (a, b, a, b)
    ]
    assert codes == [200, 200, 200, 200]
    _assert_429(httpx.get(b.base_url + "/api/v1/health", headers=ip))
