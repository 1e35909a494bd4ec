"""Projects and workflows on the native API: CRUD, schema and graph validation, transitions."""

from __future__ import annotations

import pytest
from pipelines_api import AuthenticatedClient
from pipelines_api.api.workflows import create_workflow
from pipelines_api.models import WorkflowCreate

from tests.api.helpers import make_workflow, native
from tests.server import seed_database

ALL_TYPES = [
    {"name": "s", "type": "short_text", "required": True},
    {"name": "l", "type": "long_text"},
    {"name": "c", "type": "code"},
    {"name": "b", "type": "boolean"},
    {"name": "n", "type": "numeric"},
    {"name": "d", "type": "datetime"},
    {"name": "sel", "type": "select", "options": ["a", "b"], "required": True},
    {"name": "r", "type": "rating", "max_rating": 10},
    {"name": "f", "type": "file_upload"},
]


@pytest.fixture
def project(server):
    with native(server) as api:
        return api.post("/projects", json={"name": "p", "description": "d"}).json()


def wf_path(project, wf=None):
    base = f"/projects/{project['id']}/workflows"
    return f"{base}/{wf['id']}" if wf else base


def test_project_crud_archive_and_listing(server):
    with native(server) as api:
        p = api.post("/projects", json={"name": "Alpha"}).json()
        assert p["archived"] is False and p["description"] == ""
        assert api.put(f"/projects/{p['id']}", json={"name": "Beta"}).json()["name"] == "Beta"
        assert api.put(f"/projects/{p['id']}/archive").json()["archived"] is True
        visible = [x["id"] for x in api.get("/projects", params={"page_size": 200}).json()["items"]]
        assert p["id"] not in visible
        every = api.get("/projects", params={"page_size": 200, "include_archived": True}).json()
        assert p["id"] in [x["id"] for x in every["items"]]
        assert api.put(f"/projects/{p['id']}/unarchive").json()["archived"] is False
        assert api.delete(f"/projects/{p['id']}").status_code == 204
        assert api.get(f"/projects/{p['id']}").status_code == 404
        assert api.post("/projects", json={"name": "  "}).status_code == 400


def test_page_envelope_and_has_more(make_server):
    srv = make_server()
    with native(srv) as api:
        for i in range(6):
            api.post("/projects", json={"name": f"p{i}"})
        pages = [api.get("/projects", params={"page": n, "page_size": 3}).json() for n in (1, 2, 3)]
    assert [p["total"] for p in pages] == [7, 7, 7]  # six plus the default project
    assert [p["has_more"] for p in pages] == [True, True, False]
    assert [len(p["items"]) for p in pages] == [3, 3, 1]
    ids = [i["id"] for p in pages for i in p["items"]]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 7


def test_project_with_workflows_cannot_be_deleted(server, project):
    make_workflow(server, [], "DRAFT", project_id=project["id"])
    with native(server) as api:
        r = api.delete(f"/projects/{project['id']}")
    assert r.status_code == 409 and "workflows" in r.json()["detail"]


def test_create_workflow_defaults_and_all_field_types(server, project):
    client = AuthenticatedClient(server.base_url + "/api", token=server.seed.api_key)
    r = create_workflow.sync_detailed(
        project["id"],
        client=client,
        body=WorkflowCreate.from_dict({"name": "All", "fields": ALL_TYPES}),
    )
    assert r.status_code == 201
    wf = r.parsed
    assert wf.status.value == "DRAFT" and wf.version == 1
    assert [n.kind.value for n in wf.graph.nodes] == ["start", "end"]
    fields = {f.name: f.to_dict() for f in wf.fields}
    assert set(fields) == {f["name"] for f in ALL_TYPES}
    assert fields["sel"]["options"] == ["a", "b"] and fields["sel"]["required"] is True
    assert fields["r"]["max_rating"] == 10 and fields["l"]["required"] is False


def test_invalid_schema_lists_every_reason_and_saves_nothing(server, project):
    with native(server) as api:
        before = api.get(wf_path(project)).json()["total"]
        r = api.post(
            wf_path(project),
            json={
                "name": "bad",
                "fields": [
                    {"name": "x", "type": "short_text"},
                    {"name": "x", "type": "numeric"},
                    {"name": "s", "type": "select"},
                    {"name": "9lives", "type": "boolean"},
                ],
            },
        )
        assert r.status_code == 422
        messages = [d["msg"] for d in r.json()["detail"]]
        assert len(messages) == 3
        assert any("Duplicate" in m for m in messages)
        assert any("at least one option" in m for m in messages)
        assert any("must start with a letter" in m for m in messages)
        assert api.get(wf_path(project)).json()["total"] == before


def test_invalid_graph_lists_every_reason(server, project):
    graph = {
        "nodes": [
            {"id": "a", "kind": "start"},
            {"id": "b", "kind": "start"},
            {"id": "e", "kind": "end"},
        ],
        "edges": [{"source": "a", "target": "ghost"}],
    }
    with native(server) as api:
        r = api.post(wf_path(project), json={"name": "g", "graph": graph})
    assert r.status_code == 422
    messages = " | ".join(d["msg"] for d in r.json()["detail"])
    assert "exactly one start node, found 2" in messages and "'ghost' is not a node" in messages


