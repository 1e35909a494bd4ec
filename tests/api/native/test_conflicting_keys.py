"""One request, one key: `Authorization: Bearer` and `X-API-Key` carrying different keys (or a
header repeated with different keys) are refused with a 401 in the surface's own error body,
so a valid key plus a junk one can neither authenticate nor escape the valid key's rate
limit. The same key in both headers is fine."""

from __future__ import annotations

import httpx
import pytest

JUNK = "pk_live_" + "f" * 40


def _headers(server, variant: str) -> list[tuple[str, str]]:
    key = server.seed.api_key
    return {
        "bearer+junk x-api-key": [("Authorization", f"Bearer {key}"), ("X-API-Key", JUNK)],
        "junk bearer+x-api-key": [("Authorization", f"Bearer {JUNK}"), ("X-API-Key", key)],
        "lowercase tab bearer+junk": [("Authorization", f"bearer\t{key}"), ("X-API-Key", JUNK)],
        "x-api-key twice": [("X-API-Key", key), ("X-API-Key", JUNK)],
        "authorization twice": [
            ("Authorization", f"Bearer {key}"),
            ("Authorization", f"Bearer {JUNK}"),
        ],
    }[variant]


VARIANTS = [
    "bearer+junk x-api-key",
    "junk bearer+x-api-key",
    "lowercase tab bearer+junk",
    "x-api-key twice",
    "authorization twice",
]


def _conflict_message(text: str) -> None:
    assert "different API keys" in text, text


def _same_key_twice(server) -> dict:
    key = server.seed.api_key
    return {"Authorization": f"Bearer {key}", "X-API-Key": key}


@pytest.mark.parametrize("variant", VARIANTS)
def test_native_refuses_two_different_keys(server, variant):
    r = httpx.get(server.base_url + "/api/auth/me", headers=_headers(server, variant))
    assert r.status_code == 401, r.text
    assert set(r.json()) == {"detail"}
    _conflict_message(r.json()["detail"])
    ok = httpx.get(server.base_url + "/api/auth/me", headers=_same_key_twice(server))
    assert ok.status_code == 200, ok.text
    # An operation without authentication does not look at keys at all.
    health = httpx.get(server.base_url + "/api/health", headers=_headers(server, variant))
    assert health.status_code == 200


@pytest.mark.parametrize("variant", VARIANTS)
def test_external_v1_refuses_two_different_keys(server, variant):
    r = httpx.get(server.base_url + "/api/v1/workflows/1", headers=_headers(server, variant))
    assert r.status_code == 401, r.text
    assert r.json()["error"] == "invalid_api_key" and set(r.json()) == {"error", "message"}
    _conflict_message(r.json()["message"])
    assert r.headers["deprecation"] == "true"
    ok = httpx.get(server.base_url + "/api/v1/workflows/999999", headers=_same_key_twice(server))
    assert ok.status_code == 404 and ok.json()["error"] == "not_found"


@pytest.mark.parametrize("prefix", ["/apis/v2beta1", "/pipeline/apis/v2beta1"])
def test_kfp_refuses_two_different_keys(server, prefix):
    # KFP authenticates with Bearer only; an X-API-Key beside it must still be the same key.
    r = httpx.get(
        server.base_url + prefix + "/pipelines",
        headers=_headers(server, "bearer+junk x-api-key"),
    )
    assert r.status_code == 401, r.text
    body = r.json()
    assert body["code"] == 16 and body["details"][0]["code"] == 16  # UNAUTHENTICATED
    _conflict_message(body["message"])
    upload = httpx.post(
        server.base_url + prefix + "/pipelines/upload",
        headers=_headers(server, "bearer+junk x-api-key"),
        files={"uploadfile": ("p.yaml", b"{}", "application/x-yaml")},
    )
    assert upload.status_code == 401, upload.text
    assert set(upload.json()) == {"error_message", "error_details"}
    _conflict_message(upload.json()["error_message"])
    ok = httpx.get(server.base_url + prefix + "/pipelines", headers=_same_key_twice(server))
    assert ok.status_code == 200, ok.text


def test_a_junk_x_api_key_does_not_escape_the_per_key_limit(make_server):
    srv = make_server(env={"PIPELINES_RATE_LIMIT_PER_KEY": "3/minute"})
    key = srv.seed.api_key
    me = srv.base_url + "/api/auth/me"
    # A valid Bearer key with a fresh junk X-API-Key each time: never served.
    for i in range(6):
        r = httpx.get(
            me, headers={"Authorization": f"Bearer {key}", "X-API-Key": f"pk_live_{i:040x}"}
        )
        assert r.status_code == 401, r.text
    # The key's own budget is intact, and then spent, however the key is presented.
    both = {"Authorization": f"Bearer {key}", "X-API-Key": key}
    assert [httpx.get(me, headers=both).status_code for _ in range(3)] == [200, 200, 200]
    for headers in (
        {"Authorization": f"Bearer {key}"},
        {"X-API-Key": key},
        both,
    ):
        r = httpx.get(me, headers=headers)
        assert r.status_code == 429, r.text
        assert int(r.headers["retry-after"]) >= 1
    for i in range(3):
        r = httpx.get(
            me, headers={"Authorization": f"Bearer {key}", "X-API-Key": f"pk_live_{i:040x}"}
        )
        assert r.status_code == 401, r.text
