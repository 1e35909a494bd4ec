"""The device-style CLI login on the native API: start and poll without a key, look a request
up and approve or deny it with one; the key is minted once, for the approving user in their
organization; wrong device codes, fast polls, expiry, removed users and other organizations."""

from __future__ import annotations

import re
from datetime import timedelta

import httpx
from sqlalchemy import update

from pipelines_server.store.models import CliLoginSession, utcnow
from tests.api.engine.helpers import user_key
from tests.api.helpers import database, native, wait_for
from tests.api.native.conftest import as_org

CODE = re.compile(r"^[BCDFGHJKMNPQRTVWXZ2346789]{4}-[BCDFGHJKMNPQRTVWXZ2346789]{4}$")


def anon(server) -> httpx.Client:
    return httpx.Client(base_url=server.base_url + "/api", timeout=60)


def start(server, hostname: str = "laptop-7", **extra) -> dict:
    with anon(server) as api:
        r = api.post("/cli-login", json={"hostname": hostname, **extra})
    assert r.status_code == 201, r.text
    return r.json()


def poll_raw(server, s: dict, device_code: str | None = None) -> httpx.Response:
    with anon(server) as api:
        return api.get(
            f"/cli-login/{s['session_id']}",
            headers={"X-Device-Code": device_code or s["device_code"]},
        )


def poll(server, s: dict) -> dict:
    """The next poll's answer, waiting out the interval (429) as a client would."""

    def once():
        r = poll_raw(server, s)
        if r.status_code == 429:
            return None
        assert r.status_code == 200, r.text
        return r.json()

    return wait_for(once, timeout=30, interval=0.2)


def decide(server, s: dict, action: str, key: str | None = None) -> httpx.Response:
    with native(server, key) as api:
        return api.post(f"/cli-login/{action}", json={"user_code": s["user_code"]})


def test_start_answers_a_session_without_a_key(server):
    s = start(server, client_name="pipelines-cli")
    assert set(s) >= {"session_id", "device_code", "user_code", "verification_url"}
    assert CODE.match(s["user_code"]), s["user_code"]
    assert len(s["device_code"]) >= 40
    assert s["verification_url"] == server.base_url + "/cli-login"
    assert s["user_code"] not in s["verification_url"]
    assert s["device_code"] not in s["verification_url"]
    assert s["expires_in"] == 600 and s["interval"] == 1
    other = start(server)
    assert other["user_code"] != s["user_code"] and other["device_code"] != s["device_code"]
    # only the device code's digest is stored
    with database(server) as db:
        row = db.get(CliLoginSession, s["session_id"])
        assert row.device_code_hash != s["device_code"] and len(row.device_code_hash) == 64
        assert s["device_code"] not in (row.device_code_hash, row.user_code)
    with anon(server) as api:
        for bad in ({}, {"hostname": ""}, {"hostname": "h" * 256}):
            assert api.post("/cli-login", json=bad).status_code == 422, bad


def test_poll_needs_the_device_code_and_the_interval(server):
    s = start(server)
    assert poll(server, s) == {"state": "pending"}
    # The previous poll, as the server records it, made just now (a future time stands for
    # "just now" however slow this machine is): the next one is too soon.
    with database(server) as db:
        db.execute(
            update(CliLoginSession)
            .where(CliLoginSession.id == s["session_id"])
            .values(last_poll_at=utcnow() + timedelta(hours=1))
        )
        db.commit()
    too_soon = poll_raw(server, s)
    assert too_soon.status_code == 429 and int(too_soon.headers["Retry-After"]) >= 1
    wrong = poll_raw(server, s, device_code="x" * 43)
    assert wrong.status_code == 404
    unknown = poll_raw(server, {**s, "session_id": "00000000-0000-0000-0000-000000000000"})
    assert unknown.status_code == 404 and unknown.json() == wrong.json()
    with anon(server) as api:
        missing = api.get(f"/cli-login/{s['session_id']}")
        assert missing.status_code in (400, 422)


def test_approve_mints_a_key_once_for_the_approving_member(server):
    user_id, member = user_key(server)
    s = start(server, hostname="build-box")
    assert poll(server, s) == {"state": "pending"}
    typed = s["user_code"].replace("-", "").lower()
    with native(server, member) as api:
        seen = api.get(f"/cli-login/requests/{typed}")
        assert seen.status_code == 200, seen.text
        assert seen.json()["hostname"] == "build-box" and seen.json()["state"] == "pending"
        assert seen.json()["user_code"] == s["user_code"]
    r = decide(server, s, "approve", member)
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "approved" and r.json()["approved_by_user_id"] == user_id
    got = poll(server, s)
    assert got["state"] == "authorized" and re.match(r"^pk_live_[0-9a-f]{40}$", got["api_key"])
    with native(server, got["api_key"]) as api:
        me = api.get("/auth/me").json()
    assert me["user_id"] == user_id and me["org_id"] == server.seed.org_id
    assert me["role"] == "member"
    with native(server) as api:  # the admin sees it among the organization's keys
        listed = api.get(f"/organizations/{server.seed.org_id}/api-keys").json()
    mine = [k for k in listed if k["last4"] == got["api_key"][-4:]]
    assert mine and mine[0]["name"] == "CLI login (build-box)"
    assert mine[0]["created_by"]["id"] == user_id
    assert poll(server, s) == {"state": "consumed"}
    assert decide(server, s, "approve", member).status_code == 409
    with database(server) as db:
        row = db.get(CliLoginSession, s["session_id"])
        assert row.status == "consumed" and row.api_key_id == mine[0]["id"]


