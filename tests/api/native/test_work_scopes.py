"""My-work and my-submissions at every scope, a human node's submission view, its history and
its linked nodes, over real HTTP: a worker (member) labels, a reviewer (admin) rejects once and
then passes, and each list, view and permission is checked against what happened."""

from __future__ import annotations

import pytest

from pipelines_server.store.models import Tag, TaskTag
from tests.api.engine.helpers import (
    chain,
    create_tasks,
    flow,
    get_task,
    node,
    node_ready,
    node_url,
    nodes_by_id,
    user_key,
    wait_task,
)
from tests.api.helpers import database, native
from tests.api.native.conftest import PAGE_KEYS
from tests.api.native.work_story import (
    FORM,
    INPUT,
    as_seed,
    get,
    labelling,
    ok,
    open_node,
    post,
    story,
    stranger,
)

# ---- my-submissions ------------------------------------------------------------------------


def test_my_submissions_with_review_outcomes_at_every_scope(server, org):
    s = story(server, org)
    scopes = ["/my-submissions", f"/organizations/{org.org_id}/my-submissions"]
    scopes.append(f"/projects/{org.project_id}/my-submissions")
    for path in scopes:
        page = ok(s.srv, path, s.worker_key)
        assert set(page) == PAGE_KEYS and page["total"] == 2 and not page["has_more"]
        newest, first = page["items"]
        assert [newest["attempt_number"], first["attempt_number"]] == [2, 1]
        assert newest["values"] == {"text": "buy now", "label": "spam"}
        assert first["values"]["label"] == "ham"
        assert newest["review"]["status"] == "passed" and newest["review"]["comment"] == "good"
        assert first["review"]["status"] == "rejected" and first["review"]["comment"] == "redo"
        assert first["review"]["reviewer_id"] == org.user_id
        assert first["review"]["review_node_db_id"] == s.check
        assert newest["via"] == "worker" and newest["kind"] == "subtask"
        assert newest["node_db_id"] == s.label and newest["node_id"] == "label"
        assert newest["status"] == "finished" and newest["task_status"] == "finished"
        assert newest["task_id"] == s.task_id and newest["workflow_id"] == s.wf["id"]
        assert newest["workflow_name"] == s.wf["name"] and newest["project_id"] == org.project_id
        assert newest["submitted_at"].endswith("Z") and newest["id"] > first["id"]

    # The reviewer's own: the two verdicts, newest first; none of the worker's.
    mine = ok(s.srv, "/my-submissions")
    assert [(i["kind"], i["values"]["decision"]) for i in mine["items"]] == [
        ("review", "pass"),
        ("review", "fail"),
    ]
    assert all(i["review"] is None for i in mine["items"])

    # Filters and paging.
    assert ok(s.srv, "/my-submissions", s.worker_key, kind="review")["total"] == 0
    assert ok(s.srv, "/my-submissions", s.worker_key, kind="subtask")["total"] == 2
    assert ok(s.srv, "/my-submissions", s.worker_key, workflow_id=s.wf["id"])["total"] == 2
    assert ok(s.srv, "/my-submissions", s.worker_key, workflow_id=s.wf["id"] + 999)["total"] == 0
    assert ok(s.srv, "/my-submissions", s.worker_key, status="finished")["total"] == 2
    assert ok(s.srv, "/my-submissions", s.worker_key, status="available")["total"] == 0
    one = ok(s.srv, "/my-submissions", s.worker_key, page_size=1, page=2)
    assert one["has_more"] is False and one["items"][0]["attempt_number"] == 1
    assert ok(s.srv, "/my-submissions", s.worker_key, page_size=1)["has_more"] is True
    assert get(s.srv, "/my-submissions", s.worker_key, status="bogus").status_code == 422
    assert get(s.srv, "/my-submissions", s.worker_key, kind="code").status_code == 422


