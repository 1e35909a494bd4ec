"""Health and authentication on the native API (/api): who a key is, and every way a key
is refused. Errors on this surface are `{"detail": "..."}`, never the v1 `{"error": ...}`."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from pipelines_api import AuthenticatedClient, Client
from pipelines_api.api.auth import get_me
from pipelines_api.api.health import get_health
from sqlalchemy import update

from pipelines_server.domain import keys
from pipelines_server.store.models import ApiKey, utcnow
from tests.api.helpers import database, native


def me(server, headers: dict) -> httpx.Response:
    return httpx.get(server.base_url + "/api/auth/me", headers=headers, timeout=30)


def new_key(server, name: str) -> dict:
    with native(server) as api:
        r = api.post(f"/organizations/{server.seed.org_id}/api-keys", json={"name": name})
    assert r.status_code == 201, r.text
    return r.json()


def assert_detail_401(r: httpx.Response, *words: str) -> None:
    assert r.status_code == 401, r.text
    body = r.json()
    assert set(body) == {"detail"}, body
    assert isinstance(body["detail"], str) and body["detail"]
    for word in words:
        assert word in body["detail"].lower(), body


# -- health ------------------------------------------------------------------------------------


def test_health_answers_without_a_key(server):
    r = httpx.get(server.base_url + "/api/health", timeout=30)
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and isinstance(body["version"], str) and body["version"]


def test_health_through_the_generated_unauthenticated_client(server):
    r = get_health.sync_detailed(client=Client(base_url=server.base_url + "/api"))
    assert r.status_code == 200 and r.parsed.status.value == "ok"


def test_health_ignores_an_invalid_key(server):
    r = get_health.sync_detailed(client=AuthenticatedClient(server.base_url + "/api", token="x"))
    assert r.status_code == 200 and r.parsed.status.value == "ok"


# -- identity ----------------------------------------------------------------------------------


def _check_me(server, client) -> None:
    r = get_me.sync_detailed(client=client)
    assert r.status_code == 200, r.content
    got = r.parsed
    assert got.organization.id == server.seed.org_id
    assert got.user.id == server.seed.user_id
    assert got.user.role.value == "org_admin"
    assert got.api_key.last4 == server.seed.api_key[-4:]
    assert server.seed.api_key not in r.content.decode()


def test_me_identifies_the_caller_with_a_bearer_key(server):
    _check_me(
        server, AuthenticatedClient(base_url=server.base_url + "/api", token=server.seed.api_key)
    )


def test_me_identifies_the_caller_with_an_x_api_key_header(server):
    client = AuthenticatedClient(
        base_url=server.base_url + "/api",
        token=server.seed.api_key,
        prefix="",
        auth_header_name="X-API-Key",
    )
    _check_me(server, client)


def test_me_names_the_key_that_was_used(server):
    key = new_key(server, "identify-me")
    r = me(server, {"X-API-Key": key["key"]})
    assert r.status_code == 200
    assert r.json()["api_key"] == {"id": key["id"], "name": "identify-me", "last4": key["last4"]}


# -- refusals ----------------------------------------------------------------------------------


def test_request_without_a_key_is_401_with_detail(server):
    assert_detail_401(me(server, {}), "no api key")


def test_non_bearer_authorization_scheme_is_401(server):
    assert_detail_401(me(server, {"Authorization": f"Basic {server.seed.api_key}"}))


@pytest.mark.parametrize(
    "raw",
    [
        "nope",
        "pk_live_" + "0" * 39,  # one short
        "pk_live_" + "0" * 41,  # one long
        "pk_live_" + "A" * 40,  # upper-case hex
        "pk_live_" + "g" * 40,  # not hex
        "pk_test_" + "0" * 40,  # wrong prefix
    ],
)
@pytest.mark.parametrize("header", ["bearer", "x-api-key"])
def test_malformed_key_is_401_with_detail(server, raw, header):
    headers = {"Authorization": f"Bearer {raw}"} if header == "bearer" else {"X-API-Key": raw}
    assert_detail_401(me(server, headers), "malformed")


@pytest.mark.parametrize("header", ["bearer", "x-api-key"])
def test_unknown_well_formed_key_is_401_with_detail(server, header):
    raw = "pk_live_" + "0123456789" * 4
    headers = {"Authorization": f"Bearer {raw}"} if header == "bearer" else {"X-API-Key": raw}
    assert_detail_401(me(server, headers), "not valid")


def test_revoked_key_is_rejected_immediately(server):
    key = new_key(server, "revoke-now")
    assert me(server, {"Authorization": f"Bearer {key['key']}"}).status_code == 200
    with native(server) as api:
        r = api.post(f"/organizations/{server.seed.org_id}/api-keys/{key['id']}/revoke")
    assert r.status_code == 200
    assert_detail_401(me(server, {"Authorization": f"Bearer {key['key']}"}), "revoked")
    assert_detail_401(me(server, {"X-API-Key": key["key"]}), "revoked")


def test_expired_key_is_rejected(server):
    key = new_key(server, "expire-now")
    assert me(server, {"X-API-Key": key["key"]}).status_code == 200
    with database(server) as s:
        s.execute(
            update(ApiKey)
            .where(ApiKey.id == key["id"])
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
    assert_detail_401(me(server, {"X-API-Key": key["key"]}), "expired")
    assert_detail_401(me(server, {"Authorization": f"Bearer {key['key']}"}), "expired")


def test_key_expiring_later_still_authenticates(server):
    with database(server) as s:
        raw = keys.issue_key(s, server.seed.org_id, server.seed.user_id, "expires-soon")
        s.execute(
            update(ApiKey)
            .where(ApiKey.key_hash == keys.hash_key(raw))
            .values(expires_at=utcnow() + timedelta(minutes=5))
        )
    assert me(server, {"X-API-Key": raw}).status_code == 200


def test_protected_operations_refuse_a_missing_key(server):
    for method, path in (
        ("GET", "/api/projects"),
        ("POST", "/api/projects"),
        ("GET", "/api/workflows"),
        ("GET", f"/api/organizations/{server.seed.org_id}/api-keys"),
    ):
        r = httpx.request(method, server.base_url + path, json={"name": "x"}, timeout=30)
        assert_detail_401(r)


# -- unknown paths -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/nope", "/api/projects/1/nope", "/api/auth"])
def test_unknown_path_under_api_is_404_with_a_detail_body(server, path):
    r = httpx.get(server.base_url + path, headers={"X-API-Key": server.seed.api_key}, timeout=30)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"detail"} and isinstance(body["detail"], str)
    assert "error" not in body
    if path == "/api/nope":
        assert body == {"detail": "Not found"}


def test_unknown_path_shapes_differ_between_native_and_v1(server):
    native_body = httpx.get(server.base_url + "/api/nope", timeout=30).json()
    v1_body = httpx.get(server.base_url + "/api/v1/nope", timeout=30).json()
    assert "detail" in native_body and "error" not in native_body
    assert "error" in v1_body and "detail" not in v1_body
