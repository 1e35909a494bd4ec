"""Organization workflow templates: saved from a graph or from a workflow, listed with a
search, a workflow made from one (its graph and fields copied, the body overriding), admins
write and members read, another organization sees nothing."""

from __future__ import annotations

from tests.api.engine.helpers import edge, node, user_key
from tests.api.helpers import TEXT_FIELDS, make_workflow, native
from tests.api.native.conftest import PAGE_KEYS, as_org

GRAPH = {
    "nodes": [
        node("start", "start"),
        node("label", "subtask", fields=[{"name": "label", "type": "short_text"}]),
        node("end", "end"),
    ],
    "edges": [edge("start", "label"), edge("label", "end")],
}
FIELDS = [{"name": "text", "type": "long_text", "required": True}]


def _url(org_id: int, template_id: int | None = None) -> str:
    base = f"/organizations/{org_id}/templates"
    return base if template_id is None else f"{base}/{template_id}"


def test_save_list_search_get_and_delete_templates(server, org):
    srv = as_org(server, org)
    with native(srv) as api:
        r = api.post(
            _url(org.org_id),
            json={
                "name": "Labelling",
                "description": "one label",
                "graph": GRAPH,
                "fields": FIELDS,
            },
        )
        assert r.status_code == 201, r.text
        t = r.json()
        assert t["graph"]["nodes"][1]["id"] == "label" and t["node_count"] == 3
        assert t["fields"][0]["name"] == "text" and t["created_by_id"] == org.user_id
        r = api.post(_url(org.org_id), json={"name": "Alpha review", "graph": GRAPH})
        other = r.json()
        page = api.get(_url(org.org_id)).json()
        assert set(page) == PAGE_KEYS and page["total"] == 2
        assert [x["name"] for x in page["items"]] == ["Alpha review", "Labelling"]
        found = api.get(_url(org.org_id), params={"search": "LABEL"}).json()
        assert [x["id"] for x in found["items"]] == [t["id"]]
        found = api.get(_url(org.org_id), params={"search": "one lab"}).json()
        assert [x["id"] for x in found["items"]] == [t["id"]]
        assert api.get(_url(org.org_id), params={"search": "%"}).json()["total"] == 0
        assert api.get(_url(org.org_id, t["id"])).json() == t
        assert api.delete(_url(org.org_id, other["id"])).status_code == 204
        assert api.get(_url(org.org_id, other["id"])).status_code == 404
        assert api.get(_url(org.org_id)).json()["total"] == 1


def test_a_template_graph_is_validated_as_a_workflow_graph(server):
    org_id = server.seed.org_id
    bad = {"nodes": [node("start", "start")], "edges": [edge("start", "nowhere")]}
    with native(server) as api:
        r = api.post(_url(org_id), json={"name": "bad", "graph": bad})
        assert r.status_code == 422, r.text
        assert api.post(_url(org_id), json={"name": "no graph"}).status_code == 422
        assert api.post(_url(org_id), json={"name": "  ", "graph": GRAPH}).status_code == 422
        r = api.post(_url(org_id), json={"workflow_id": 1, "graph": GRAPH})
        assert r.status_code == 422


def test_save_a_workflow_as_a_template_and_create_a_workflow_from_it(server):
    org_id, pid = server.seed.org_id, server.seed.project_id
    wf = make_workflow(server, TEXT_FIELDS, status="DRAFT", name="source wf")
    with native(server) as api:
        r = api.put(f"/projects/{pid}/workflows/{wf['id']}", json={"graph": GRAPH})
        assert r.status_code == 200, r.text
        r = api.post(_url(org_id), json={"workflow_id": wf["id"]})
        assert r.status_code == 201, r.text
        t = r.json()
        assert t["name"] == "source wf"
        assert [f["name"] for f in t["fields"]] == [f["name"] for f in TEXT_FIELDS]
        assert [n["id"] for n in t["graph"]["nodes"]] == ["start", "label", "end"]
        # A workflow from it: the template's graph and fields, the body's name.
        r = api.post(f"/projects/{pid}/workflows", json={"name": "copy", "template_id": t["id"]})
        assert r.status_code == 201, r.text
        made = r.json()
        assert made["name"] == "copy" and made["status"] == "DRAFT"
        assert [n["id"] for n in made["graph"]["nodes"]] == ["start", "label", "end"]
        assert [f["name"] for f in made["fields"]] == [f["name"] for f in TEXT_FIELDS]
        # The body overrides the template's fields and description.
        r = api.post(
            f"/projects/{pid}/workflows",
            json={
                "name": "copy 2",
                "template_id": t["id"],
                "fields": FIELDS,
                "description": "mine",
            },
        )
        assert r.status_code == 201, r.text
        assert [f["name"] for f in r.json()["fields"]] == ["text"]
        assert r.json()["description"] == "mine"
        # The template is a copy: deleting it leaves the workflow as it was.
        assert api.delete(_url(org_id, t["id"])).status_code == 204
        got = api.get(f"/projects/{pid}/workflows/{made['id']}").json()
        assert [n["id"] for n in got["graph"]["nodes"]] == ["start", "label", "end"]
        r = api.post(f"/projects/{pid}/workflows", json={"name": "x", "template_id": t["id"]})
        assert r.status_code == 404
        assert api.post(_url(org_id), json={"workflow_id": 999999999}).status_code == 404


def test_members_read_templates_and_only_admins_write_them(server):
    org_id, pid = server.seed.org_id, server.seed.project_id
    _, member = user_key(server, "member")
    with native(server) as api:
        t = api.post(_url(org_id), json={"name": "shared", "graph": GRAPH}).json()
    with native(server, member) as api:
        assert api.get(_url(org_id, t["id"])).status_code == 200
        assert t["id"] in [
            x["id"] for x in api.get(_url(org_id), params={"page_size": 200}).json()["items"]
        ]
        assert api.post(_url(org_id), json={"name": "m", "graph": GRAPH}).status_code == 403
        assert api.delete(_url(org_id, t["id"])).status_code == 403
        # A member may still create a workflow from a template (workflow creation is theirs).
        r = api.post(f"/projects/{pid}/workflows", json={"name": "m wf", "template_id": t["id"]})
        assert r.status_code == 201, r.text


def test_another_organization_sees_no_templates(server, org):
    org_id = server.seed.org_id
    with native(server) as api:
        t = api.post(_url(org_id), json={"name": "secret", "graph": GRAPH}).json()
    with native(as_org(server, org)) as api:
        assert api.get(_url(org_id)).status_code == 404
        assert api.get(_url(org_id, t["id"])).status_code == 404
        assert api.delete(_url(org_id, t["id"])).status_code == 404
        assert api.post(_url(org_id), json={"name": "x", "graph": GRAPH}).status_code == 404
        assert api.get(_url(org.org_id, t["id"])).status_code == 404
        r = api.post(
            f"/projects/{org.project_id}/workflows", json={"name": "x", "template_id": t["id"]}
        )
        assert r.status_code == 404
