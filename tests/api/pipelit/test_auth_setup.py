"""Pipelit's first-run setup (0.3.16's /auth/setup-status/ and /auth/setup/) and the MFA
reset's loopback rule, on dedicated servers."""

from __future__ import annotations

import httpx

from tests.api.pipelit.helpers import BASE, pipelit


def test_setup_on_an_empty_server(make_server):
    server = make_server(seed=False)
    with pipelit(server, "") as c:
        assert c.get("/auth/setup-status/").json() == {"needs_setup": True, "environment": None}
        short = c.post("/auth/setup/", json={"username": "root", "password": "abc"})
        assert short.status_code == 422
        assert short.json()["detail"][0]["type"] == "string_too_short"
        r = c.post("/auth/setup/", json={"username": "root", "password": "secret1"})
        assert r.status_code == 200
        body = r.json()
        assert body["requires_mfa"] is False and body["key"].startswith("pk_live_")
        assert c.get("/auth/setup-status/").json() == {"needs_setup": False, "environment": None}
        again = c.post("/auth/setup/", json={"username": "other", "password": "secret1"})
        assert again.status_code == 409
        assert again.json() == {"detail": "Setup already completed."}
        login = c.post("/auth/token/", json={"username": "root", "password": "secret1"})
        assert login.status_code == 200
    with pipelit(server, body["key"]) as setup_key:  # named `default`: logins leave it valid
        me = setup_key.get("/users/me").json()
        assert me["username"] == "root" and me["role"] == "admin"
    with pipelit(server, login.json()["key"]) as admin:
        me = admin.get("/users/me").json()
        assert me["username"] == "root" and me["role"] == "admin"
        keys = admin.get("/users/me/keys").json()
        assert sorted(k["name"] for k in keys if k["is_active"]) == ["default", "session"]
    second = httpx.post(
        server.base_url + BASE + "/auth/token/",
        json={"username": "root", "password": "secret1"},
    )
    assert second.status_code == 200
    with pipelit(server, body["key"]) as setup_key:  # still valid after a second login
        assert setup_key.get("/users/me").status_code == 200


def test_setup_beside_the_bootstrap_admin_and_reset_only_from_loopback(make_server):
    server = make_server(env={"PIPELINES_TRUSTED_PROXIES": "127.0.0.1"})
    with pipelit(server, "") as c:
        # The bootstrap's key-only admin cannot log in with a password: setup is still due.
        assert c.get("/auth/setup-status/").json()["needs_setup"] is True
        key = c.post("/auth/setup/", json={"username": "owner", "password": "secret1"}).json()[
            "key"
        ]
    with pipelit(server) as bootstrap_admin:
        users = bootstrap_admin.get("/users/").json()
        assert users["total"] == 2
        assert {u["role"] for u in users["users"]} == {"admin"}
    with pipelit(server, key) as c:
        r = c.post("/auth/mfa/reset/", headers={"X-Forwarded-For": "203.0.113.9"})
        assert r.status_code == 403
        assert r.json() == {"detail": "MFA reset only allowed from localhost."}
        r = c.post("/auth/mfa/reset/")
        assert r.status_code == 200
        assert r.json() == {"mfa_enabled": False}
    assert httpx.get(server.base_url + "/pipelit/health").status_code == 200


def test_reset_through_an_untrusted_local_proxy_is_refused(make_server):
    """No trusted proxy configured: a proxy on this machine forwarding a remote caller
    (X-Forwarded-For or Forwarded) must not pass for a local caller."""
    server = make_server()
    with pipelit(server, "") as c:
        key = c.post("/auth/setup/", json={"username": "owner", "password": "secret1"}).json()[
            "key"
        ]
    with pipelit(server, key) as c:
        for header in ({"X-Forwarded-For": "203.0.113.9"}, {"Forwarded": "for=203.0.113.9"}):
            r = c.post("/auth/mfa/reset/", headers=header)
            assert r.status_code == 403, header
            assert r.json() == {"detail": "MFA reset only allowed from localhost."}
        r = c.post("/auth/mfa/reset/")
        assert r.status_code == 200
        assert r.json() == {"mfa_enabled": False}
