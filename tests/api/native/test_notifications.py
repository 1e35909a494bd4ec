"""Notifications over HTTP: what the server writes (work assigned, submissions rejected, tasks
failed / escalated / quarantined, jobs finished) and who may read and mark them."""

from __future__ import annotations

import uuid

from tests.api.engine.helpers import (
    chain,
    edge,
    flow,
    node,
    node_ready,
    node_url,
    nodes_by_id,
    timeline,
    user_key,
    wait_task,
)
from tests.api.helpers import database, native, v1, wait_for
from tests.api.native.conftest import PAGE_KEYS, as_org

INPUT = [{"name": "text", "type": "short_text", "required": True}]
FORM = {"fields": [{"name": "label", "type": "short_text", "required": True}]}


def create_tasks(srv, wf_id: int, rows: list[dict], key: str) -> list[int]:
    """Tasks created by the user of `key` (their owner)."""
    with v1(srv, key) as api:
        r = api.post(f"/workflows/{wf_id}/tasks", json={"tasks": [{"fields": f} for f in rows]})
    assert r.status_code == 200, r.text
    return r.json()["task_ids"]


def notes(srv, key: str, **params) -> dict:
    with native(srv, key) as api:
        r = api.get("/notifications", params={"page_size": 200, **params})
    assert r.status_code == 200, r.text
    assert PAGE_KEYS <= set(r.json())
    return r.json()


def of_type(srv, key: str, type_: str) -> list[dict]:
    return notes(srv, key, type=type_)["items"]


def unread(srv, key: str) -> int:
    with native(srv, key) as api:
        r = api.get("/notifications/unread-count")
    assert r.status_code == 200, r.text
    return r.json()["count"]


def act(srv, wf, node_db_id, key, action, json=None):
    with native(srv, key) as api:
        r = (
            api.get(node_url(srv, wf["id"], node_db_id) + f"/{action}")
            if json is None
            else api.post(node_url(srv, wf["id"], node_db_id) + f"/{action}", json=json)
        )
    return r


def assigned_flow(srv, user_id: int) -> dict:
    nodes = [node("start", "start"), node("label", "subtask", assign_to=user_id, **FORM)]
    return flow(srv, [*nodes, node("end", "end")], chain("start", "label", "end"), INPUT)


def test_assign_to_reserves_the_node_and_notifies_the_user(server):
    worker_id, worker = user_key(server)
    _, other = user_key(server)
    _, owner = user_key(server)
    wf = assigned_flow(server, worker_id)
    (task_id,) = create_tasks(server, wf["id"], [{"text": "a"}], owner)
    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    label = nodes_by_id(task)["label"]["node_db_id"]

    (note,) = of_type(server, worker, "work_assigned")
    assert note["data"] == {
        "project_id": server.seed.project_id,
        "workflow_id": wf["id"],
        "task_id": task_id,
        "node_db_id": label,
        "node_id": "label",
        "kind": "subtask",
        "reason": "assigned",
    }
    assert note["read"] is False and note["read_at"] is None
    assert note["title"] and note["created_at"].endswith("Z")
    # Reserved: nobody else is offered it or may open it; the assignee may.
    with native(server, other) as api:
        offered = [i["node_db_id"] for i in api.get("/my-work").json()["items"]]
    assert label not in offered
    refused = act(server, wf, label, other, "subtask")
    assert refused.status_code == 409
    assert refused.json() == {"detail": "This node is reserved for another user"}
    assert of_type(server, other, "work_assigned") == []
    assert act(server, wf, label, worker, "subtask").status_code == 200
    r = act(server, wf, label, worker, "submit-subtask", {"values": {"label": "x"}})
    assert r.status_code == 200, r.text
    wait_task(server, wf["id"], task_id)
    # A finished task notifies nobody; the owner got nothing.
    assert notes(server, owner)["total"] == 0


