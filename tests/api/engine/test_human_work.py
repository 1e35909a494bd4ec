"""Subtask and review nodes through the node-work operations the pipelines-sdk calls."""

from __future__ import annotations

import time

import pytest

from tests.api.engine.helpers import (
    chain,
    create_tasks,
    flow,
    get_task,
    node,
    node_ready,
    node_url,
    nodes_by_id,
    task_url,
    timeline,
    user_key,
    wait_task,
)
from tests.api.helpers import native, v1

INPUT = [{"name": "text", "type": "short_text", "required": True}]
FORM = {
    "instructions": "Label the text",
    "fields": [
        {"name": "text", "type": "short_text", "source": "input"},
        {"name": "label", "type": "select", "options": ["spam", "ham"], "required": True},
        {"name": "score", "type": "rating", "max_rating": 5, "required": True},
        {"name": "origin", "type": "short_text", "source": "static", "value": "human"},
    ],
}


def labelling(server, review: dict | None = None):
    nodes = [node("start", "start"), node("label", "subtask", **FORM)]
    ids = ["start", "label"]
    if review is not None:
        nodes.append(node("check", "review", **review))
        ids.append("check")
    nodes.append(node("end", "end"))
    ids.append("end")
    return flow(server, nodes, chain(*ids), INPUT)


def open_node(server, wf, node_db_id, key=None, kind="subtask"):
    with native(server, key) as api:
        return api.get(node_url(server, wf["id"], node_db_id) + f"/{kind}")


def post(server, wf, node_db_id, action, key=None, json=None):
    with native(server, key) as api:
        return api.post(node_url(server, wf["id"], node_db_id) + f"/{action}", json=json)


def test_subtask_claim_submit_and_the_409s(server):
    wf = labelling(server)
    (task_id,) = create_tasks(server, wf["id"], [{"text": "buy now"}])
    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    assert task["status"] == "in_progress"
    label = nodes_by_id(task)["label"]["node_db_id"]
    other_id, other_key = user_key(server)

    # Opening claims it: prefilled from the task input and the static value.
    r = open_node(server, wf, label)
    assert r.status_code == 200, r.text
    form = r.json()
    assert form["status"] == "claimed" and form["assignee_id"] == server.seed.user_id
    assert form["values"] == {"text": "buy now", "origin": "human"}
    assert form["instructions"] == "Label the text"
    assert [f["name"] for f in form["fields"]] == ["text", "label", "score", "origin"]
    assert form["lease_expires_at"]

    # Exclusive: another user gets 409, and cannot submit or release it.
    assert open_node(server, wf, label, other_key).status_code == 409
    r = post(
        server, wf, label, "submit-subtask", other_key, {"values": {"label": "spam", "score": 1}}
    )
    assert r.status_code == 409
    assert post(server, wf, label, "release", other_key).status_code == 409

    # Every field error at once, nothing recorded.
    r = post(server, wf, label, "submit-subtask", json={"values": {"label": "eggs", "bogus": 1}})
    assert r.status_code == 422, r.text
    messages = " ".join(d["msg"] for d in r.json()["detail"])
    assert "label" in messages and "bogus" in messages and "score" in messages
    assert nodes_by_id(get_task(server, wf["id"], task_id))["label"]["status"] == "claimed"

    r = post(server, wf, label, "submit-subtask", json={"values": {"label": "spam", "score": 4}})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "finished"
    task = wait_task(server, wf["id"], task_id)
    assert task["status"] == "finished"
    assert task["output"] == {"text": "buy now", "label": "spam", "score": 4, "origin": "human"}

    # Submitting twice is 409.
    r = post(server, wf, label, "submit-subtask", json={"values": {"label": "ham", "score": 1}})
    assert r.status_code == 409
    types = [e["type"] for e in timeline(server, wf["id"], task_id)]
    assert (
        types.index("node.claimed") < types.index("node.submitted") < types.index("task.finished")
    )
    claimed = next(e for e in timeline(server, wf["id"], task_id) if e["type"] == "node.claimed")
    assert claimed["actor_id"] == server.seed.user_id


