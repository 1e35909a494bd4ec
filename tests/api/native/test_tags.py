"""Tags of workflows and tasks on the native API: create (idempotent), list with task counts,
delete rules (admin or creator), a task's tags (same workflow only), the workflow list's and
the new task list's `tag` filters, and isolation between organizations."""

from __future__ import annotations

import uuid

from tests.api.engine.helpers import (
    chain,
    create_tasks,
    flow,
    node,
    node_ready,
    user_key,
    wait_task,
)
from tests.api.helpers import make_workflow, native
from tests.api.native.conftest import PAGE_KEYS, as_org


def _name(prefix: str = "t") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def base(server, wf: dict) -> str:
    return f"/projects/{wf['project_id']}/workflows/{wf['id']}"


def make_tag(server, wf: dict, name: str | None = None, key: str | None = None, **extra) -> dict:
    with native(server, key) as api:
        r = api.post(f"{base(server, wf)}/tags", json={"name": name or _name(), **extra})
    assert r.status_code == 201, r.text
    return r.json()


def test_create_list_and_delete_a_tag(server):
    wf = make_workflow(server, [], "ACTIVE")
    tag = make_tag(server, wf, "urgent", color="#D62728")
    assert tag["name"] == "urgent" and tag["color"] == "#d62728"
    assert tag["workflow_id"] == wf["id"] and tag["project_id"] == wf["project_id"]
    assert tag["task_count"] == 0 and tag["created_at"].endswith("Z")
    make_tag(server, wf, "backlog")
    with native(server) as api:
        body = api.get(f"{base(server, wf)}/tags").json()
        assert set(body) == PAGE_KEYS
        assert [t["name"] for t in body["items"]] == ["backlog", "urgent"]
        paged = api.get(f"{base(server, wf)}/tags", params={"page_size": 1}).json()
        assert paged["total"] == 2 and paged["has_more"] and len(paged["items"]) == 1
        assert api.delete(f"{base(server, wf)}/tags/{tag['id']}").status_code == 204
        assert api.delete(f"{base(server, wf)}/tags/{tag['id']}").status_code == 404
        names = [t["name"] for t in api.get(f"{base(server, wf)}/tags").json()["items"]]
        assert names == ["backlog"]


def test_tag_names_are_unique_per_workflow_and_validated(server):
    wf = make_workflow(server, [], "ACTIVE")
    other = make_workflow(server, [], "ACTIVE")
    make_tag(server, wf, "dup")
    make_tag(server, other, "dup")  # another workflow may use the same name
    with native(server) as api:
        r = api.post(f"{base(server, wf)}/tags", json={"name": "  dup  "})
        assert r.status_code == 409 and "dup" in r.json()["detail"]
        for bad in ({"name": ""}, {"name": "   "}, {"name": "x" * 101}, {}):
            assert api.post(f"{base(server, wf)}/tags", json=bad).status_code == 422, bad
        r = api.post(f"{base(server, wf)}/tags", json={"name": "c", "color": "red"})
        assert r.status_code == 422
        assert make_tag(server, wf, "x" * 100)["name"] == "x" * 100


def test_create_tag_replays_with_the_same_idempotency_key(server):
    wf = make_workflow(server, [], "ACTIVE")
    key = uuid.uuid4().hex
    with native(server) as api:
        first = api.post(
            f"{base(server, wf)}/tags", json={"name": "once"}, headers={"Idempotency-Key": key}
        )
        again = api.post(
            f"{base(server, wf)}/tags", json={"name": "once"}, headers={"Idempotency-Key": key}
        )
        other = api.post(
            f"{base(server, wf)}/tags", json={"name": "twice"}, headers={"Idempotency-Key": key}
        )
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.headers.get("Idempotent-Replayed") == "true"
    assert other.status_code == 409