def test_review_rejection_notifies_the_submitter_and_escalation_the_owner(server):
    worker_id, worker = user_key(server)
    reviewer_id, reviewer = user_key(server)
    _, owner = user_key(server)
    review = {
        "on_reject": "same_worker",
        "max_rereviews": 1,
        "on_exhausted": "escalate",
        "assign_to": reviewer_id,
    }
    wf = flow(
        server,
        [
            node("start", "start"),
            node("label", "subtask", **FORM),
            node("check", "review", **review),
            node("end", "end"),
        ],
        chain("start", "label", "check", "end"),
        INPUT,
    )
    (task_id,) = create_tasks(server, wf["id"], [{"text": "a"}], owner)
    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    label, check = (nodes_by_id(task)[n]["node_db_id"] for n in ("label", "check"))
    assert of_type(server, worker, "work_assigned") == []  # an unassigned subtask: the pool

    def submit(value):
        assert act(server, wf, label, worker, "subtask").status_code == 200
        r = act(server, wf, label, worker, "submit-subtask", {"values": {"label": value}})
        assert r.status_code == 200, r.text
        wait_task(server, wf["id"], task_id, until=node_ready("check"))

    def fail(comment):
        assert act(server, wf, check, reviewer, "review").status_code == 200
        r = act(
            server, wf, check, reviewer, "submit-review", {"decision": "fail", "comment": comment}
        )
        assert r.status_code == 200, r.text

    submit("first")
    (to_reviewer,) = of_type(server, reviewer, "work_assigned")
    assert to_reviewer["data"]["node_db_id"] == check
    assert to_reviewer["data"]["kind"] == "review"
    fail("too short")
    (rejected,) = of_type(server, worker, "submission_rejected")
    assert rejected["body"] == "too short"
    assert rejected["data"]["node_db_id"] == label
    assert rejected["data"]["review_node_db_id"] == check
    assert rejected["data"]["comment"] == "too short" and rejected["data"]["rejections"] == 1
    (sent_back,) = of_type(server, worker, "work_assigned")
    assert sent_back["data"]["reason"] == "sent_back" and sent_back["data"]["node_db_id"] == label

    submit("second")
    assert len(of_type(server, reviewer, "work_assigned")) == 2  # the review again, reserved
    fail("still wrong")
    wait_task(server, wf["id"], task_id, until=lambda t: t["status"] == "escalated")
    assert len(of_type(server, worker, "submission_rejected")) == 2
    (escalated,) = of_type(server, owner, "task_escalated")
    assert escalated["data"] == {
        "project_id": server.seed.project_id,
        "workflow_id": wf["id"],
        "task_id": task_id,
    }
    # Newest first.
    ids = [n["id"] for n in notes(server, worker)["items"]]
    assert ids == sorted(ids, reverse=True) and len(ids) == 3


def test_own_actions_notify_nobody(server):
    """A reviewer failing their own submission (no_self_review off) is not told it was
    rejected, nor, as the task's owner, that the task they quarantined is quarantined."""
    _, me = user_key(server)
    review = {"no_self_review": False, "max_rereviews": 0}
    wf = flow(
        server,
        [
            node("start", "start"),
            node("label", "subtask", **FORM),
            node("check", "review", **review),
            node("end", "end"),
        ],
        chain("start", "label", "check", "end"),
        INPUT,
    )
    (task_id,) = create_tasks(server, wf["id"], [{"text": "a"}], me)
    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    label, check = (nodes_by_id(task)[n]["node_db_id"] for n in ("label", "check"))
    assert act(server, wf, label, me, "subtask").status_code == 200
    assert act(server, wf, label, me, "submit-subtask", {"values": {"label": "v"}}).is_success
    wait_task(server, wf["id"], task_id, until=node_ready("check"))
    assert act(server, wf, check, me, "review").status_code == 200
    r = act(server, wf, check, me, "submit-review", {"decision": "fail", "comment": "no"})
    assert r.status_code == 200, r.text
    wait_task(server, wf["id"], task_id, until=lambda t: t["status"] == "quarantined")
    assert notes(server, me)["total"] == 0


def test_a_failed_and_a_quarantined_task_notify_their_owner(server):
    _, owner = user_key(server)
    _, reviewer = user_key(server)
    gate = {"routes": [{"port": "yes", "when": {"path": "input.text", "op": "eq", "value": "z"}}]}
    failing = flow(
        server,
        [node("start", "start"), node("gate", "logic_gate", **gate), node("end", "end")],
        [edge("start", "gate"), edge("gate", "end", "yes")],
        INPUT,
    )
    (failed_id,) = create_tasks(server, failing["id"], [{"text": "a"}], owner)
    wait_task(server, failing["id"], failed_id)
    (note,) = wait_for(lambda: of_type(server, owner, "task_failed"))
    assert note["data"]["task_id"] == failed_id and note["data"]["workflow_id"] == failing["id"]
    assert "no route matched" in note["body"]

    wf = flow(
        server,
        [
            node("start", "start"),
            node("label", "subtask", **FORM),
            node("check", "review", max_rereviews=0),
            node("end", "end"),
        ],
        chain("start", "label", "check", "end"),
        INPUT,
    )
    (task_id,) = create_tasks(server, wf["id"], [{"text": "a"}], owner)
    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    label, check = (nodes_by_id(task)[n]["node_db_id"] for n in ("label", "check"))
    assert act(server, wf, label, owner, "subtask").status_code == 200
    assert act(server, wf, label, owner, "submit-subtask", {"values": {"label": "v"}}).is_success
    wait_task(server, wf["id"], task_id, until=node_ready("check"))
    assert act(server, wf, check, reviewer, "review").status_code == 200
    r = act(server, wf, check, reviewer, "submit-review", {"decision": "fail"})
    assert r.status_code == 200, r.text
    (quarantined,) = of_type(server, owner, "task_quarantined")
    assert quarantined["data"]["task_id"] == task_id
    (rejected,) = of_type(server, owner, "submission_rejected")
    assert rejected["body"] == "" and rejected["data"]["comment"] is None