def test_deny(server):
    s = start(server)
    r = decide(server, s, "deny")
    assert r.status_code == 200 and r.json()["state"] == "denied"
    assert poll(server, s) == {"state": "denied"}
    assert decide(server, s, "approve").status_code == 409
    assert decide(server, s, "deny").status_code == 409


def test_an_expired_session(server):
    s = start(server)
    with database(server) as db:
        db.execute(
            update(CliLoginSession)
            .where(CliLoginSession.id == s["session_id"])
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
    assert poll(server, s) == {"state": "expired"}
    r = decide(server, s, "approve")
    assert r.status_code == 409 and "expired" in r.json()["detail"]
    with native(server) as api:
        assert api.get(f"/cli-login/requests/{s['user_code']}").json()["state"] == "expired"


def test_an_approval_not_yet_collected_expires_too(server):
    s = start(server)
    assert decide(server, s, "approve").status_code == 200
    with database(server) as db:
        db.execute(
            update(CliLoginSession)
            .where(CliLoginSession.id == s["session_id"])
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
    assert poll(server, s) == {"state": "expired"}


def test_unknown_codes_are_not_found(server):
    with native(server) as api:
        for code in ("BCDF-GHJK", "nonsense", "AAAA-AAAA"):
            assert api.get(f"/cli-login/requests/{code}").status_code == 404
            assert api.post("/cli-login/approve", json={"user_code": code}).status_code == 404
            assert api.post("/cli-login/deny", json={"user_code": code}).status_code == 404
        assert api.post("/cli-login/approve", json={}).status_code == 422
    s = start(server)
    with anon(server) as api:
        assert api.get(f"/cli-login/requests/{s['user_code']}").status_code == 401
        assert api.post("/cli-login/approve", json={"user_code": s["user_code"]}).status_code == 401


def test_a_removed_users_key_cannot_approve(server):
    user_id, member = user_key(server)
    with native(server) as api:
        assert api.delete(f"/organizations/{server.seed.org_id}/users/{user_id}").status_code in (
            200,
            204,
        )
    s = start(server)
    assert decide(server, s, "approve", member).status_code == 403
    assert poll(server, s) == {"state": "pending"}


def test_a_user_removed_before_the_poll_gets_no_key(server):
    user_id, member = user_key(server)
    s = start(server)
    assert decide(server, s, "approve", member).status_code == 200
    with native(server) as api:
        api.delete(f"/organizations/{server.seed.org_id}/users/{user_id}")
    assert poll(server, s) == {"state": "denied"}


def test_the_key_belongs_to_the_approvers_organization(server, org):
    other = as_org(server, org)
    s = start(server)
    assert decide(server, s, "approve", org.api_key).status_code == 200
    got = poll(server, s)
    with native(server, got["api_key"]) as api:
        me = api.get("/auth/me").json()
    assert me["org_id"] == org.org_id and me["user_id"] == org.user_id
    # bound to that organization, the request is invisible to this one
    with native(server) as api:
        assert api.get(f"/cli-login/requests/{s['user_code']}").status_code == 404
    with native(other) as api:
        assert api.get(f"/cli-login/requests/{s['user_code']}").status_code == 200
    with native(server) as api:  # and this organization's admin does not list the key
        keys = api.get(f"/organizations/{server.seed.org_id}/api-keys").json()
    assert got["api_key"][-4:] not in [k["last4"] for k in keys if k["name"].startswith("CLI")]


def test_starting_sessions_is_limited_per_client_address(make_server):
    srv = make_server(
        env={
            "PIPELINES_CLI_LOGIN_STARTS_PER_MINUTE": "2",
            "PIPELINES_CLI_LOGIN_INTERVAL_SECONDS": "5",
        }
    )
    first = start(srv)
    assert first["interval"] == 5
    start(srv)
    with anon(srv) as api:
        r = api.post("/cli-login", json={"hostname": "h"})
    assert r.status_code == 429 and 1 <= int(r.headers["Retry-After"]) <= 60
    assert poll_raw(srv, first).json() == {"state": "pending"}


def test_a_session_id_that_is_not_ours_is_not_found(server):
    """Only the UUIDs this server issues are looked up (a NUL in the id was a 500 on
    PostgreSQL)."""
    s = start(server)
    for bad in ("abc%00def", "x" * 36, "1", s["session_id"][:-1] + "%00"):
        r = poll_raw(server, {**s, "session_id": bad})
        assert r.status_code == 404, (bad, r.text)
