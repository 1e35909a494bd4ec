"""Select options on the native API: the caller's own organization only, its projects that
are not archived (by name, searchable, capped), and the two roles."""

from __future__ import annotations

from tests.api.engine.helpers import user_key
from tests.api.helpers import native
from tests.api.native.conftest import as_org
from tests.server import seed_database


def options(server, what: str, key: str | None = None, **params) -> dict:
    with native(server, key) as api:
        r = api.get(f"/select-options/{what}", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_organizations_lists_the_callers_own_organization_only(server, org):
    other = seed_database(server.database_url)
    body = options(as_org(server, org), "organizations")
    assert body["total"] == 1
    assert body["items"][0]["value"] == org.org_id
    assert other.org_id not in [o["value"] for o in body["items"]]
    label = body["items"][0]["label"]
    assert options(as_org(server, org), "organizations", search=label[2:6].upper())["total"] == 1
    assert options(as_org(server, org), "organizations", search="zz-no-such")["items"] == []


def test_projects_lists_the_organizations_live_projects_by_name(server, org):
    srv = as_org(server, org)
    other = seed_database(server.database_url)
    with native(srv) as api:
        made = {}
        for name in ("Zeta", "alpha", "Beta 100%", "archived one"):
            r = api.post("/projects", json={"name": name})
            assert r.status_code == 201
            made[name] = r.json()["id"]
        assert api.put(f"/projects/{made['archived one']}/archive").status_code == 200
    body = options(srv, "projects")
    labels = [o["label"] for o in body["items"]]
    assert "archived one" not in labels
    assert made["alpha"] in [o["value"] for o in body["items"]]
    assert other.project_id not in [o["value"] for o in body["items"]]
    assert body["total"] == len(body["items"]) == 4  # the seed's default project too
    assert labels == sorted(labels)
    assert [o["label"] for o in options(srv, "projects", search="ETA")["items"]] == [
        "Beta 100%",
        "Zeta",
    ]
    assert options(srv, "projects", search="%")["items"] == [
        {"value": made["Beta 100%"], "label": "Beta 100%"}
    ]
    capped = options(srv, "projects", limit=1)
    assert len(capped["items"]) == 1 and capped["total"] == 4


def test_roles_and_members_see_the_same_options(server):
    _, member = user_key(server)
    body = options(server, "roles", key=member)
    assert body == {
        "items": [
            {"value": "org_admin", "label": "Organization admin"},
            {"value": "member", "label": "Member"},
        ],
        "total": 2,
    }
    assert options(server, "roles", search="ADMIN")["items"] == [
        {"value": "org_admin", "label": "Organization admin"}
    ]
    assert options(server, "organizations", key=member)["items"][0]["value"] == (server.seed.org_id)
    assert options(server, "projects", key=member)["total"] >= 1


def test_select_options_need_a_key_and_valid_parameters(server):
    import httpx

    for what in ("organizations", "projects", "roles"):
        assert httpx.get(f"{server.base_url}/api/select-options/{what}").status_code == 401
    with native(server) as api:
        assert api.get("/select-options/projects", params={"limit": 0}).status_code == 422
        assert api.get("/select-options/projects", params={"limit": 501}).status_code == 422


def test_a_search_or_tag_with_a_nul_character_matches_nothing(server):
    """No stored name holds a NUL (input with one is refused), so such a filter finds
    nothing — on PostgreSQL too, which refuses NUL in a text parameter (it was a 500)."""
    with native(server) as api:
        for path, params in (
            ("/select-options/projects", {"search": "a\x00b"}),
            ("/prompts", {"search": "\x00"}),
            ("/datasets", {"search": "x\x00"}),
            (f"/organizations/{server.seed.org_id}/templates", {"search": "\x00"}),
            ("/workflows", {"tag": "urgent\x00"}),
            ("/my-work", {"tag": "\x00"}),
            ("/my-submissions", {"tag": "\x00"}),
        ):
            r = api.get(path, params=params)
            assert r.status_code == 200, (path, r.text)
            assert r.json()["total"] == 0, path
