"""Organizations on the native API: a key sees its own organization and no other."""

from __future__ import annotations

from tests.api.helpers import native
from tests.server import seed_database


def test_other_organization_is_invisible(server):
    other = seed_database(server.database_url)
    with native(server) as api:
        assert api.get(f"/organizations/{other.org_id}").status_code == 404
        assert api.get(f"/organizations/{other.org_id}/users").status_code == 404
        assert api.get(f"/users/{other.user_id}").status_code == 404
        orgs = api.get("/organizations").json()
        assert [o["id"] for o in orgs["items"]] == [server.seed.org_id]