def test_a_submission_waiting_for_its_review_is_pending(server, org):
    s = story(server, org, passes=False)
    newest, first = ok(s.srv, "/my-submissions", s.worker_key)["items"]
    assert newest["status"] == "submitted" and newest["review"]["status"] == "pending"
    assert newest["review"]["comment"] is None
    assert first["review"]["status"] == "rejected"


def test_my_submissions_and_my_work_of_another_organization_are_404(server, org):
    s = story(server, org)
    other = stranger(server)
    for path in (
        f"/organizations/{org.org_id}/my-submissions",
        f"/organizations/{org.org_id}/my-work",
        f"/projects/{org.project_id}/my-submissions",
        f"/projects/{org.project_id}/my-work",
    ):
        r = get(other, path)
        assert r.status_code == 404, (path, r.text)
        assert r.json()["detail"]
    # and its global lists show nothing of the first organization
    assert ok(other, "/my-submissions")["total"] == 0
    assert s.label not in [i["node_db_id"] for i in ok(other, "/my-work")["items"]]
    # the same organization's ids work for a member too
    assert ok(s.srv, f"/organizations/{org.org_id}/my-work", s.worker_key)["total"] == 0
    assert get(s.srv, "/organizations/999999999/my-work").status_code == 404


# ---- my-work: the organization scope and the tag filter -----------------------------------


def test_org_my_work_and_the_tag_filter(server, org):
    srv = as_seed(server, org)
    nodes = [node("start", "start"), node("label", "subtask", **FORM), node("end", "end")]
    wf = flow(srv, nodes, chain("start", "label", "end"), INPUT)
    tagged_task, plain_task = create_tasks(srv, wf["id"], [{"text": "a"}, {"text": "b"}])
    labels = {}
    for t in (tagged_task, plain_task):
        task = wait_task(srv, wf["id"], t, until=node_ready("label"))
        labels[t] = nodes_by_id(task)["label"]["node_db_id"]
    with database(server) as session:
        tag = Tag(org_id=org.org_id, project_id=org.project_id, workflow_id=wf["id"], name="urgent")
        session.add(tag)
        session.flush()
        session.add(TaskTag(task_id=tagged_task, tag_id=tag.id))
        session.commit()

    everywhere = ok(srv, "/my-work")
    in_org = ok(srv, f"/organizations/{org.org_id}/my-work")
    assert in_org == everywhere and in_org["total"] == 2
    # oldest node first (the engine may start the two tasks in either order)
    assert [i["node_db_id"] for i in in_org["items"]] == sorted(labels.values())
    for path in ("/my-work", f"/organizations/{org.org_id}/my-work"):
        only = ok(srv, path, tag="urgent")
        assert [i["node_db_id"] for i in only["items"]] == [labels[tagged_task]]
        assert ok(srv, path, tag="nope")["total"] == 0
    project = ok(srv, f"/projects/{org.project_id}/my-work", tag="urgent")
    assert [i["task_id"] for i in project["items"]] == [tagged_task]
    assert ok(srv, f"/organizations/{org.org_id}/my-work", kind="review")["total"] == 0

    # my-submissions by tag
    open_node(srv, wf, labels[tagged_task], "subtask")
    post(srv, wf, labels[tagged_task], "submit-subtask", json={"values": {"label": "ham"}})
    open_node(srv, wf, labels[plain_task], "subtask")
    post(srv, wf, labels[plain_task], "submit-subtask", json={"values": {"label": "spam"}})
    subs = ok(srv, f"/organizations/{org.org_id}/my-submissions", tag="urgent")
    assert [i["task_id"] for i in subs["items"]] == [tagged_task]
    assert subs["items"][0]["review"] is None  # nothing reviews this workflow's subtask
    assert ok(srv, "/my-submissions")["total"] == 2


# ---- the submission view ------------------------------------------------------------------