def test_members_create_and_only_the_creator_or_an_admin_deletes(server):
    wf = make_workflow(server, [], "ACTIVE")
    _, member = user_key(server)
    _, other_member = user_key(server)
    mine = make_tag(server, wf, key=member)
    theirs = make_tag(server, wf, key=other_member)
    by_admin = make_tag(server, wf)
    with native(server, member) as api:
        r = api.delete(f"{base(server, wf)}/tags/{theirs['id']}")
        assert r.status_code == 403 and r.json()["detail"]
        assert api.delete(f"{base(server, wf)}/tags/{by_admin['id']}").status_code == 403
        assert api.delete(f"{base(server, wf)}/tags/{mine['id']}").status_code == 204
    with native(server) as api:  # the admin deletes anyone's
        assert api.delete(f"{base(server, wf)}/tags/{theirs['id']}").status_code == 204


def test_a_removed_users_key_cannot_delete_their_tag(server):
    wf = make_workflow(server, [], "ACTIVE")
    user_id, member = user_key(server)
    tag = make_tag(server, wf, key=member)
    with native(server) as api:
        r = api.delete(f"/organizations/{server.seed.org_id}/users/{user_id}")
        assert r.status_code in (200, 204), r.text
    with native(server, member) as api:
        assert api.delete(f"{base(server, wf)}/tags/{tag['id']}").status_code == 403


def test_set_and_read_a_tasks_tags(server):
    wf = make_workflow(server, [], "ACTIVE")
    other_wf = make_workflow(server, [], "ACTIVE")
    a, b = make_tag(server, wf, "a"), make_tag(server, wf, "b")
    foreign = make_tag(server, other_wf, "a")
    (task_id,) = create_tasks(server, wf["id"], [{}])
    _, member = user_key(server)
    url = f"{base(server, wf)}/tasks/{task_id}/tags"
    with native(server, member) as api:
        assert api.get(url).json() == {"items": [], "total": 0}
        r = api.put(url, json={"tag_ids": [b["id"], a["id"], b["id"]]})
        assert r.status_code == 200, r.text
        assert [t["name"] for t in r.json()["items"]] == ["a", "b"]
        assert [t["id"] for t in api.get(url).json()["items"]] == [a["id"], b["id"]]
        r = api.put(url, json={"tag_ids": [a["id"], foreign["id"], 10**12]})
        assert r.status_code == 422
        assert [d["loc"] for d in r.json()["detail"]] == [
            ["body", "tag_ids", 1],
            ["body", "tag_ids", 2],
        ]
        assert api.get(url).json()["total"] == 2  # unchanged by the refused request
        listed = api.get(f"{base(server, wf)}/tags").json()["items"]
        counts = {t["name"]: t["task_count"] for t in listed}
        assert counts == {"a": 1, "b": 1}
        assert api.put(url, json={"tag_ids": []}).json() == {"items": [], "total": 0}
        assert api.put(url, json={}).status_code == 422
        # a task of another workflow under this workflow's path is not found
        (other_task,) = create_tasks(server, other_wf["id"], [{}])
        assert api.get(f"{base(server, wf)}/tasks/{other_task}/tags").status_code == 404


def test_deleting_a_tag_takes_it_off_its_tasks(server):
    wf = make_workflow(server, [], "ACTIVE")
    tag = make_tag(server, wf)
    (task_id,) = create_tasks(server, wf["id"], [{}])
    url = f"{base(server, wf)}/tasks/{task_id}/tags"
    with native(server) as api:
        api.put(url, json={"tag_ids": [tag["id"]]})
        assert api.delete(f"{base(server, wf)}/tags/{tag['id']}").status_code == 204
        assert api.get(url).json()["total"] == 0


def test_the_workflow_lists_filter_by_tag(server, org):
    srv = as_org(server, org)
    tagged = make_workflow(srv, [], "ACTIVE", name="tagged")
    plain = make_workflow(srv, [], "ACTIVE", name="plain")
    make_tag(srv, tagged, "focus")
    make_tag(srv, plain, "other")
    with native(srv) as api:
        for url in ("/workflows", f"/projects/{org.project_id}/workflows"):
            body = api.get(url, params={"tag": "focus"}).json()
            assert [w["id"] for w in body["items"]] == [tagged["id"]] and body["total"] == 1
            assert api.get(url, params={"tag": "nothing"}).json()["total"] == 0
            assert api.get(url).json()["total"] == 2
            both = api.get(url, params={"tag": "focus", "status": "DRAFT"}).json()
            assert both["total"] == 0


