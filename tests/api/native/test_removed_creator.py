"""A key whose creating user was removed keeps authenticating; the native API says so."""

from __future__ import annotations

from pipelines_server.domain import keys
from tests.api.helpers import database, native


def test_me_and_key_list_show_a_removed_creator_as_null(server):
    org = server.seed.org_id
    with native(server) as api:
        second = api.post(
            f"/organizations/{org}/users",
            json={"email": "leaving@example.com", "role": "org_admin"},
        ).json()
    with database(server) as s:
        key = keys.issue_key(s, org, second["id"], "leaving admin's key")
    with native(server) as api:
        assert api.delete(f"/organizations/{org}/users/{second['id']}").status_code == 204
        listed = {k["name"]: k for k in api.get(f"/organizations/{org}/api-keys").json()}
    assert listed["leaving admin's key"]["created_by"] is None
    with native(server, key) as api:
        me = api.get("/auth/me")
        assert me.status_code == 200
        assert me.json()["user"] is None
        assert me.json()["organization"]["id"] == org
        # Without a user there is no role: admin operations are forbidden.
        forbidden = api.get(f"/organizations/{org}/api-keys")
        assert forbidden.status_code == 403
        assert "removed" in forbidden.json()["detail"]
