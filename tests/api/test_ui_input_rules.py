"""The web UI's forms meet the rules the API's request schema enforces (NUL characters, the
lengths of columns, the sizes of a graph): the domain refuses with a 4xx page and the reasons
inline, never a 500 (PostgreSQL) nor stored bad data (SQLite)."""

from __future__ import annotations

import json

import pytest

from tests.api.ui_client import sign_in

NUL = "a\x00b"


def _definition(nodes: int = 2, edges: int = 1) -> str:
    graph = {
        "nodes": [{"id": "start", "kind": "start"}, {"id": "end", "kind": "end"}]
        + [{"id": f"n{i}", "kind": "end"} for i in range(nodes - 2)],
        "edges": [{"source": "start", "target": "end"}] * edges,
    }
    return json.dumps({"fields": [], "graph": graph})


@pytest.fixture(scope="module")
def ui(server):
    session = sign_in(server)
    yield session
    session.http.close()


@pytest.mark.parametrize(
    ("name", "description", "reason"),
    [
        (NUL, "", "must not contain NUL"),
        ("x" * 201, "", "longer than 200"),
        ("ok", NUL, "must not contain NUL"),
        ("ok", "d" * 10_001, "longer than 10000"),
    ],
    ids=["nul-name", "long-name", "nul-description", "long-description"],
)
def test_a_new_workflow_with_bad_text_is_refused_inline(ui, name, description, reason):
    page = ui.post(
        "/ui/workflows/new",
        {
            "project_id": str(ui.account.project_id),
            "name": name,
            "description": description,
            "definition": _definition(),
        },
    )
    assert page.status_code == 422, page.text[:500]
    assert reason in page.text


@pytest.mark.parametrize(
    ("nodes", "edges", "reason"),
    [(501, 1, "at most 500 nodes"), (2, 2001, "at most 2000 edges")],
    ids=["nodes", "edges"],
)
def test_graphs_past_the_api_sizes_are_refused_on_create_and_edit(ui, nodes, edges, reason):
    page = ui.post(
        "/ui/workflows/new",
        {
            "project_id": str(ui.account.project_id),
            "name": "big",
            "definition": _definition(nodes, edges),
        },
    )
    assert page.status_code == 422
    assert reason in page.text
    made = ui.post(
        "/ui/workflows/new",
        {"project_id": str(ui.account.project_id), "name": "small", "definition": _definition()},
    )
    assert made.status_code == 303
    path = made.headers["location"].split("?")[0]
    edit = ui.post(f"{path}/definition", {"name": "small", "definition": _definition(nodes, edges)})
    assert edit.status_code == 422
    assert reason in edit.text
    rename = ui.post(f"{path}/definition", {"name": NUL, "definition": _definition()})
    assert rename.status_code == 422
    assert "must not contain NUL" in rename.text


def test_admin_forms_refuse_nul_and_overlong_text(ui):
    for name in (NUL, "k" * 201):
        page = ui.post("/ui/admin/keys", {"name": name})
        assert page.status_code == 422, page.text[:300]
    for email, name in (
        (f"{NUL}@example.test", "n"),
        ("z@example.test", NUL),
        ("e" * 300 + "@example.test", "n"),
        ("z@example.test", "n" * 201),
        ("not-an-address", "n"),
    ):
        page = ui.post("/ui/admin/users", {"email": email, "name": name, "role": "member"})
        assert page.status_code == 422, (email[:20], page.status_code)
    for form in (
        {"name": "c1", "base_url": "https://x.test/" + NUL, "api_key": "k"},
        {"name": "c1", "base_url": "https://x.test/", "api_key": "k" + NUL},
        {"name": "c1", "base_url": "https://x.test/" + "p" * 2000, "api_key": "k"},
    ):
        page = ui.post("/ui/admin/credentials", form)
        assert page.status_code in (400, 422), (form, page.status_code)


def test_a_namespace_with_a_nul_names_no_project(ui):
    with ui.account.api() as api:
        unknown = api.get("/apis/v2beta1/runs", params={"namespace": "no-such-namespace"})
        nul = api.get("/apis/v2beta1/runs", params={"namespace": "a\x00b"})
    assert nul.status_code == unknown.status_code < 500
    assert nul.json().keys() == unknown.json().keys()


@pytest.mark.parametrize("project_id", ["abc", "99999999999999999999", "-1", "foreign"])
def test_a_new_workflow_in_a_project_not_ours_is_refused(server, ui, project_id):
    if project_id == "foreign":
        other = sign_in(server)
        other.http.close()
        project_id = str(other.account.project_id)
    page = ui.post(
        "/ui/workflows/new",
        {"project_id": project_id, "name": "misplaced", "definition": _definition()},
    )
    assert page.status_code == 404
    with ui.account.api() as api:
        listed = api.get(f"/api/projects/{ui.account.project_id}/workflows").json()
    assert all(w["name"] != "misplaced" for w in listed["items"])