def test_submission_view(server, org):
    s = story(server, org)
    _, member_key = user_key(s.srv)  # a member with no part in it may read it too
    for key in (None, member_key, s.worker_key):
        view = ok(s.srv, f"/projects/{org.project_id}/submissions/{s.label}", key)
        assert view["node"]["node_db_id"] == s.label and view["node"]["status"] == "finished"
        assert view["task"]["id"] == s.task_id and view["task"]["status"] == "finished"
        assert view["task"]["workflow_id"] == s.wf["id"]
        subs = view["submissions"]
        assert [x["attempt_number"] for x in subs] == [1, 2]
        assert [x["values"]["label"] for x in subs] == ["ham", "spam"]
        assert {x["user_id"] for x in subs} == {s.worker_id}
        assert subs[0]["user_email"].endswith("@example.com")
        assert [x["review"]["status"] for x in subs] == ["rejected", "passed"]
        reviews = view["reviews"]
        assert [(v["decision"], v["comment"]) for v in reviews] == [
            ("fail", "redo"),
            ("pass", "good"),
        ]
        assert [v["subtask_submission_id"] for v in reviews] == [x["id"] for x in subs]
        assert {v["review_node_db_id"] for v in reviews} == {s.check}
        assert {v["reviewer_id"] for v in reviews} == {org.user_id}

    # A review node's view lists its own verdicts.
    review = ok(s.srv, f"/projects/{org.project_id}/submissions/{s.check}")
    assert [x["values"]["decision"] for x in review["submissions"]] == ["fail", "pass"]
    assert [v["decision"] for v in review["reviews"]] == ["fail", "pass"]

    task = get_task(s.srv, s.wf["id"], s.task_id)
    start = nodes_by_id(task)["start"]["node_db_id"]
    for bad in (start, 999999999, 9223372036854775807, 99999999999999999999 // 10):
        r = get(s.srv, f"/projects/{org.project_id}/submissions/{bad}")
        assert r.status_code == 404, (bad, r.text)
    for bad in ("abc", "12x", "-1", "1.5"):
        r = get(s.srv, f"/projects/{org.project_id}/submissions/{bad}")
        assert r.status_code in (404, 422), (bad, r.text)
    with native(s.srv) as api:
        p2 = api.post("/projects", json={"name": "elsewhere"}).json()["id"]
    assert get(s.srv, f"/projects/{p2}/submissions/{s.label}").status_code == 404
    other_org = stranger(server)
    assert get(other_org, f"/projects/{org.project_id}/submissions/{s.label}").status_code == 404
    assert (
        get(other_org, f"/projects/{other_org.seed.project_id}/submissions/{s.label}").status_code
        == 404
    )


# ---- node history ---------------------------------------------------------------------------


def test_node_history(server, org):
    s = story(server, org)
    path = node_url(s.srv, s.wf["id"], s.label) + "/history"
    history = ok(s.srv, path, s.worker_key)
    assert set(history) == PAGE_KEYS
    items = history["items"]
    types = [e["type"] for e in items]
    assert types[:3] == ["node.available", "node.claimed", "node.submitted"]
    assert "review.rejected" in types and "review.passed" in types
    assert types.count("node.submitted") == 2 and types.count("node.claimed") == 2
    assert [e["id"] for e in items] == sorted(e["id"] for e in items)
    submitted = [e for e in items if e["type"] == "node.submitted"]
    assert [e["submission"]["attempt_number"] for e in submitted] == [1, 2]
    assert [e["submission"]["values"]["label"] for e in submitted] == ["ham", "spam"]
    assert {e["user_id"] for e in submitted} == {s.worker_id}
    assert all(e["user_email"].endswith("@example.com") for e in submitted)
    rejected = next(e for e in items if e["type"] == "review.rejected")
    assert rejected["user_id"] == org.user_id and rejected["node_db_id"] == s.check
    assert rejected["submission"]["values"]["decision"] == "fail"
    assert rejected["submission"]["values"]["comment"] == "redo"
    claimed = next(e for e in items if e["type"] == "node.claimed")
    assert claimed["submission"] is None and claimed["at"].endswith("Z")
    # released claims show too
    page = ok(s.srv, path, page_size=2)
    assert page["has_more"] is True and page["total"] == len(items)

    # The review node's own history.
    review_history = ok(s.srv, node_url(s.srv, s.wf["id"], s.check) + "/history")
    assert "review.passed" in [e["type"] for e in review_history["items"]]

    # Another workflow, project or organization: 404.
    other = labelling(s.srv)
    r = get(s.srv, node_url(s.srv, other["id"], s.label) + "/history")
    assert r.status_code == 404
    other_org = stranger(server)
    r = get(other_org, f"/projects/{org.project_id}/workflows/{s.wf['id']}/nodes/{s.label}/history")
    assert r.status_code == 404
    assert get(s.srv, node_url(s.srv, s.wf["id"], 999999999) + "/history").status_code == 404


def test_history_shows_a_release(server, org):
    srv = as_seed(server, org)
    nodes = [node("start", "start"), node("label", "subtask", **FORM), node("end", "end")]
    wf = flow(srv, nodes, chain("start", "label", "end"), INPUT)
    (task_id,) = create_tasks(srv, wf["id"], [{"text": "a"}])
    label = nodes_by_id(wait_task(srv, wf["id"], task_id, until=node_ready("label")))["label"]
    open_node(srv, wf, label["node_db_id"], "subtask")
    post(srv, wf, label["node_db_id"], "release")
    items = ok(srv, node_url(srv, wf["id"], label["node_db_id"]) + "/history")["items"]
    assert [e["type"] for e in items] == ["node.available", "node.claimed", "node.released"]
    assert {e["user_id"] for e in items[1:]} == {org.user_id}


# ---- with-linked ---------------------------------------------------------------------------


def test_node_with_linked(server, org):
    s = story(server, org)
    linked = ok(s.srv, node_url(s.srv, s.wf["id"], s.label) + "/with-linked", s.worker_key)
    assert linked["node"]["node_db_id"] == s.label and linked["node"]["kind"] == "subtask"
    assert linked["node"]["instructions"] == "Label the text"
    assert [n["node_id"] for n in linked["upstream"]] == ["start"]
    assert linked["upstream"][0]["kind"] == "start"
    assert linked["upstream"][0]["status"] == "finished"
    assert [n["node_id"] for n in linked["downstream"]] == ["check"]
    assert linked["downstream"][0]["node_db_id"] == s.check
    assert linked["downstream"][0]["subtask"]["node_id"] == "label"

    check = ok(s.srv, node_url(s.srv, s.wf["id"], s.check) + "/with-linked")
    assert [n["node_id"] for n in check["upstream"]] == ["label"]
    assert [n["node_id"] for n in check["downstream"]] == ["end"]

    other_org = stranger(server)
    r = get(
        other_org, f"/projects/{org.project_id}/workflows/{s.wf['id']}/nodes/{s.label}/with-linked"
    )
    assert r.status_code == 404
    r = get(s.srv, node_url(s.srv, s.wf["id"] + 10**6, s.label) + "/with-linked")
    assert r.status_code == 404


def test_with_linked_shows_nodes_not_reached_yet(server, org):
    srv = as_seed(server, org)
    nodes = [
        node("start", "start"),
        node("label", "subtask", **FORM),
        node("check", "review"),
        node("end", "end"),
    ]
    wf = flow(srv, nodes, chain("start", "label", "check", "end"), INPUT)
    (task_id,) = create_tasks(srv, wf["id"], [{"text": "a"}])
    label = nodes_by_id(wait_task(srv, wf["id"], task_id, until=node_ready("label")))["label"]
    linked = ok(srv, node_url(srv, wf["id"], label["node_db_id"]) + "/with-linked")
    (check,) = linked["downstream"]
    assert check["node_id"] == "check" and check["status"] == "pending"


@pytest.mark.parametrize("suffix", ["history", "with-linked"])
def test_node_reads_need_a_known_node(server, suffix):
    r = get(server, f"/projects/{server.seed.project_id}/workflows/1/nodes/1/{suffix}")
    assert r.status_code == 404
