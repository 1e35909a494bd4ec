"""Pipelit workflows over HTTP: CRUD with exact shapes, visibility, the 409 on a taken slug,
delete cascades, batch delete, the literal routes that shadow slugs, validate."""

from __future__ import annotations

from sqlalchemy import select

from pipelines_server.store.models import PipelitWorkflow, Project, Workflow
from tests.api.engine.helpers import user_key
from tests.api.helpers import database
from tests.api.pipelit.helpers import as_org, fresh_org, pipelit, slug

WF_KEYS = {
    "id",
    "name",
    "slug",
    "description",
    "is_active",
    "is_public",
    "is_default",
    "tags",
    "error_handler_workflow_id",
    "max_execution_seconds",
    "input_schema",
    "output_schema",
    "node_count",
    "edge_count",
    "created_at",
    "updated_at",
}


def _create(api, **body):
    body.setdefault("name", "Test Workflow")
    body.setdefault("slug", slug())
    r = api.post("/workflows/", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def test_create_gives_the_exact_workflow_out_with_defaults(server):
    with pipelit(server) as api:
        s = slug()
        body = _create(api, name="My WF", slug=s)
    assert set(body) == WF_KEYS
    assert isinstance(body["id"], int)
    assert {k: v for k, v in body.items() if k not in ("id", "created_at", "updated_at")} == {
        "name": "My WF",
        "slug": s,
        "description": "",
        "is_active": True,
        "is_public": False,
        "is_default": False,
        "tags": None,
        "error_handler_workflow_id": None,
        "max_execution_seconds": 600,
        "input_schema": None,
        "output_schema": None,
        "node_count": 0,
        "edge_count": 0,
    }
    assert "+" not in body["created_at"] and not body["created_at"].endswith("Z")
    assert body["created_at"][:4].isdigit() and "T" in body["created_at"]


def test_create_keeps_every_field_given(server):
    with pipelit(server) as api:
        body = _create(
            api,
            description="d",
            is_active=False,
            is_public=True,
            is_default=True,
            tags=["a", "b"],
            error_handler_workflow_id=7,
            max_execution_seconds=30,
            input_schema={"type": "object"},
            output_schema={"type": "string"},
        )
    assert body["description"] == "d"
    assert (body["is_active"], body["is_public"], body["is_default"]) == (False, True, True)
    assert body["tags"] == ["a", "b"]
    assert body["error_handler_workflow_id"] == 7
    assert body["max_execution_seconds"] == 30
    assert body["input_schema"] == {"type": "object"}
    assert body["output_schema"] == {"type": "string"}


def test_a_taken_slug_is_409_not_renamed(server):
    with pipelit(server) as api:
        s = slug()
        _create(api, slug=s)
        r = api.post("/workflows/", json={"name": "again", "slug": s})
        assert r.status_code == 409
        assert r.json() == {"detail": "Workflow with this slug already exists."}


def test_create_refuses_missing_fields_and_bad_limits(server):
    with pipelit(server) as api:
        r = api.post("/workflows/", json={"slug": slug()})
        assert r.status_code == 422
        (item,) = r.json()["detail"]
        assert (item["type"], item["loc"], item["msg"]) == (
            "missing",
            ["body", "name"],
            "Field required",
        )
        assert api.post("/workflows/", json={"name": "x"}).status_code == 422
        r = api.post("/workflows/", json={"name": "x", "slug": slug(), "max_execution_seconds": 0})
        assert r.status_code == 422
        (item,) = r.json()["detail"]
        assert (item["type"], item["loc"], item["msg"]) == (
            "greater_than",
            ["body", "max_execution_seconds"],
            "Input should be greater than 0",
        )


def test_get_returns_the_detail_with_nodes_and_edges(server):
    with pipelit(server) as api:
        wf = _create(api)
        r = api.get(f"/workflows/{wf['slug']}/")
        assert r.status_code == 200
        body = r.json()
        assert set(body) == WF_KEYS | {"nodes", "edges"}
        assert body["nodes"] == [] and body["edges"] == []
        api.post(f"/workflows/{wf['slug']}/nodes/", json={"component_type": "trigger_chat"})
        body = api.get(f"/workflows/{wf['slug']}/").json()
        assert body["node_count"] == 1 and len(body["nodes"]) == 1


def test_unknown_workflow_is_404(server):
    with pipelit(server) as api:
        for method, path in (
            ("GET", "/workflows/no-such-wf/"),
            ("PATCH", "/workflows/no-such-wf/"),
            ("DELETE", "/workflows/no-such-wf/"),
            ("POST", "/workflows/no-such-wf/validate/"),
        ):
            r = api.request(method, path, json={} if method == "PATCH" else None)
            assert r.status_code == 404, (method, path)
            assert r.json() == {"detail": "Workflow not found."}


def test_list_is_items_and_total_in_creation_order_with_limit_and_offset(server):
    org = fresh_org(server)
    srv = as_org(server, org)
    with pipelit(srv) as api:
        slugs = [_create(api)["slug"] for _ in range(3)]
        body = api.get("/workflows/").json()
        assert body["total"] == 3
        assert [w["slug"] for w in body["items"]] == slugs
        assert set(body["items"][0]) == WF_KEYS
        api.post(f"/workflows/{slugs[1]}/nodes/", json={"component_type": "code", "node_id": "c"})
        api.post(f"/workflows/{slugs[1]}/edges/", json={"source_node_id": "c"})
        api.post(f"/workflows/{slugs[1]}/edges/", json={"source_node_id": "c"})
        body = api.get("/workflows/").json()
        counts = [(w["node_count"], w["edge_count"]) for w in body["items"]]
        assert counts == [(0, 0), (1, 2), (0, 0)]
        page = api.get("/workflows/", params={"limit": 1, "offset": 1}).json()
        assert page == {"items": [body["items"][1]], "total": 3}
        assert api.get("/workflows/", params={"limit": -1}).json()["total"] == 3
        assert len(api.get("/workflows/", params={"limit": -1}).json()["items"]) == 3
        assert api.get("/workflows/", params={"offset": -5}).json()["items"] == body["items"]
        r = api.get("/workflows/", params={"limit": "abc"})
        assert r.status_code == 422


def test_a_normal_user_sees_only_their_own_workflows(server):
    org = fresh_org(server)
    srv = as_org(server, org)
    _, member = user_key(srv, "member")
    _, other = user_key(srv, "member")
    with pipelit(srv) as admin, pipelit(srv, member) as mine, pipelit(srv, other) as theirs:
        admin_wf = _create(admin)
        own = _create(mine)
        assert [w["slug"] for w in mine.get("/workflows/").json()["items"]] == [own["slug"]]
        assert mine.get(f"/workflows/{admin_wf['slug']}/").status_code == 404
        assert mine.get(f"/workflows/{admin_wf['slug']}/").json() == {
            "detail": "Workflow not found."
        }
        assert mine.patch(f"/workflows/{admin_wf['slug']}/", json={"name": "x"}).status_code == 404
        assert mine.delete(f"/workflows/{admin_wf['slug']}/").status_code == 404
        assert mine.get(f"/workflows/{admin_wf['slug']}/nodes/").status_code == 404
        assert theirs.get(f"/workflows/{own['slug']}/").status_code == 404
        # the admin sees everything of the organization
        listed = {w["slug"] for w in admin.get("/workflows/").json()["items"]}
        assert listed == {admin_wf["slug"], own["slug"]}
        assert admin.get(f"/workflows/{own['slug']}/").status_code == 200


def test_another_organization_does_not_see_the_workflow(server):
    with pipelit(server) as api:
        wf = _create(api)
    other = as_org(server, fresh_org(server))
    with pipelit(other) as api:
        assert api.get(f"/workflows/{wf['slug']}/").status_code == 404
        # the slug is unique per organization only
        assert api.post("/workflows/", json={"name": "n", "slug": wf["slug"]}).status_code == 201


def test_patch_changes_the_fields_given_and_409s_a_taken_slug(server):
    with pipelit(server) as api:
        wf = _create(api, description="keep")
        taken = _create(api)
        r = api.patch(f"/workflows/{wf['slug']}/", json={"name": "Renamed", "tags": ["x"]})
        assert r.status_code == 200
        body = r.json()
        assert set(body) == WF_KEYS
        assert (body["name"], body["tags"], body["description"]) == ("Renamed", ["x"], "keep")
        assert body["updated_at"] >= wf["updated_at"]
        r = api.patch(f"/workflows/{wf['slug']}/", json={"slug": taken["slug"]})
        assert r.status_code == 409
        assert r.json() == {"detail": "Workflow with this slug already exists."}
        new = slug()
        r = api.patch(f"/workflows/{wf['slug']}/", json={"slug": new})
        assert r.status_code == 200 and r.json()["slug"] == new
        assert api.get(f"/workflows/{wf['slug']}/").status_code == 404
        assert api.get(f"/workflows/{new}/").status_code == 200
        # its own slug is not "taken"
        assert api.patch(f"/workflows/{new}/", json={"slug": new}).status_code == 200
        r = api.patch(f"/workflows/{new}/", json={"max_execution_seconds": 0})
        assert r.status_code == 422


def test_delete_cascades_nodes_and_edges(server):
    with pipelit(server) as api:
        wf = _create(api)
        s = wf["slug"]
        api.post(f"/workflows/{s}/nodes/", json={"component_type": "trigger_chat", "node_id": "t"})
        api.post(f"/workflows/{s}/nodes/", json={"component_type": "agent", "node_id": "a"})
        assert (
            api.post(
                f"/workflows/{s}/edges/", json={"source_node_id": "t", "target_node_id": "a"}
            ).status_code
            == 201
        )
        r = api.delete(f"/workflows/{s}/")
        assert r.status_code == 204 and r.content == b""
        assert api.get(f"/workflows/{s}/").status_code == 404
        assert api.get(f"/workflows/{s}/nodes/").status_code == 404
        # the slug is free again
        assert api.post("/workflows/", json={"name": "n", "slug": s}).status_code == 201


def test_a_workflow_is_backed_by_a_native_workflow_in_the_pipelit_project(server):
    org = fresh_org(server)
    srv = as_org(server, org)
    with pipelit(srv) as api:
        a = _create(api, name="First")
        b = _create(api, name="Second")
    with database(server) as s:
        rows = {
            w.slug: w
            for w in s.scalars(select(PipelitWorkflow).where(PipelitWorkflow.org_id == org.org_id))
        }
        native_a = s.get(Workflow, rows[a["slug"]].workflow_id)
        native_b = s.get(Workflow, rows[b["slug"]].workflow_id)
        assert native_a.name == "First" and native_b.name == "Second"
        assert native_a.project_id == native_b.project_id
        project = s.get(Project, native_a.project_id)
        assert (project.name, project.org_id) == ("Pipelit", org.org_id)
        native_id = native_a.id
    with pipelit(srv) as api:
        assert api.delete(f"/workflows/{a['slug']}/").status_code == 204
    with database(server) as s:
        assert s.get(Workflow, native_id) is None


def test_batch_delete_skips_unknown_and_unowned(server):
    org = fresh_org(server)
    srv = as_org(server, org)
    _, member = user_key(srv, "member")
    with pipelit(srv) as admin, pipelit(srv, member) as mine:
        admin_wf = _create(admin)
        own = _create(mine)
        own2 = _create(mine)
        r = mine.post(
            "/workflows/batch-delete/",
            json={"slugs": [own["slug"], admin_wf["slug"], "no-such-slug"]},
        )
        assert r.status_code == 204
        assert mine.get(f"/workflows/{own['slug']}/").status_code == 404
        assert mine.get(f"/workflows/{own2['slug']}/").status_code == 200
        assert admin.get(f"/workflows/{admin_wf['slug']}/").status_code == 200
        assert mine.post("/workflows/batch-delete/", json={"slugs": []}).status_code == 204
        assert mine.post("/workflows/batch-delete/", json={}).status_code == 422


def test_literal_routes_shadow_slugs_of_the_same_name(server):
    org = as_org(server, fresh_org(server))
    with pipelit(org) as api:
        for name in ("node-types", "validate-dsl", "batch-delete"):
            assert api.post("/workflows/", json={"name": name, "slug": name}).status_code == 201
        r = api.get("/workflows/node-types/")
        assert r.status_code == 200 and "agent" in r.json()
        assert (
            api.post("/workflows/batch-delete/", json={"slugs": ["node-types"]}).status_code == 204
        )
        listed = [w["slug"] for w in api.get("/workflows/").json()["items"]]
        assert listed == ["validate-dsl", "batch-delete"]


def test_routes_need_a_key(server):
    with pipelit(server, key="") as api:
        assert api.get("/workflows/").status_code == 401
        assert api.post("/workflows/", json={"name": "n", "slug": slug()}).status_code == 401
        assert api.get("/workflows/x/nodes/").status_code == 401
        assert api.get("/workflows/x/edges/").status_code == 401
    with pipelit(server, key="not-a-key") as api:
        r = api.get("/workflows/")
        assert r.status_code == 401
