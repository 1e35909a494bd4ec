"""Health, identity and authentication errors, users and roles on the native API."""

from __future__ import annotations

import httpx
from pipelines_api import AuthenticatedClient
from pipelines_api.api.auth import get_me
from pipelines_api.api.health import get_health

from tests.api.helpers import native
from tests.server import seed_database


def test_health_needs_no_key(server):
    r = get_health.sync_detailed(client=AuthenticatedClient(server.base_url + "/api", token="x"))
    assert r.status_code == 200 and r.parsed.status.value == "ok"


def test_me_with_bearer_and_with_x_api_key(server):
    bearer = AuthenticatedClient(server.base_url + "/api", token=server.seed.api_key)
    header = AuthenticatedClient(
        server.base_url + "/api", token=server.seed.api_key, prefix="", auth_header_name="X-API-Key"
    )
    for c in (bearer, header):
        me = get_me.sync_detailed(client=c).parsed
        assert me.organization.id == server.seed.org_id
        assert me.user.id == server.seed.user_id and me.user.role.value == "org_admin"
        assert me.api_key.last4 == server.seed.api_key[-4:]


def test_auth_errors_use_the_detail_body(server):
    url = server.base_url + "/api/auth/me"
    for headers in ({}, {"Authorization": "Bearer nope"}, {"X-API-Key": "pk_live_" + "0" * 40}):
        r = httpx.get(url, headers=headers)
        assert r.status_code == 401
        assert isinstance(r.json()["detail"], str) and "error" not in r.json()


def test_unknown_native_path_is_404_with_detail(server):
    r = httpx.get(server.base_url + "/api/nope", headers={"X-API-Key": server.seed.api_key})
    assert r.status_code == 404 and r.json() == {"detail": "Not found"}


def test_admin_manages_users_and_roles(server):
    org = server.seed.org_id
    with native(server) as api:
        created = api.post(
            f"/organizations/{org}/users",
            json={"email": "Ann@Example.com", "name": "Ann", "role": "member"},
        )
        assert created.status_code == 201
        ann = created.json()
        assert ann["email"] == "ann@example.com" and ann["role"] == "member"
        dup = api.post(
            f"/organizations/{org}/users", json={"email": "ann@example.com", "role": "member"}
        )
        assert dup.status_code == 409
        listed = api.get(f"/organizations/{org}/users", params={"page_size": 200}).json()
        assert ann["id"] in [u["id"] for u in listed["items"]]
        assert set(listed) == {"items", "total", "page", "page_size", "has_more"}
        promoted = api.patch(f"/organizations/{org}/users/{ann['id']}", json={"role": "org_admin"})
        assert promoted.json()["role"] == "org_admin"
        assert api.get(f"/users/{ann['id']}").json()["role"] == "org_admin"
        assert api.delete(f"/organizations/{org}/users/{ann['id']}").status_code == 204
        assert api.get(f"/users/{ann['id']}").status_code == 404
        listed = api.get(f"/organizations/{org}/users", params={"page_size": 200}).json()
        assert ann["id"] not in [u["id"] for u in listed["items"]]
        # The address can be used again once its user is gone.
        again = api.post(
            f"/organizations/{org}/users", json={"email": "ann@example.com", "role": "member"}
        )
        assert again.status_code == 201


def test_last_admin_rules(make_server):
    srv = make_server()
    org, me = srv.seed.org_id, srv.seed.user_id
    with native(srv) as api:
        demote = api.patch(f"/organizations/{org}/users/{me}", json={"role": "member"})
        assert demote.status_code == 409 and "at least one admin" in demote.json()["detail"]
        remove = api.delete(f"/organizations/{org}/users/{me}")
        assert remove.status_code == 409
        bad_role = api.post(
            f"/organizations/{org}/users", json={"email": "x@example.com", "role": "owner"}
        )
        assert bad_role.status_code == 422


def test_members_cannot_manage_users(server):
    org = server.seed.org_id
    from pipelines_server.domain import keys
    from tests.api.helpers import database

    with native(server) as api:
        member = api.post(
            f"/organizations/{org}/users", json={"email": "plain@example.com", "role": "member"}
        ).json()
    with database(server) as s:
        key = keys.issue_key(s, org, member["id"], "member")
    with native(server, key) as api:
        r = api.post(
            f"/organizations/{org}/users", json={"email": "y@example.com", "role": "member"}
        )
        assert r.status_code == 403
        assert api.get(f"/organizations/{org}/users").status_code == 200


def test_other_organization_is_invisible(server):
    other = seed_database(server.database_url)
    with native(server) as api:
        assert api.get(f"/organizations/{other.org_id}").status_code == 404
        assert api.get(f"/organizations/{other.org_id}/users").status_code == 404
        assert api.get(f"/users/{other.user_id}").status_code == 404
        orgs = api.get("/organizations").json()
        assert [o["id"] for o in orgs["items"]] == [server.seed.org_id]
