"""The Pipelit surface's conventions (contract §0): error forms, the 401s, trailing slashes,
the framework's own replies, /health under the prefix."""

from __future__ import annotations

from tests.api.pipelit.helpers import BASE, as_org, fresh_org, pipelit


def _user(server, admin, role="normal"):
    import uuid

    name = f"u-{uuid.uuid4().hex[:10]}"
    r = admin.post("/users/", json={"username": name, "password": "password1", "role": role})
    assert r.status_code == 201, r.text
    return r.json()


def test_no_key_is_not_authenticated(server):
    for headers in ({}, {"Authorization": "Basic abc"}, {"Authorization": "Bearer"}):
        with pipelit(server, "") as c:
            r = c.get("/auth/me/", headers=headers)
        assert r.status_code == 401
        assert r.json() == {"detail": "Not authenticated"}
        assert r.headers["www-authenticate"] == "Bearer"


def test_unknown_key(server):
    for key in ("nope", "pk_live_" + "0" * 40):
        with pipelit(server, key) as c:
            r = c.get("/auth/me/")
        assert r.status_code == 401
        assert r.json() == {"detail": "Invalid or missing API key."}


def test_revoked_and_deleted_owner(server):
    org = fresh_org(server)
    with pipelit(as_org(server, org)) as admin:
        user = _user(server, admin)
        made = admin.post(f"/users/{user['id']}/keys", json={"name": "k"}).json()
        with pipelit(server, made["key"]) as c:
            assert c.get("/auth/me/").status_code == 200
        assert admin.delete(f"/users/{user['id']}/keys/{made['id']}").status_code == 204
        with pipelit(server, made["key"]) as c:
            r = c.get("/auth/me/")
        assert r.status_code == 401
        assert r.json() == {"detail": "API key has been revoked."}


def test_owner_removed_natively_is_user_not_found(server):
    import httpx

    org = fresh_org(server)
    with pipelit(as_org(server, org)) as admin:
        user = _user(server, admin)
        made = admin.post(f"/users/{user['id']}/keys", json={"name": "k"}).json()
    r = httpx.delete(
        f"{server.base_url}/api/organizations/{org.org_id}/users/{user['id']}",
        headers={"Authorization": f"Bearer {org.api_key}"},
    )
    assert r.status_code == 204, r.text
    with pipelit(server, made["key"]) as c:
        r = c.get("/auth/me/")
    assert r.status_code == 401
    assert r.json() == {"detail": "User not found."}


def test_expired_key(server):
    import datetime as dt

    from sqlalchemy import create_engine, text

    org = fresh_org(server)
    with pipelit(as_org(server, org)) as admin:
        made = admin.post("/users/me/keys", json={"name": "soon"}).json()
    engine = create_engine(server.database_url)
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE api_keys SET expires_at = :t WHERE id = :i"),
            {"t": dt.datetime(2020, 1, 1), "i": made["id"]},
        )
    engine.dispose()
    with pipelit(server, made["key"]) as c:
        r = c.get("/auth/me/")
    assert r.status_code == 401
    assert r.json() == {"detail": "API key has expired."}


def test_missing_field_is_fastapi_422(server):
    with pipelit(server, "") as c:
        r = c.post("/auth/token/", json={"username": "x"})
    assert r.status_code == 422
    assert r.json() == {
        "detail": [
            {
                "type": "missing",
                "loc": ["body", "password"],
                "msg": "Field required",
                "input": {"username": "x"},
            }
        ]
    }


def test_bad_json_is_json_invalid(server):
    with pipelit(server, "") as c:
        r = c.post(
            "/auth/token/", content=b"{not json", headers={"Content-Type": "application/json"}
        )
    assert r.status_code == 422
    (item,) = r.json()["detail"]
    assert item["type"] == "json_invalid"
    assert item["msg"] == "JSON decode error"
    assert item["loc"][0] == "body"
    assert isinstance(item["ctx"]["error"], str)


def test_pattern_enum_length_and_int_parsing(server):
    with pipelit(server) as c:
        r = c.post("/auth/mfa/verify/", json={"code": "12ab"})
        assert r.status_code == 422
        assert r.json()["detail"] == [
            {
                "type": "string_pattern_mismatch",
                "loc": ["body", "code"],
                "msg": "String should match pattern '^\\d{6}$'",
                "input": "12ab",
                "ctx": {"pattern": "^\\d{6}$"},
            }
        ]
        r = c.post("/users/", json={"username": "x", "password": "password1", "role": "root"})
        assert r.status_code == 422
        assert r.json()["detail"] == [
            {
                "type": "literal_error",
                "loc": ["body", "role"],
                "msg": "Input should be 'admin' or 'normal'",
                "input": "root",
                "ctx": {"expected": "'admin' or 'normal'"},
            }
        ]
        r = c.post("/users/", json={"username": "x", "password": "short"})
        assert r.status_code == 422
        assert r.json()["detail"] == [
            {
                "type": "string_too_short",
                "loc": ["body", "password"],
                "msg": "String should have at least 8 characters",
                "input": "short",
                "ctx": {"min_length": 8},
            }
        ]
        r = c.post("/users/", json={"username": 5, "password": "password1"})
        assert r.status_code == 422
        assert r.json()["detail"][0]["type"] == "string_type"
        r = c.get("/users/abc")
        assert r.status_code == 422
        assert r.json()["detail"] == [
            {
                "type": "int_parsing",
                "loc": ["path", "user_id"],
                "msg": "Input should be a valid integer, unable to parse string as an integer",
                "input": "abc",
            }
        ]
        r = c.get("/users/?limit=x")
        assert r.status_code == 422
        assert r.json()["detail"] == [
            {
                "type": "int_parsing",
                "loc": ["query", "limit"],
                "msg": "Input should be a valid integer, unable to parse string as an integer",
                "input": "x",
            }
        ]


def test_bearer_is_checked_before_an_integer_id(server):
    with pipelit(server, "") as c:
        r = c.get("/users/abc")
    assert r.status_code == 401
    assert r.json() == {"detail": "Not authenticated"}
    assert r.headers["www-authenticate"] == "Bearer"


def test_trailing_slash_redirects_keep_prefix_and_query(server):
    with pipelit(server) as c:
        r = c.get("/users?limit=1&offset=0")
        assert r.status_code == 307
        assert r.headers["location"] == f"{BASE}/users/?limit=1&offset=0"
        r = c.get("/users/me/")
        assert r.status_code == 307
        assert r.headers["location"] == f"{BASE}/users/me"
        r = c.post("/auth/token", json={})
        assert r.status_code == 307
        assert r.headers["location"] == f"{BASE}/auth/token/"
        followed = c.get("/users/me/", follow_redirects=True)
        assert followed.status_code == 200


def test_framework_not_found_and_method_not_allowed(server):
    with pipelit(server) as c:
        r = c.get("/no-such-route/")
        assert r.status_code == 404
        assert r.json() == {"detail": "Not Found"}
        r = c.put("/auth/me/")
        assert r.status_code == 405
        assert r.json() == {"detail": "Method Not Allowed"}


def test_health_under_prefix_and_api(server):
    import httpx

    for path in ("/pipelit/health", BASE + "/health"):
        r = httpx.get(server.base_url + path)
        assert r.status_code == 200
        body = r.json()
        assert set(body) == {"status", "version", "redis", "database"}
        assert body["database"] is True