def test_a_finished_job_notifies_the_user_who_started_it(server):
    _, member = user_key(server)
    wf = flow(server, [node("start", "start"), node("end", "end")], chain("start", "end"), INPUT)
    base = f"/projects/{server.seed.project_id}/workflows/{wf['id']}/seeded-data"
    with native(server, member) as api:
        r = api.post(
            f"{base}/create-tasks-async",
            json={"tasks": [{"fields": {"text": "a"}}, {"fields": {"text": "b"}}]},
        )
        assert r.status_code == 202, r.text
        job_id = r.json()["job_id"]
    (note,) = wait_for(lambda: of_type(server, member, "job_finished"), timeout=120)
    assert note["data"] == {
        "job_id": job_id,
        "kind": "create_tasks",
        "status": "completed",
        "project_id": server.seed.project_id,
        "workflow_id": wf["id"],
    }
    assert "completed" in note["title"]


def test_list_filters_get_count_and_mark_read(server):
    worker_id, worker = user_key(server)
    _, owner = user_key(server)
    wf = assigned_flow(server, worker_id)
    create_tasks(server, wf["id"], [{"text": str(i)} for i in range(5)], owner)
    wait_for(lambda: notes(server, worker)["total"] == 5)
    assert unread(server, worker) == 5

    page = notes(server, worker, page=2, page_size=2)
    assert (page["total"], page["page"], page["page_size"], page["has_more"]) == (5, 2, 2, True)
    assert len(page["items"]) == 2
    everything = notes(server, worker)["items"]
    ids = [n["id"] for n in everything]
    assert ids == sorted(ids, reverse=True)
    assert notes(server, worker, type="task_failed")["total"] == 0

    with native(server, worker) as api:
        r = api.get(f"/notifications/{ids[0]}")
        assert r.status_code == 200 and r.json() == everything[0]
        r = api.post("/notifications/mark-read", json={"notification_ids": ids[:2]})
        assert r.status_code == 200, r.text
        assert r.json() == {"updated": 2, "unread_count": 3}
        # Marking again changes nothing and keeps read_at.
        read_at = api.get(f"/notifications/{ids[0]}").json()["read_at"]
        assert read_at
        r = api.post("/notifications/mark-read", json={"notification_ids": ids[:1]})
        assert r.json() == {"updated": 0, "unread_count": 3}
        got = api.get(f"/notifications/{ids[0]}").json()
        assert got["read"] is True and got["read_at"] == read_at
    assert unread(server, worker) == 3
    assert [n["id"] for n in notes(server, worker, read="true")["items"]] == ids[:2]
    assert [n["id"] for n in notes(server, worker, read="false")["items"]] == ids[2:]
    assert [n["id"] for n in notes(server, worker, unread_only="true")["items"]] == ids[2:]
    with native(server, worker) as api:
        r = api.get("/notifications", params={"unread_only": "true", "read": "true"})
        assert r.status_code == 422 and "detail" in r.json()
        for body in (
            {},
            {"all": False},
            {"notification_ids": []},
            {"all": True, "notification_ids": [1]},
        ):
            r = api.post("/notifications/mark-read", json=body)
            assert r.status_code == 422, (body, r.text)
        r = api.post("/notifications/mark-read", json={"all": True})
        assert r.json() == {"updated": 3, "unread_count": 0}
    assert unread(server, worker) == 0


