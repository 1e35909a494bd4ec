"""Projects on the native API: CRUD, archiving, listing and paging, delete rules, isolation.

Listing and paging tests work in a fresh organization (`seed_database` on the shared
database: the `org` fixture) so that what other tests create cannot change their counts."""

from __future__ import annotations

import pytest
from pipelines_api.api.projects import (
    archive_project,
    create_project,
    delete_project,
    get_project,
    list_projects,
    unarchive_project,
    update_project,
)
from pipelines_api.models import ProjectCreate, ProjectUpdate

from tests.api.helpers import native
from tests.api.native.conftest import PAGE_KEYS, client


def make_project(server, key: str | None = None, name: str = "p", **extra) -> dict:
    with native(server, key) as api:
        r = api.post("/projects", json={"name": name, **extra})
    assert r.status_code == 201, r.text
    return r.json()


def visible_ids(server, key: str | None = None, **params) -> list[int]:
    with native(server, key) as api:
        body = api.get("/projects", params={"page_size": 200, **params}).json()
    return [p["id"] for p in body["items"]]


# -- CRUD --------------------------------------------------------------------------------------


def test_create_get_update_and_delete_a_project(server):
    c = client(server)
    created = create_project.sync_detailed(
        client=c, body=ProjectCreate(name="  Translations  ", description="Human review")
    )
    assert created.status_code == 201, created.content
    p = created.parsed
    assert p.name == "Translations" and p.description == "Human review"
    assert p.org_id == server.seed.org_id and p.archived is False

    got = get_project.sync_detailed(p.id, client=c)
    assert got.status_code == 200 and got.parsed.to_dict() == p.to_dict()

    renamed = update_project.sync_detailed(p.id, client=c, body=ProjectUpdate(name="Reviews"))
    assert renamed.status_code == 200
    assert renamed.parsed.name == "Reviews" and renamed.parsed.description == "Human review"
    assert renamed.parsed.updated_at >= p.updated_at
    described = update_project.sync_detailed(
        p.id, client=c, body=ProjectUpdate(description="Changed")
    )
    assert described.parsed.name == "Reviews" and described.parsed.description == "Changed"
    assert get_project.sync_detailed(p.id, client=c).parsed.description == "Changed"

    deleted = delete_project.sync_detailed(p.id, client=c)
    assert deleted.status_code == 204 and deleted.content == b""
    gone = get_project.sync_detailed(p.id, client=c)
    assert gone.status_code == 404 and gone.parsed.detail == "Project not found"
    assert p.id not in visible_ids(server, include_archived=True)
    assert delete_project.sync_detailed(p.id, client=c).status_code == 404


def test_description_defaults_to_empty(server):
    assert make_project(server, name="bare")["description"] == ""


def test_blank_project_name_is_400(server):
    with native(server) as api:
        r = api.post("/projects", json={"name": "   "})
        assert r.status_code == 400 and r.json() == {"detail": "Project name is required"}
        p = make_project(server, name="keep-name")
        u = api.put(f"/projects/{p['id']}", json={"name": "  "})
        assert u.status_code == 400
        assert api.get(f"/projects/{p['id']}").json()["name"] == "keep-name"


@pytest.mark.parametrize(
    "body",
    [{}, {"name": ""}, {"name": "x" * 201}, {"name": 5}],
    ids=["none", "empty", "long", "int"],
)
def test_invalid_project_body_is_422(server, body):
    with native(server) as api:
        r = api.post("/projects", json=body)
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"][0] == "body"


# -- archiving ---------------------------------------------------------------------------------


def test_archive_and_unarchive(server):
    p = make_project(server, name="to-archive")
    c = client(server)
    archived = archive_project.sync_detailed(p["id"], client=c)
    assert archived.status_code == 200 and archived.parsed.archived is True
    assert get_project.sync_detailed(p["id"], client=c).parsed.archived is True
    again = archive_project.sync_detailed(p["id"], client=c)  # archiving twice is harmless
    assert again.status_code == 200 and again.parsed.archived is True
    restored = unarchive_project.sync_detailed(p["id"], client=c)
    assert restored.status_code == 200 and restored.parsed.archived is False
    assert get_project.sync_detailed(p["id"], client=c).parsed.archived is False
    assert p["id"] in visible_ids(server)


def test_list_excludes_archived_projects_unless_asked(server, org):
    kept = make_project(server, org.api_key, name="kept")
    shelved = make_project(server, org.api_key, name="shelved")
    with native(server, org.api_key) as api:
        assert api.put(f"/projects/{shelved['id']}/archive").status_code == 200
        default = api.get("/projects").json()
        explicit = api.get("/projects", params={"include_archived": "false"}).json()
        every = api.get("/projects", params={"include_archived": "true"}).json()
    assert [p["id"] for p in default["items"]] == [kept["id"], org.project_id]
    assert default["total"] == 2 and explicit == default
    assert [p["id"] for p in every["items"]] == [shelved["id"], kept["id"], org.project_id]
    assert every["total"] == 3
    assert [p["archived"] for p in every["items"]] == [True, False, False]
    generated = list_projects.sync_detailed(
        client=client(server, org.api_key), include_archived=True
    )
    assert [p.id for p in generated.parsed.items] == [p["id"] for p in every["items"]]