def test_the_task_list_filters_by_status_and_tag(server):
    form = {"fields": [{"name": "label", "type": "short_text", "required": True}]}
    wf = flow(
        server,
        [node("start", "start"), node("label", "subtask", **form), node("end", "end")],
        chain("start", "label", "end"),
    )
    tag = make_tag(server, wf, "pick")
    ids = create_tasks(server, wf["id"], [{}, {}, {}])
    for task_id in ids:
        wait_task(server, wf["id"], task_id, until=node_ready("label"))
    with native(server) as api:
        api.put(f"{base(server, wf)}/tasks/{ids[1]}/tags", json={"tag_ids": [tag["id"]]})
        r = api.post(f"{base(server, wf)}/tasks/{ids[2]}/cancel")
        assert r.status_code == 200, r.text
        body = api.get(f"{base(server, wf)}/tasks").json()
        assert set(body) == PAGE_KEYS and body["total"] == 3
        assert [t["id"] for t in body["items"]] == sorted(ids, reverse=True)
        item = next(t for t in body["items"] if t["id"] == ids[1])
        assert item["tags"] == [{"id": tag["id"], "name": "pick", "color": None}]
        assert item["workflow_id"] == wf["id"] and item["project_id"] == wf["project_id"]
        assert set(item["node_summary"]) == {"total", "finished", "in_progress", "pending"}
        assert "nodes" not in item
        picked = api.get(f"{base(server, wf)}/tasks", params={"tag": "pick"}).json()
        assert [t["id"] for t in picked["items"]] == [ids[1]]
        assert api.get(f"{base(server, wf)}/tasks", params={"tag": "none"}).json()["total"] == 0
        cancelled = api.get(f"{base(server, wf)}/tasks", params={"status": "cancelled"}).json()
        assert [t["id"] for t in cancelled["items"]] == [ids[2]]
        running = api.get(f"{base(server, wf)}/tasks", params={"status": "in_progress"}).json()
        assert [t["id"] for t in running["items"]] == [ids[1], ids[0]]
        both = {"status": "in_progress", "tag": "pick"}
        assert [
            t["id"] for t in api.get(f"{base(server, wf)}/tasks", params=both).json()["items"]
        ] == [ids[1]]
        page = api.get(f"{base(server, wf)}/tasks", params={"page": 2, "page_size": 2}).json()
        assert [t["id"] for t in page["items"]] == [min(ids)] and not page["has_more"]
        assert api.get(f"{base(server, wf)}/tasks", params={"status": "nope"}).status_code == 422


def test_another_organizations_tags_and_tasks_are_not_found(server, org):
    wf = make_workflow(server, [], "ACTIVE")
    tag = make_tag(server, wf)
    (task_id,) = create_tasks(server, wf["id"], [{}])
    with native(as_org(server, org)) as api:
        assert api.get(f"{base(server, wf)}/tags").status_code == 404
        assert api.post(f"{base(server, wf)}/tags", json={"name": "x"}).status_code == 404
        assert api.delete(f"{base(server, wf)}/tags/{tag['id']}").status_code == 404
        assert api.get(f"{base(server, wf)}/tasks/{task_id}/tags").status_code == 404
        r = api.put(f"{base(server, wf)}/tasks/{task_id}/tags", json={"tag_ids": [tag["id"]]})
        assert r.status_code == 404
        assert api.get(f"{base(server, wf)}/tasks").status_code == 404
        assert api.get("/workflows", params={"tag": tag["name"]}).json()["total"] == 0
    # the other organization's own workflow cannot take this organization's tag either
    other = as_org(server, org)
    other_wf = make_workflow(other, [], "ACTIVE")
    (other_task,) = create_tasks(other, other_wf["id"], [{}])
    with native(other) as api:
        url = f"{base(server, other_wf)}/tasks/{other_task}/tags"
        assert api.put(url, json={"tag_ids": [tag["id"]]}).status_code == 422