def test_nobody_sees_another_users_or_organizations_notifications(server, org):
    worker_id, worker = user_key(server)
    _, owner = user_key(server)
    _, other = user_key(server)
    wf = assigned_flow(server, worker_id)
    create_tasks(server, wf["id"], [{"text": "a"}], owner)
    (note,) = wait_for(lambda: notes(server, worker)["items"])
    elsewhere = as_org(server, org)

    for srv, key in ((server, other), (server, None), (elsewhere, None)):
        # another user of the organization (a member, then the admin), another organization
        who = key or srv.seed.api_key
        assert note["id"] not in [n["id"] for n in notes(srv, who)["items"]]
        with native(srv, who) as api:
            assert api.get(f"/notifications/{note['id']}").status_code == 404
            before = api.get("/notifications/unread-count").json()["count"]
            r = api.post("/notifications/mark-read", json={"notification_ids": [note["id"]]})
            assert r.status_code == 200 and r.json()["updated"] == 0
            r = api.post("/notifications/mark-read", json={"all": True})
            assert r.status_code == 200
            assert api.get("/notifications/unread-count").json()["count"] == 0 <= before
    # Still unread for its user, after everyone else's mark-read --all.
    with native(server, worker) as api:
        assert api.get(f"/notifications/{note['id']}").json()["read"] is False
        assert api.get("/notifications/unread-count").json() == {"count": 1}
        assert api.get("/notifications/999999999").status_code == 404


def test_a_removed_users_key_is_forbidden(server):
    user_id, key = user_key(server)
    with native(server) as api:
        r = api.delete(f"/organizations/{server.seed.org_id}/users/{user_id}")
        assert r.status_code in (200, 204), r.text
    with native(server, key) as api:
        assert api.get("/notifications").status_code in (401, 403)
        assert api.get("/notifications/unread-count").status_code in (401, 403)


def test_assign_to_is_validated_when_the_graph_is_saved(server, org):
    stranger = org.user_id  # a user of another organization
    removed_id, _ = user_key(server)
    with native(server) as api:
        assert api.delete(f"/organizations/{server.seed.org_id}/users/{removed_id}").is_success
    pid = server.seed.project_id
    for bad, status in (
        (stranger, 422),
        (removed_id, 422),
        ("me", 422),
        (0, 422),
        (True, 422),
    ):
        graph = {
            "nodes": [
                node("start", "start"),
                node("label", "subtask", assign_to=bad, **FORM),
                node("end", "end"),
            ],
            "edges": chain("start", "label", "end"),
        }
        with native(server) as api:
            r = api.post(
                f"/projects/{pid}/workflows",
                json={"name": f"wf-{uuid.uuid4().hex[:6]}", "fields": INPUT, "graph": graph},
            )
        assert r.status_code == status, (bad, r.text)
        assert "assign_to" in r.text
    # Also on update, for a review.
    worker_id, _ = user_key(server)
    wf = assigned_flow(server, worker_id)
    graph = {
        "nodes": [
            node("start", "start"),
            node("label", "subtask", **FORM),
            node("check", "review", assign_to=stranger),
            node("end", "end"),
        ],
        "edges": chain("start", "label", "check", "end"),
    }
    with native(server) as api:
        r = api.put(f"/projects/{pid}/workflows/{wf['id']}", json={"graph": graph})
    assert r.status_code == 422 and "assign_to" in r.text


def test_an_assignee_removed_later_leaves_the_node_to_the_pool(server):
    worker_id, _ = user_key(server)
    _, other = user_key(server)
    wf = assigned_flow(server, worker_id)
    with native(server) as api:
        assert api.delete(f"/organizations/{server.seed.org_id}/users/{worker_id}").is_success
    (task_id,) = create_tasks(server, wf["id"], [{"text": "a"}], other)
    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    label = nodes_by_id(task)["label"]["node_db_id"]
    assert act(server, wf, label, other, "subtask").status_code == 200
    with database(server) as s:
        from pipelines_server.store.models import Notification

        assert s.query(Notification).filter_by(user_id=worker_id).count() == 0


def test_work_reserved_for_a_user_goes_to_the_pool_when_they_are_removed(server):
    """The node was already reserved (and waiting) when its user was removed: the removal
    hands it to the pool, with a timeline event, so that it is not stuck for ever."""
    worker_id, _ = user_key(server)
    _, other = user_key(server)
    wf = assigned_flow(server, worker_id)
    (task_id,) = create_tasks(server, wf["id"], [{"text": "a"}], other)
    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    label = nodes_by_id(task)["label"]["node_db_id"]
    assert act(server, wf, label, other, "subtask").status_code == 409  # reserved
    with native(server) as api:
        assert api.delete(f"/organizations/{server.seed.org_id}/users/{worker_id}").is_success
    with native(server, other) as api:
        offered = [i["node_db_id"] for i in api.get("/my-work").json()["items"]]
    assert label in offered
    assert act(server, wf, label, other, "subtask").status_code == 200
    events = [e for e in timeline(server, wf["id"], task_id) if e["type"] == "node.unreserved"]
    assert [e["node_id"] for e in events] == ["label"]