def test_release_my_work_and_views(server):
    wf = labelling(server)
    (task_id,) = create_tasks(server, wf["id"], [{"text": "hello"}])
    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    label = nodes_by_id(task)["label"]["node_db_id"]
    _, other_key = user_key(server)
    with native(server, other_key) as api:
        mine = api.get("/my-work", params={"page_size": 200}).json()
        in_project = api.get(f"/projects/{server.seed.project_id}/my-work").json()
    assert label in [i["node_db_id"] for i in mine["items"]]
    assert label in [i["node_db_id"] for i in in_project["items"]]

    # A read-only view claims nothing.
    with native(server) as api:
        r = api.get(node_url(server, wf["id"], label) + "/subtask/view")
    assert r.status_code == 200 and r.json()["status"] == "available"

    assert open_node(server, wf, label).status_code == 200
    with native(server, other_key) as api:
        mine = api.get("/my-work", params={"page_size": 200}).json()
    assert label not in [i["node_db_id"] for i in mine["items"]]
    with native(server) as api:
        mine = api.get("/my-work", params={"page_size": 200, "kind": "subtask"}).json()
    item = next(i for i in mine["items"] if i["node_db_id"] == label)
    assert item["claimed_by_me"] is True and item["status"] == "claimed"

    r = post(server, wf, label, "release")
    assert r.status_code == 200 and r.json()["status"] == "available"
    assert open_node(server, wf, label, other_key).status_code == 200
    # The wrong kind and another workflow's path are 404.
    assert open_node(server, wf, label, other_key, kind="review").status_code == 404
    with native(server) as api:
        r = api.get(f"/projects/{server.seed.project_id}/workflows/999999/nodes/{label}/subtask")
    assert r.status_code == 404


def test_a_lapsed_claim_can_be_taken_over(make_server):
    server = make_server(env={"PIPELINES_CLAIM_LEASE_SECONDS": "1"})
    wf = labelling(server)
    (task_id,) = create_tasks(server, wf["id"], [{"text": "x"}])
    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    label = nodes_by_id(task)["label"]["node_db_id"]
    _, other_key = user_key(server)
    assert open_node(server, wf, label).status_code == 200
    time.sleep(1.5)
    r = open_node(server, wf, label, other_key)
    assert r.status_code == 200, r.text
    # The first holder's lease ended: its submission is refused.
    r = post(server, wf, label, "submit-subtask", json={"values": {"label": "ham", "score": 2}})
    assert r.status_code == 409


def _submit(server, wf, node_db_id, key, values):
    assert open_node(server, wf, node_db_id, key).status_code == 200
    r = post(server, wf, node_db_id, "submit-subtask", key, {"values": values})
    assert r.status_code == 200, r.text
    return r.json()


def _review(server, wf, node_db_id, key, decision):
    r = open_node(server, wf, node_db_id, key, kind="review")
    assert r.status_code == 200, r.text
    r = post(server, wf, node_db_id, "submit-review", key, {"decision": decision, "comment": "c"})
    assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.parametrize("rule", ["same_worker", "pool", "pool_exclude_original"])
def test_review_rejection_routing(server, rule):
    wf = labelling(server, {"on_reject": rule, "max_rereviews": 1})
    (task_id,) = create_tasks(server, wf["id"], [{"text": "t"}])
    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    nodes = nodes_by_id(task)
    label, check = nodes["label"]["node_db_id"], nodes["check"]["node_db_id"]
    worker_id, worker = user_key(server)
    _, reviewer = user_key(server)
    _, third = user_key(server)
    assert (
        _submit(server, wf, label, worker, {"label": "spam", "score": 3})["status"] == "submitted"
    )
    task = wait_task(server, wf["id"], task_id, until=node_ready("check"))
    assert nodes_by_id(task)["label"]["status"] == "submitted"

    view = _review(server, wf, check, reviewer, "fail")
    assert view["rejections"] == 1 and view["status"] == "pending"
    task = get_task(server, wf["id"], task_id)
    assert nodes_by_id(task)["label"]["status"] == "available"
    assert nodes_by_id(task)["label"]["attempt"] == 2
    expected = {
        "same_worker": {worker: 200, third: 409},
        "pool": {third: 200},
        "pool_exclude_original": {worker: 409, third: 200},
    }[rule]
    for key, status in expected.items():
        r = open_node(server, wf, label, key)
        assert r.status_code == status, (rule, r.text)
        if status == 200:
            assert post(server, wf, label, "release", key).status_code == 200


def test_review_pass_fail_limits_and_no_self_review(server):
    wf = labelling(server, {"max_rereviews": 1})
    (task_id, second) = create_tasks(server, wf["id"], [{"text": "a"}, {"text": "b"}])
    _, worker = user_key(server)
    _, reviewer = user_key(server)

    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    label, check = (nodes_by_id(task)[n]["node_db_id"] for n in ("label", "check"))
    _submit(server, wf, label, worker, {"label": "spam", "score": 3})
    wait_task(server, wf["id"], task_id, until=node_ready("check"))
    # No self-review (the default): not offered in my-work, and 403 when opened anyway.
    with native(server, worker) as api:
        offered = [
            i["node_db_id"] for i in api.get("/my-work", params={"page_size": 200}).json()["items"]
        ]
    assert check not in offered
    with native(server, reviewer) as api:
        offered = [
            i["node_db_id"] for i in api.get("/my-work", params={"page_size": 200}).json()["items"]
        ]
    assert check in offered
    assert open_node(server, wf, check, worker, kind="review").status_code == 403
    _review(server, wf, check, reviewer, "fail")  # back to the pool (rejection 1 of 1)
    _submit(server, wf, label, worker, {"label": "ham", "score": 5})
    wait_task(server, wf["id"], task_id, until=node_ready("check"))
    view = _review(server, wf, check, reviewer, "fail")  # rejection 2 > 1: quarantined
    assert view["status"] == "quarantined"
    task = wait_task(server, wf["id"], task_id, until=lambda t: t["status"] == "quarantined")
    with v1(server) as api:
        assert api.get(f"/workflows/{wf['id']}/tasks/{task_id}").json()["status"] == "quarantined"

    task = wait_task(server, wf["id"], second, until=node_ready("label"))
    label, check = (nodes_by_id(task)[n]["node_db_id"] for n in ("label", "check"))
    _submit(server, wf, label, worker, {"label": "ham", "score": 2})
    wait_task(server, wf["id"], second, until=node_ready("check"))
    view = _review(server, wf, check, reviewer, "pass")
    assert view["status"] == "finished"
    task = wait_task(server, wf["id"], second)
    assert task["status"] == "finished"
    assert nodes_by_id(task)["label"]["status"] == "finished"
    assert task["output"]["decision"] == "pass"
    assert task["output"]["values"]["label"] == "ham"
    # Submitting a review twice is 409.
    r = post(server, wf, check, "submit-review", reviewer, {"decision": "fail"})
    assert r.status_code == 409