def test_archived_project_refuses_new_workflows(server):
    p = make_project(server, name="closed")
    with native(server) as api:
        api.put(f"/projects/{p['id']}/archive")
        r = api.post(f"/projects/{p['id']}/workflows", json={"name": "late"})
        assert r.status_code == 409 and "archived" in r.json()["detail"]
        assert api.get(f"/projects/{p['id']}/workflows").json()["total"] == 0
        api.put(f"/projects/{p['id']}/unarchive")
        assert api.post(f"/projects/{p['id']}/workflows", json={"name": "now"}).status_code == 201


# -- paging ------------------------------------------------------------------------------------


def test_page_envelope_and_has_more_over_several_pages(server, org):
    made = [make_project(server, org.api_key, name=f"p{i}") for i in range(6)]
    newest_first = [p["id"] for p in reversed(made)] + [org.project_id]
    pages = []
    with native(server, org.api_key) as api:
        for n in (1, 2, 3, 4):
            r = api.get("/projects", params={"page": n, "page_size": 3})
            assert r.status_code == 200
            assert set(r.json()) == PAGE_KEYS
            pages.append(r.json())
        whole = api.get("/projects", params={"page_size": 7}).json()
    assert [p["total"] for p in pages] == [7, 7, 7, 7]
    assert [p["page"] for p in pages] == [1, 2, 3, 4]
    assert [p["page_size"] for p in pages] == [3, 3, 3, 3]
    assert [p["has_more"] for p in pages] == [True, True, False, False]
    assert [len(p["items"]) for p in pages] == [3, 3, 1, 0]
    assert [i["id"] for p in pages for i in p["items"]] == newest_first
    assert whole["has_more"] is False and [i["id"] for i in whole["items"]] == newest_first


def test_page_defaults(server, org):
    with native(server, org.api_key) as api:
        body = api.get("/projects").json()
    assert body["page"] == 1 and body["page_size"] == 50 and body["has_more"] is False


def test_has_more_is_false_on_an_exactly_full_last_page(server, org):
    make_project(server, org.api_key, name="second")
    with native(server, org.api_key) as api:
        first = api.get("/projects", params={"page": 1, "page_size": 1}).json()
        last = api.get("/projects", params={"page": 2, "page_size": 1}).json()
    assert first["has_more"] is True and len(first["items"]) == 1
    assert last["has_more"] is False and len(last["items"]) == 1


@pytest.mark.parametrize(
    "params",
    [
        {"page": 0},
        {"page_size": 0},
        {"page_size": 201},
        {"page": "x"},
        {"include_archived": "maybe"},
    ],
)
def test_invalid_paging_parameters_are_422(server, params):
    with native(server) as api:
        r = api.get("/projects", params=params)
    assert r.status_code == 422, r.text
    assert isinstance(r.json()["detail"], list)


# -- delete rules ------------------------------------------------------------------------------


def test_project_with_workflows_cannot_be_deleted(server):
    p = make_project(server, name="busy")
    with native(server) as api:
        wf = api.post(f"/projects/{p['id']}/workflows", json={"name": "w"}).json()
        r = api.delete(f"/projects/{p['id']}")
        assert r.status_code == 409
        assert r.json() == {"detail": "Project still has workflows; delete or move them first"}
        assert api.get(f"/projects/{p['id']}").status_code == 200
        # An archived workflow still counts.
        api.post(f"/projects/{p['id']}/workflows/{wf['id']}/archive")
        assert api.delete(f"/projects/{p['id']}").status_code == 409
        # Once the workflow is gone the project can go.
        assert api.delete(f"/projects/{p['id']}/workflows/{wf['id']}").status_code == 204
        assert api.delete(f"/projects/{p['id']}").status_code == 204


# -- isolation ---------------------------------------------------------------------------------


def test_another_organizations_project_is_404(server, org):
    theirs = make_project(server, org.api_key, name="theirs")
    pid = theirs["id"]
    with native(server) as api:
        for r in (
            api.get(f"/projects/{pid}"),
            api.put(f"/projects/{pid}", json={"name": "hijacked"}),
            api.put(f"/projects/{pid}/archive"),
            api.put(f"/projects/{pid}/unarchive"),
            api.delete(f"/projects/{pid}"),
            api.get(f"/projects/{pid}/workflows"),
            api.post(f"/projects/{pid}/workflows", json={"name": "planted"}),
        ):
            assert r.status_code == 404, (r.request.method, r.request.url, r.text)
            assert r.json() == {"detail": "Project not found"}
    assert pid not in visible_ids(server, include_archived=True)
    with native(server, org.api_key) as api:
        still = api.get(f"/projects/{pid}").json()
        assert api.get(f"/projects/{pid}/workflows").json()["total"] == 0
    assert still["name"] == "theirs" and still["archived"] is False
