"""Project instructions on the native API: a dense order (insert at, move, delete closes the
gap), paging, members read and admins write, another organization sees nothing."""

from __future__ import annotations

from tests.api.engine.helpers import user_key
from tests.api.helpers import native
from tests.api.native.conftest import PAGE_KEYS, as_org


def _url(project_id: int, instruction_id: int | None = None) -> str:
    base = f"/projects/{project_id}/instructions"
    return base if instruction_id is None else f"{base}/{instruction_id}"


def _order(api, project_id: int) -> list[tuple[str, int]]:
    body = api.get(_url(project_id), params={"page_size": 200}).json()
    return [(i["title"], i["position"]) for i in body["items"]]


def test_instructions_keep_a_dense_order(server, org):
    srv = as_org(server, org)
    pid = org.project_id
    with native(srv) as api:
        ids = {}
        for title in ("a", "b", "c"):
            r = api.post(_url(pid), json={"title": title, "content": f"do {title}"})
            assert r.status_code == 201, r.text
            ids[title] = r.json()["id"]
        assert _order(api, pid) == [("a", 0), ("b", 1), ("c", 2)]
        # Inserted at the front: the others move down one.
        r = api.post(_url(pid), json={"title": "first", "position": 0})
        assert r.status_code == 201 and r.json()["position"] == 0
        ids["first"] = r.json()["id"]
        assert _order(api, pid) == [("first", 0), ("a", 1), ("b", 2), ("c", 3)]
        # A position past the end means last.
        r = api.post(_url(pid), json={"title": "z", "position": 99})
        assert r.json()["position"] == 4
        ids["z"] = r.json()["id"]
        # Moves down and up; the ones in between shift.
        r = api.put(_url(pid, ids["first"]), json={"position": 3})
        assert r.status_code == 200 and r.json()["position"] == 3
        assert [t for t, _ in _order(api, pid)] == ["a", "b", "c", "first", "z"]
        r = api.put(_url(pid, ids["z"]), json={"position": 1, "title": "zz", "content": "new"})
        assert r.json()["title"] == "zz" and r.json()["content"] == "new"
        assert _order(api, pid) == [("a", 0), ("zz", 1), ("b", 2), ("c", 3), ("first", 4)]
        # Delete closes the gap.
        assert api.delete(_url(pid, ids["b"])).status_code == 204
        assert _order(api, pid) == [("a", 0), ("zz", 1), ("c", 2), ("first", 3)]
        assert api.get(_url(pid, ids["b"])).status_code == 404
        got = api.get(_url(pid, ids["a"])).json()
        assert got["content"] == "do a" and got["created_by_id"] == org.user_id
        # Paging.
        page = api.get(_url(pid), params={"page": 2, "page_size": 3}).json()
        assert set(page) == PAGE_KEYS
        assert page["total"] == 4 and not page["has_more"]
        assert [i["title"] for i in page["items"]] == ["first"]


def test_instruction_input_is_validated(server):
    pid = server.seed.project_id
    with native(server) as api:
        assert api.post(_url(pid), json={"title": "   "}).status_code == 422
        assert api.post(_url(pid), json={"content": "x"}).status_code in (400, 422)
        assert api.post(_url(pid), json={"title": "t", "position": -1}).status_code in (400, 422)
        assert api.post("/projects/999999999/instructions", json={"title": "t"}).status_code == 404
        r = api.post(_url(pid), json={"title": "t"})
        assert api.put(_url(pid, r.json()["id"]), json={"title": ""}).status_code in (400, 422)


def test_members_read_and_admins_write_instructions(server):
    pid = server.seed.project_id
    _, member = user_key(server, "member")
    _, admin = user_key(server, "org_admin")
    with native(server, admin) as api:
        r = api.post(_url(pid), json={"title": "by admin"})
        assert r.status_code == 201, r.text
        iid = r.json()["id"]
    with native(server, member) as api:
        assert iid in [
            i["id"] for i in api.get(_url(pid), params={"page_size": 200}).json()["items"]
        ]
        assert api.get(_url(pid, iid)).status_code == 200
        assert api.post(_url(pid), json={"title": "nope"}).status_code == 403
        assert api.put(_url(pid, iid), json={"title": "nope"}).status_code == 403
        assert api.delete(_url(pid, iid)).status_code == 403
    with native(server) as api:
        assert api.get(_url(pid, iid)).json()["title"] == "by admin"


def test_another_organization_sees_no_instructions(server, org):
    pid = server.seed.project_id
    with native(server) as api:
        iid = api.post(_url(pid), json={"title": "private"}).json()["id"]
    with native(as_org(server, org)) as api:
        assert api.get(_url(pid)).status_code == 404
        assert api.get(_url(pid, iid)).status_code == 404
        assert api.put(_url(pid, iid), json={"title": "x"}).status_code == 404
        assert api.delete(_url(pid, iid)).status_code == 404
        assert api.post(_url(pid), json={"title": "x"}).status_code == 404
        # Its own project with the other's instruction id: not found either.
        assert api.get(_url(org.project_id, iid)).status_code == 404


def test_creating_an_instruction_is_idempotent(server, org):
    srv = as_org(server, org)
    pid = org.project_id
    with native(srv) as api:
        headers = {"Idempotency-Key": "instr-once"}
        first = api.post(_url(pid), json={"title": "once"}, headers=headers)
        again = api.post(_url(pid), json={"title": "once"}, headers=headers)
        assert first.status_code == again.status_code == 201
        assert first.json() == again.json()
        other = api.post(_url(pid), json={"title": "other"}, headers=headers)
        assert other.status_code == 409
        assert api.get(_url(pid)).json()["total"] == 1