def test_exhausted_reviews_escalate_when_configured(server):
    wf = labelling(server, {"max_rereviews": 0, "on_exhausted": "escalate"})
    (task_id,) = create_tasks(server, wf["id"], [{"text": "a"}])
    _, worker = user_key(server)
    _, reviewer = user_key(server)
    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    label, check = (nodes_by_id(task)[n]["node_db_id"] for n in ("label", "check"))
    _submit(server, wf, label, worker, {"label": "spam", "score": 3})
    wait_task(server, wf["id"], task_id, until=node_ready("check"))
    assert _review(server, wf, check, reviewer, "fail")["status"] == "escalated"
    assert get_task(server, wf["id"], task_id)["status"] == "escalated"


def test_pause_resume_and_cancel(server):
    source = "def main(data):\n    return data['input']\n"
    wf = flow(
        server,
        [
            node("start", "start"),
            node("label", "subtask", **FORM),
            node("code", "code", source=source),
            node("end", "end"),
        ],
        chain("start", "label", "code", "end"),
        INPUT,
    )
    base = f"/projects/{server.seed.project_id}/workflows/{wf['id']}"
    running, cancelled = create_tasks(server, wf["id"], [{"text": "a"}, {"text": "b"}])
    task = wait_task(server, wf["id"], running, until=node_ready("label"))
    label = nodes_by_id(task)["label"]["node_db_id"]
    assert open_node(server, wf, label).status_code == 200
    with native(server) as api:
        assert api.post(base + "/pause").status_code == 200
    assert get_task(server, wf["id"], running)["status"] == "paused"
    with v1(server) as api:
        assert api.get(f"/workflows/{wf['id']}/tasks/{running}").json()["status"] == "paused"
    # A paused task's nodes cannot be submitted (or opened).
    r = post(server, wf, label, "submit-subtask", json={"values": {"label": "ham", "score": 1}})
    assert r.status_code == 409
    with native(server) as api:
        assert api.post(base + "/activate").status_code == 200
    assert get_task(server, wf["id"], running)["status"] == "in_progress"
    r = post(server, wf, label, "submit-subtask", json={"values": {"label": "ham", "score": 1}})
    assert r.status_code == 200, r.text
    assert wait_task(server, wf["id"], running)["status"] == "finished"

    with native(server) as api:
        r = api.post(task_url(server, wf["id"], cancelled) + "/cancel")
        assert r.status_code == 200, r.text
        assert r.json()["status"] == "cancelled"
        assert {n["status"] for n in r.json()["nodes"]} <= {"finished", "na"}
        assert api.post(task_url(server, wf["id"], cancelled) + "/cancel").status_code == 409
    with v1(server) as api:
        assert api.get(f"/workflows/{wf['id']}/tasks/{cancelled}").json()["status"] == "failed"
    types = [e["type"] for e in timeline(server, wf["id"], running)]
    assert "task.paused" in types and "task.resumed" in types


def test_machine_nodes_wait_while_the_workflow_is_paused(server):
    source = "def main(data):\n    return 1\n"
    wf = flow(
        server,
        [node("start", "start"), node("code", "code", source=source), node("end", "end")],
        chain("start", "code", "end"),
    )
    base = f"/projects/{server.seed.project_id}/workflows/{wf['id']}"
    with native(server) as api:
        assert api.post(base + "/pause").status_code == 200
    (task_id,) = create_tasks(server, wf["id"], [{}])
    time.sleep(1.5)
    task = get_task(server, wf["id"], task_id)
    assert task["status"] == "paused" and task["started_at"] is None
    with native(server) as api:
        assert api.post(base + "/activate").status_code == 200
    assert wait_task(server, wf["id"], task_id)["status"] == "finished"