def test_edits_bump_version_only_for_fields_or_graph(server, project):
    wf = make_workflow(server, [], "DRAFT", project_id=project["id"])
    with native(server) as api:
        renamed = api.put(wf_path(project, wf), json={"name": "renamed"}).json()
        assert renamed["version"] == 1 and renamed["name"] == "renamed"
        refielded = api.put(
            wf_path(project, wf), json={"fields": [{"name": "a", "type": "short_text"}]}
        )
        assert refielded.json()["version"] == 2
        bad = api.put(wf_path(project, wf), json={"fields": [{"name": "a", "type": "select"}]})
        assert bad.status_code == 422
        assert api.get(wf_path(project, wf)).json()["version"] == 2


def test_status_transitions(server, project):
    wf = make_workflow(server, [], "DRAFT", project_id=project["id"])
    base = wf_path(project, wf)
    with native(server) as api:

        def step(action, expected_code=200):
            r = api.post(f"{base}/{action}")
            assert r.status_code == expected_code, r.text
            return r.json()

        assert step("pause", 409)["detail"].startswith("Cannot pause a workflow in status DRAFT")
        assert step("complete", 409)["detail"].startswith("Cannot complete")
        assert step("activate")["status"] == "ACTIVE"
        assert "already active" in step("activate", 409)["detail"]
        assert step("pause")["status"] == "PAUSED"
        assert step("activate")["status"] == "ACTIVE"
        assert step("complete")["status"] == "COMPLETED"
        assert step("activate", 409)["detail"].startswith("Cannot activate")
        assert step("archive")["status"] == "ARCHIVED"
        assert "already archived" in step("archive", 409)["detail"]
        edit = api.put(base, json={"name": "x"})
        assert edit.status_code == 409 and "archived" in edit.json()["detail"]


def test_scheduled_activation(server, project):
    wf = make_workflow(server, [], "DRAFT", project_id=project["id"])
    base = wf_path(project, wf)
    with native(server) as api:
        later = api.post(f"{base}/activate", json={"activate_at": "2999-01-01T00:00:00Z"}).json()
        assert later["status"] == "PENDING_ACTIVATION"
        assert later["activate_at"].startswith("2999-01-01")
        now = api.post(f"{base}/activate", json={"activate_at": "2000-01-01T00:00:00Z"}).json()
        assert now["status"] == "ACTIVE" and now["activate_at"] is None


def test_unreachable_node_is_rejected_when_edited(server, project):
    graph = {
        "nodes": [
            {"id": "s", "kind": "start"},
            {"id": "x", "kind": "subtask"},
            {"id": "e", "kind": "end"},
        ],
        "edges": [{"source": "s", "target": "e"}],
    }
    with native(server) as api:
        r = api.post(wf_path(project), json={"name": "u", "graph": graph})
        assert r.status_code == 422
        messages = [d["msg"] for d in r.json()["detail"]]
        assert "Node 'x' is not reachable from the start node" in messages
        assert "Node 'x' has no outgoing edge" in messages
        wf = make_workflow(server, [], "DRAFT", project_id=project["id"])
        r = api.put(wf_path(project, wf), json={"graph": graph})
        assert r.status_code == 422
        assert api.get(wf_path(project, wf)).json()["graph"] == wf["graph"]


def test_listing_across_projects_with_status_filter(server, project):
    active = make_workflow(server, [], "ACTIVE", project_id=project["id"])
    draft = make_workflow(server, [], "DRAFT")
    with native(server) as api:
        actives = api.get("/workflows", params={"status": "ACTIVE", "page_size": 200}).json()
        ids = [w["id"] for w in actives["items"]]
        assert active["id"] in ids and draft["id"] not in ids
        assert all(w["status"] == "ACTIVE" for w in actives["items"])
        assert api.get("/workflows", params={"status": "NOPE"}).status_code == 422


def test_delete_rules_and_other_org(server, project):
    wf = make_workflow(server, [], "DRAFT", project_id=project["id"])
    other = seed_database(server.database_url)
    with native(server, other.api_key) as api:
        assert api.get(wf_path(project, wf)).status_code == 404
        assert api.delete(wf_path(project, wf)).status_code == 404
    with native(server) as api:
        assert api.delete(wf_path(project, wf)).status_code == 204
        assert api.get(wf_path(project, wf)).status_code == 404


def test_workflow_with_tasks_cannot_be_deleted(server, project):
    from tests.api.helpers import v1

    wf = make_workflow(server, [{"name": "a", "type": "short_text"}], project_id=project["id"])
    with v1(server) as api:
        assert (
            api.post(
                f"/workflows/{wf['id']}/tasks", json={"tasks": [{"fields": {"a": "x"}}]}
            ).status_code
            == 200
        )
    with native(server) as api:
        r = api.delete(wf_path(project, wf))
    assert r.status_code == 409 and "tasks" in r.json()["detail"]
