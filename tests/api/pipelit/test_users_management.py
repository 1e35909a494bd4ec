"""Pipelit's /users routes over real HTTP (ported from Pipelit's test_user_management and
test_rbac): UserOut/KeyOut shapes, admin CRUD, self-service, keys, the last admin."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from tests.api.pipelit.helpers import as_org, fresh_org, pipelit

USER_FIELDS = {
    "id",
    "username",
    "role",
    "first_name",
    "last_name",
    "created_at",
    "mfa_enabled",
    "key_count",
}
KEY_FIELDS = {"id", "name", "prefix", "created_at", "last_used_at", "expires_at", "is_active"}


def _name() -> str:
    return f"u-{uuid.uuid4().hex[:10]}"


def _login(server, username, password="password1") -> str:
    with pipelit(server, "") as c:
        r = c.post("/auth/token/", json={"username": username, "password": password})
    assert r.status_code == 200, r.text
    return r.json()["key"]


def test_create_get_list_update_user(server):
    org = fresh_org(server)
    with pipelit(as_org(server, org)) as admin:
        name = _name()
        r = admin.post(
            "/users/",
            json={"username": name, "password": "password1", "first_name": "Ada"},
        )
        assert r.status_code == 201
        user = r.json()
        assert set(user) == USER_FIELDS
        assert user["username"] == name
        assert user["role"] == "normal"
        assert user["first_name"] == "Ada" and user["last_name"] == ""
        assert user["mfa_enabled"] is False and user["key_count"] == 0
        assert "T" in user["created_at"] and "+" not in user["created_at"]

        again = admin.post("/users/", json={"username": name, "password": "password1"})
        assert again.status_code == 409
        assert again.json() == {"detail": "Username already exists."}

        listed = admin.get("/users/").json()
        assert set(listed) == {"users", "total"}
        assert listed["total"] == 2  # the organization's bootstrap admin and this user
        assert [u["id"] for u in listed["users"]][-1] == user["id"]
        paged = admin.get("/users/?limit=1&offset=1").json()
        assert paged["total"] == 2 and [u["id"] for u in paged["users"]] == [user["id"]]

        assert admin.get(f"/users/{user['id']}").json() == user
        r = admin.patch(f"/users/{user['id']}", json={"role": "admin", "last_name": "L"})
        assert r.status_code == 200
        assert r.json()["role"] == "admin" and r.json()["last_name"] == "L"

        missing = admin.get("/users/999999999")
        assert missing.status_code == 404
        assert missing.json() == {"detail": "User not found."}
        assert admin.patch("/users/999999999", json={}).json() == {"detail": "User not found."}
        assert admin.delete("/users/999999999").status_code == 404
        for huge in ("99999999999999999999", "9223372036854775808", "0", "-1"):
            r = admin.get(f"/users/{huge}/keys")
            assert (r.status_code, r.json()) == (404, {"detail": "User not found."})
            r = admin.delete(f"/users/me/keys/{huge}")
            assert (r.status_code, r.json()) == (404, {"detail": "API key not found."})


def test_other_organization_user_is_not_found(server):
    a, b = fresh_org(server), fresh_org(server)
    with pipelit(as_org(server, a)) as admin_a, pipelit(as_org(server, b)) as admin_b:
        user = admin_a.post("/users/", json={"username": _name(), "password": "password1"}).json()
        r = admin_b.get(f"/users/{user['id']}")
        assert r.status_code == 404
        assert r.json() == {"detail": "User not found."}


def test_normal_user_is_forbidden_admin_routes(server):
    org = fresh_org(server)
    with pipelit(as_org(server, org)) as admin:
        name = _name()
        user = admin.post("/users/", json={"username": name, "password": "password1"}).json()
    with pipelit(server, _login(server, name)) as c:
        for method, path, body in (
            ("GET", "/users/", None),
            ("POST", "/users/", {"username": _name(), "password": "password1"}),
            ("GET", f"/users/{user['id']}", None),
            ("PATCH", f"/users/{user['id']}", {"role": "admin"}),
            ("DELETE", f"/users/{user['id']}", None),
            ("GET", f"/users/{user['id']}/keys", None),
            ("POST", f"/users/{user['id']}/keys", {"name": "x"}),
        ):
            r = c.request(method, path, json=body)
            assert r.status_code == 403, (method, path)
            assert r.json() == {"detail": "Admin access required."}
        me = c.get("/users/me").json()
        assert me["id"] == user["id"] and me["role"] == "normal"


def test_cannot_demote_last_admin(server):
    org = fresh_org(server)
    with pipelit(as_org(server, org)) as admin:
        me = admin.get("/users/me").json()
        assert me["role"] == "admin"
        r = admin.patch(f"/users/{me['id']}", json={"role": "normal"})
        assert r.status_code == 409
        assert r.json() == {"detail": "Cannot demote the last admin user."}
        r = admin.delete(f"/users/{me['id']}")
        assert r.status_code == 409
        assert r.json() == {"detail": "Cannot demote the last admin user."}
        other = admin.post(
            "/users/", json={"username": _name(), "password": "password1", "role": "admin"}
        ).json()
        r = admin.patch(f"/users/{other['id']}", json={"role": "normal"})
        assert r.status_code == 200 and r.json()["role"] == "normal"


def test_delete_deactivates_keys_and_login(server):
    org = fresh_org(server)
    with pipelit(as_org(server, org)) as admin:
        name = _name()
        user = admin.post("/users/", json={"username": name, "password": "password1"}).json()
        key = _login(server, name)
        with pipelit(server, key) as c:
            assert c.get("/auth/me/").json() == {"username": name, "mfa_enabled": False}
        assert admin.get(f"/users/{user['id']}").json()["key_count"] == 1
        r = admin.delete(f"/users/{user['id']}")
        assert r.status_code == 204 and r.content == b""
        listed = admin.get("/users/").json()
        still = [u for u in listed["users"] if u["id"] == user["id"]]
        assert still and still[0]["key_count"] == 0
        # Only the listing shows a deleted user: every route of that user answers 404 (no key
        # minted for them, no edit), as upstream's deleted row does.
        uid = user["id"]
        for r in (
            admin.get(f"/users/{uid}"),
            admin.patch(f"/users/{uid}", json={"role": "admin"}),
            admin.delete(f"/users/{uid}"),
            admin.get(f"/users/{uid}/keys"),
            admin.post(f"/users/{uid}/keys", json={"name": "late"}),
            admin.delete(f"/users/{uid}/keys/1"),
        ):
            assert r.status_code == 404, r.request.method + " " + str(r.request.url)
            assert r.json() == {"detail": "User not found."}
    with pipelit(server, key) as c:
        r = c.get("/auth/me/")
        assert r.status_code == 401
        assert r.json() == {"detail": "API key has been revoked."}
    with pipelit(server, "") as c:
        r = c.post("/auth/token/", json={"username": name, "password": "password1"})
        assert r.status_code == 401
        assert r.json() == {"detail": "Invalid credentials."}


def test_self_service_profile(server):
    org = fresh_org(server)
    with pipelit(as_org(server, org)) as admin:
        name = _name()
        admin.post("/users/", json={"username": name, "password": "password1"})
    with pipelit(server, _login(server, name)) as c:
        r = c.patch("/users/me", json={"first_name": "F", "role": "admin", "password": "newpass12"})
        assert r.status_code == 200
        assert r.json()["first_name"] == "F" and r.json()["role"] == "normal"
        short = c.patch("/users/me", json={"password": "short"})
        assert short.status_code == 422
        assert short.json()["detail"][0]["type"] == "string_too_short"
    _login(server, name, "newpass12")
    with pipelit(server, "") as c:
        r = c.post("/auth/token/", json={"username": name, "password": "password1"})
        assert r.status_code == 401


def test_own_keys(server):
    org = fresh_org(server)
    with pipelit(as_org(server, org)) as admin:
        name = _name()
        admin.post("/users/", json={"username": name, "password": "password1"})
    with pipelit(server, _login(server, name)) as c:
        future = (datetime.now(UTC) + timedelta(days=3)).replace(tzinfo=None).isoformat()
        r = c.post("/users/me/keys", json={"name": "ci", "expires_at": future})
        assert r.status_code == 201
        made = r.json()
        assert set(made) == KEY_FIELDS | {"key"}
        assert made["key"].startswith("pk_live_") and made["prefix"] == made["key"][:12]
        assert made["is_active"] is True and made["last_used_at"] is None
        assert made["expires_at"].startswith(future[:19])
        second = c.post("/users/me/keys", json={"name": "two"}).json()
        assert second["expires_at"] is None

        past = c.post("/users/me/keys", json={"name": "old", "expires_at": "2020-01-01T00:00:00"})
        assert past.status_code == 400
        assert past.json() == {"detail": "expires_at must be in the future."}
        garbage = c.post("/users/me/keys", json={"name": "g", "expires_at": "not-a-date"})
        assert garbage.status_code == 422
        # Instants past UTC's range once converted: the same 422 as any invalid datetime.
        for edge in ("0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"):
            r = c.post("/users/me/keys", json={"name": "edge", "expires_at": edge})
            assert r.status_code == 422, edge
            assert r.json() == garbage.json()
        long = c.post("/users/me/keys", json={"name": "x" * 101})
        assert long.status_code == 422
        assert long.json()["detail"][0]["type"] == "string_too_long"
        assert c.post("/users/me/keys", json={}).json()["detail"][0]["type"] == "missing"

        listed = c.get("/users/me/keys").json()
        assert all(set(k) == KEY_FIELDS for k in listed)
        names = [k["name"] for k in listed]
        assert names[:3] == ["two", "ci", "session"]  # newest first
        with pipelit(server, made["key"]) as other:
            assert other.get("/users/me").json()["username"] == name
        assert c.delete(f"/users/me/keys/{made['id']}").status_code == 204
        assert [k for k in c.get("/users/me/keys").json() if k["id"] == made["id"]][0][
            "is_active"
        ] is False
        with pipelit(server, made["key"]) as other:
            assert other.get("/users/me").json() == {"detail": "API key has been revoked."}
        gone = c.delete("/users/me/keys/999999999")
        assert gone.status_code == 404
        assert gone.json() == {"detail": "API key not found."}


def test_admin_keys_of_a_user(server):
    org = fresh_org(server)
    with pipelit(as_org(server, org)) as admin:
        user = admin.post("/users/", json={"username": _name(), "password": "password1"}).json()
        r = admin.post(f"/users/{user['id']}/keys", json={"name": "bot"})
        assert r.status_code == 201
        made = r.json()
        assert [k["id"] for k in admin.get(f"/users/{user['id']}/keys").json()] == [made["id"]]
        assert admin.get(f"/users/{user['id']}").json()["key_count"] == 1
        mine = admin.get("/users/me").json()
        r = admin.delete(f"/users/{mine['id']}/keys/{made['id']}")
        assert r.status_code == 404
        assert r.json() == {"detail": "API key not found."}
        assert admin.delete(f"/users/{user['id']}/keys/{made['id']}").status_code == 204
        assert admin.get(f"/users/{user['id']}").json()["key_count"] == 0
        assert admin.get("/users/999999999/keys").json() == {"detail": "User not found."}
        r = admin.post("/users/999999999/keys", json={"name": "x"})
        assert r.status_code == 404
