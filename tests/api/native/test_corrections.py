"""Corrections of human nodes over real HTTP: reverts, admin edits and submissions, review
verdict changes, resolving escalated and quarantined reviews, refreshed inputs, and who may
do each."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from pipelines_server.store.models import NodeSubmission
from tests.api.engine.helpers import (
    chain,
    create_tasks,
    flow,
    get_task,
    node,
    node_ready,
    node_url,
    nodes_by_id,
    timeline,
    user_key,
    wait_task,
)
from tests.api.helpers import database, native
from tests.api.native.conftest import as_org
from tests.support.webhook_receiver import WebhookReceiver

INPUT = [{"name": "text", "type": "short_text", "required": True}]
FORM = {
    "fields": [
        {"name": "text", "type": "short_text", "source": "input"},
        {"name": "label", "type": "select", "options": ["spam", "ham"], "required": True},
        {"name": "score", "type": "rating", "max_rating": 5, "required": True},
    ],
}
NOTE = {"fields": [{"name": "note", "type": "short_text", "required": True}]}
# Every admin-only correction, with the node (of `reviewed`) it is meant for.
ADMIN_ROUTES = [
    ("revert/1", None, "label"),
    ("admin-edit-subtask", {"values": {"label": "ham"}}, "label"),
    ("admin-submit-subtask", {"values": {"label": "ham", "score": 1}}, "label"),
    ("admin-edit-review", {"decision": "fail"}, "check"),
    ("admin-submit-review", {"decision": "pass"}, "check"),
    ("admin-inline-edit", {"field": "label", "value": "ham"}, "label"),
    ("admin-resolve", {"action": "pass"}, "check"),
]


def two_steps(server):
    """start -> label (subtask) -> note (subtask) -> end."""
    nodes = [
        node("start", "start"),
        node("label", "subtask", **FORM),
        node("note", "subtask", **NOTE),
        node("end", "end"),
    ]
    return flow(server, nodes, chain("start", "label", "note", "end"), INPUT)


def reviewed(server, **review):
    """start -> label (subtask) -> check (review) -> end."""
    nodes = [
        node("start", "start"),
        node("label", "subtask", **FORM),
        node("check", "review", **review),
        node("end", "end"),
    ]
    return flow(server, nodes, chain("start", "label", "check", "end"), INPUT)


def post(server, wf, node_db_id, action, key=None, json=None, once=None):
    """POSTs a correction; `once` is an Idempotency-Key."""
    headers = {"Idempotency-Key": once} if once else None
    with native(server, key) as api:
        return api.post(
            node_url(server, wf["id"], node_db_id) + f"/{action}", json=json, headers=headers
        )


def ok(r, status=200):
    assert r.status_code == status, r.text
    return r.json() if r.content else None


def work(server, wf, node_db_id, key, values, kind="subtask"):
    """A worker opens (claims) and submits a human node."""
    with native(server, key) as api:
        ok(api.get(node_url(server, wf["id"], node_db_id) + f"/{kind}"))
    action = "submit-subtask" if kind == "subtask" else "submit-review"
    body = {"values": values} if kind == "subtask" else values
    return ok(post(server, wf, node_db_id, action, key, body))


def ids(task):
    return {n: v["node_db_id"] for n, v in nodes_by_id(task).items()}


def submissions_of(server, node_db_id):
    ns = NodeSubmission.__table__
    with database(server) as s:
        rows = s.execute(
            select(ns.c.attempt_number, ns.c.via, ns.c.user_id, ns.c["values"])
            .where(ns.c.node_instance_id == node_db_id)
            .order_by(ns.c.attempt_number)
        ).all()
    return [r._asdict() for r in rows]


def finished_two_steps(server, worker):
    wf = two_steps(server)
    (task_id,) = create_tasks(server, wf["id"], [{"text": "buy"}])
    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    n = ids(task)
    work(server, wf, n["label"], worker, {"label": "spam", "score": 2})
    wait_task(server, wf["id"], task_id, until=node_ready("note"))
    work(server, wf, n["note"], worker, {"note": "first"})
    task = wait_task(server, wf["id"], task_id)
    assert task["status"] == "finished"
    return wf, task_id, n


def test_edits_and_revert_reopen_a_finished_task_and_rerun_what_followed(server):
    worker_id, worker = user_key(server)
    wf, task_id, n = finished_two_steps(server, worker)

    # One field changed: validated alone, recorded, the task reopens and `note` runs again.
    r = post(server, wf, n["label"], "admin-inline-edit", json={"field": "score", "value": 9})
    assert r.status_code == 422 and "score" in r.text
    r = post(server, wf, n["label"], "admin-inline-edit", json={"field": "bogus", "value": 1})
    assert r.status_code == 422 and "bogus" in r.text
    view = ok(
        post(server, wf, n["label"], "admin-inline-edit", json={"field": "label", "value": "ham"})
    )
    assert view["status"] == "finished" and view["output"]["label"] == "ham"
    task = get_task(server, wf["id"], task_id)
    assert task["status"] == "in_progress"
    assert task["finished_at"] is None and task["output"] is None
    assert nodes_by_id(task)["note"]["status"] == "available"
    assert nodes_by_id(task)["note"]["input"]["label"] == "ham"

    # A whole edit merges over the values; every field error is listed.
    r = post(
        server, wf, n["label"], "admin-edit-subtask", json={"values": {"label": "x", "score": 0}}
    )
    assert r.status_code == 422
    messages = " ".join(d["msg"] for d in r.json()["detail"])
    assert "label" in messages and "score" in messages
    view = ok(post(server, wf, n["label"], "admin-edit-subtask", json={"values": {"score": 5}}))
    assert view["output"] == {"text": "buy", "label": "ham", "score": 5}

    # Back to the worker's own submission: the values return, what followed runs again.
    assert post(server, wf, n["label"], "revert/9").status_code == 404
    view = ok(post(server, wf, n["label"], "revert/1"))
    assert view["output"] == {"text": "buy", "label": "spam", "score": 2}
    work(server, wf, n["note"], worker, {"note": "second"})
    task = wait_task(server, wf["id"], task_id)
    assert task["status"] == "finished"
    assert task["output"]["note"] == "second"
    assert nodes_by_id(task)["note"]["input"]["label"] == "spam"

    history = submissions_of(server, n["label"])
    assert [h["via"] for h in history] == ["worker", "inline_edit", "admin_edit", "revert"]
    assert history[0]["user_id"] == worker_id
    assert history[1]["user_id"] == server.seed.user_id
    events = timeline(server, wf["id"], task_id)
    types = [e["type"] for e in events]
    assert types.count("task.reopened") == 1  # the task was finished only the first time
    assert types.count("task.finished") == 2
    for kind in ("node.inline_edited", "node.admin_edited", "node.reverted"):
        assert kind in types
        assert next(e for e in events if e["type"] == kind)["actor_id"] == server.seed.user_id
    reverted = next(e for e in events if e["type"] == "node.reverted")
    assert reverted["data"]["to_attempt"] == 1 and reverted["data"]["submission"] == 4


def test_corrections_of_work_not_submitted_and_of_cancelled_tasks_are_409(server):
    wf = two_steps(server)
    (task_id,) = create_tasks(server, wf["id"], [{"text": "a"}])
    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    n = ids(task)
    for action, body in (
        ("admin-edit-subtask", {"values": {"label": "ham"}}),
        ("admin-inline-edit", {"field": "label", "value": "ham"}),
    ):
        assert post(server, wf, n["label"], action, json=body).status_code == 409
    # Reviews only for the review operations, subtasks only for the subtask ones.
    assert post(server, wf, n["label"], "admin-resolve", json={"action": "pass"}).status_code == 404
    assert post(server, wf, n["note"], "revert/1").status_code == 404  # no submission yet
    ok(
        post(
            server,
            wf,
            n["label"],
            "admin-submit-subtask",
            json={"values": {"label": "ham", "score": 1}},
        )
    )
    assert (
        post(server, wf, n["label"], "admin-submit-subtask", json={"values": {}}).status_code == 409
    )
    with native(server) as api:
        ok(
            api.post(
                f"/projects/{server.seed.project_id}/workflows/{wf['id']}/tasks/{task_id}/cancel"
            )
        )
    assert post(server, wf, n["label"], "revert/1").status_code == 409
    r = post(server, wf, n["label"], "admin-edit-subtask", json={"values": {"label": "spam"}})
    assert r.status_code == 409


def test_admin_submits_open_nodes_on_behalf_of_the_workers(server):
    worker_id, worker = user_key(server)
    wf = reviewed(server)
    (task_id,) = create_tasks(server, wf["id"], [{"text": "t"}])
    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    n = ids(task)
    with native(server, worker) as api:  # claimed by a worker: the admin submits anyway
        ok(api.get(node_url(server, wf["id"], n["label"]) + "/subtask"))
    r = post(server, wf, n["label"], "admin-submit-subtask", json={"values": {"label": "nope"}})
    assert r.status_code == 422
    view = ok(
        post(
            server,
            wf,
            n["label"],
            "admin-submit-subtask",
            json={"values": {"label": "ham", "score": 4}},
        )
    )
    assert view["status"] == "submitted"
    wait_task(server, wf["id"], task_id, until=node_ready("check"))
    # The admin submitted the subtask; no-self-review does not stop an admin's verdict.
    r = post(server, wf, n["check"], "admin-submit-review", json={"decision": "maybe"})
    assert r.status_code == 422
    view = ok(
        post(
            server,
            wf,
            n["check"],
            "admin-submit-review",
            json={"decision": "pass", "comment": "ok"},
        )
    )
    assert view["status"] == "finished"
    task = wait_task(server, wf["id"], task_id)
    assert task["status"] == "finished" and task["output"]["values"]["label"] == "ham"
    assert [h["via"] for h in submissions_of(server, n["label"])] == ["admin_submit"]
    assert [h["via"] for h in submissions_of(server, n["check"])] == ["admin_submit"]
    types = [e["type"] for e in timeline(server, wf["id"], task_id)]
    assert types.count("node.admin_submitted") == 2
    assert worker_id  # the worker's claim did not stop the admin


def test_admin_edit_review_pass_to_fail_and_back(server):
    _, worker = user_key(server)
    _, reviewer = user_key(server)
    wf = reviewed(server, max_rereviews=2)
    (task_id,) = create_tasks(server, wf["id"], [{"text": "t"}])
    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    n = ids(task)
    work(server, wf, n["label"], worker, {"label": "spam", "score": 3})
    wait_task(server, wf["id"], task_id, until=node_ready("check"))
    # No verdict yet: nothing to edit.
    assert (
        post(server, wf, n["check"], "admin-edit-review", json={"decision": "fail"}).status_code
        == 409
    )
    work(server, wf, n["check"], reviewer, {"decision": "pass", "comment": "fine"}, kind="review")
    assert wait_task(server, wf["id"], task_id)["status"] == "finished"

    # Same decision: only the comment changes, the task stays finished.
    view = ok(
        post(
            server,
            wf,
            n["check"],
            "admin-edit-review",
            json={"decision": "pass", "comment": "good"},
        )
    )
    assert view["output"]["comment"] == "good" and view["status"] == "finished"
    assert get_task(server, wf["id"], task_id)["status"] == "finished"

    # pass -> fail: the task reopens and the subtask is sent back as a rejection does.
    view = ok(
        post(
            server, wf, n["check"], "admin-edit-review", json={"decision": "fail", "comment": "no"}
        )
    )
    assert view["status"] == "pending" and view["rejections"] == 1
    task = get_task(server, wf["id"], task_id)
    assert task["status"] == "in_progress" and task["output"] is None
    assert nodes_by_id(task)["label"]["status"] == "available"
    assert nodes_by_id(task)["end"]["status"] == "pending"

    # fail -> pass: the work sent back stands after all, and the graph goes on.
    view = ok(post(server, wf, n["check"], "admin-edit-review", json={"decision": "pass"}))
    assert view["status"] == "finished"
    task = wait_task(server, wf["id"], task_id)
    assert task["status"] == "finished"
    assert task["output"]["values"]["label"] == "spam"
    assert nodes_by_id(task)["label"]["status"] == "finished"
    vias = [h["via"] for h in submissions_of(server, n["check"])]
    assert vias == ["worker", "admin_edit", "admin_edit", "admin_edit"]
    edits = [e for e in timeline(server, wf["id"], task_id) if e["type"] == "node.admin_edited"]
    assert [(e["data"]["previous"], e["data"]["decision"]) for e in edits] == [
        ("pass", "pass"),
        ("pass", "fail"),
        ("fail", "pass"),
    ]


@pytest.mark.parametrize("exhausted", ["quarantine", "escalate"])
def test_resolving_escalated_and_quarantined_reviews(server, exhausted):
    _, worker = user_key(server)
    _, reviewer = user_key(server)
    wf = reviewed(server, max_rereviews=0, on_exhausted=exhausted)
    outcome = "escalated" if exhausted == "escalate" else "quarantined"
    first, second = create_tasks(server, wf["id"], [{"text": "a"}, {"text": "b"}])

    def stuck(task_id):
        task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
        n = ids(task)
        work(server, wf, n["label"], worker, {"label": "spam", "score": 1})
        wait_task(server, wf["id"], task_id, until=node_ready("check"))
        view = work(server, wf, n["check"], reviewer, {"decision": "fail"}, kind="review")
        assert view["status"] == outcome
        return n

    n = stuck(first)
    assert get_task(server, wf["id"], first)["status"] == outcome
    r = post(server, wf, n["check"], "admin-resolve", json={"action": "shrug"})
    assert r.status_code == 422
    # send_back: another round, the rejection count reset.
    view = ok(post(server, wf, n["check"], "admin-resolve", json={"action": "send_back"}))
    assert view["status"] == "pending" and view["rejections"] == 0
    task = get_task(server, wf["id"], first)
    assert task["status"] == "in_progress"
    assert nodes_by_id(task)["label"]["status"] == "available"
    assert post(server, wf, n["check"], "admin-resolve", json={"action": "pass"}).status_code == 409
    work(server, wf, n["label"], worker, {"label": "ham", "score": 2})
    wait_task(server, wf["id"], first, until=node_ready("check"))
    work(server, wf, n["check"], reviewer, {"decision": "fail"}, kind="review")
    # pass: the subtask's values stand, the graph goes on.
    view = ok(
        post(server, wf, n["check"], "admin-resolve", json={"action": "pass", "comment": "ok"})
    )
    assert view["status"] == "finished"
    task = wait_task(server, wf["id"], first)
    assert task["status"] == "finished" and task["output"]["values"]["label"] == "ham"
    events = timeline(server, wf["id"], first)
    resolved = [e["data"]["action"] for e in events if e["type"] == "node.resolved"]
    assert resolved == ["send_back", "pass"]

    # fail: the node fails, and the task with it.
    n = stuck(second)
    view = ok(
        post(server, wf, n["check"], "admin-resolve", json={"action": "fail", "comment": "junk"})
    )
    assert view["status"] == "failed"
    task = wait_task(server, wf["id"], second)
    assert task["status"] == "failed" and "junk" in task["error"]
    assert [h["via"] for h in submissions_of(server, n["check"])] == ["worker", "resolve"]


def test_refresh_prev_node_info(server):
    holder_id, holder = user_key(server)
    _, other = user_key(server)
    wf = two_steps(server)
    (task_id,) = create_tasks(server, wf["id"], [{"text": "x"}])
    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    n = ids(task)
    work(server, wf, n["label"], holder, {"label": "spam", "score": 2})
    wait_task(server, wf["id"], task_id, until=node_ready("note"))
    with native(server, holder) as api:
        ok(api.get(node_url(server, wf["id"], n["note"]) + "/subtask"))

    # Only the holder or an admin; the claim stays.
    assert post(server, wf, n["note"], "refresh-prev-node-info", other).status_code == 403
    view = ok(post(server, wf, n["note"], "refresh-prev-node-info", holder))
    assert view["status"] == "claimed" and view["assignee_id"] == holder_id
    assert view["input"]["label"] == "spam"
    view = ok(post(server, wf, n["note"], "refresh-prev-node-info"))
    assert view["assignee_id"] == holder_id
    # Not open: 409; not a human node: 404.
    assert post(server, wf, n["label"], "refresh-prev-node-info").status_code == 409
    start = ids(get_task(server, wf["id"], task_id))["start"]
    assert post(server, wf, start, "refresh-prev-node-info").status_code == 404
    refreshed = [e for e in timeline(server, wf["id"], task_id) if e["type"] == "node.refreshed"]
    assert [e["data"]["changed"] for e in refreshed] == [False, False]


def test_only_admins_correct_and_other_organizations_see_nothing(server, org):
    _, worker = user_key(server)
    _, reviewer = user_key(server)
    _, member = user_key(server)
    removed_id, removed = user_key(server, role="org_admin")
    with native(server) as api:
        ok(api.delete(f"/organizations/{server.seed.org_id}/users/{removed_id}"), 204)
    wf = reviewed(server)
    (task_id,) = create_tasks(server, wf["id"], [{"text": "t"}])
    n = ids(wait_task(server, wf["id"], task_id, until=node_ready("label")))
    work(server, wf, n["label"], worker, {"label": "spam", "score": 2})
    wait_task(server, wf["id"], task_id, until=node_ready("check"))
    work(server, wf, n["check"], reviewer, {"decision": "pass"}, kind="review")
    assert wait_task(server, wf["id"], task_id)["status"] == "finished"
    other = as_org(server, org)
    for action, body, node_id in ADMIN_ROUTES:
        target = n[node_id]  # the review operations on the review node itself
        r = post(server, wf, target, action, member, body)
        assert r.status_code == 403, (action, r.text)
        r = post(server, wf, target, action, removed, body)
        assert r.status_code == 403, (action, r.text)
        with native(other) as api:
            r = api.post(node_url(server, wf["id"], target) + f"/{action}", json=body)
        assert r.status_code == 404, (action, r.text)
    with native(other) as api:
        r = api.post(node_url(server, wf["id"], n["check"]) + "/refresh-prev-node-info")
    assert r.status_code == 404
    # Nothing changed.
    assert [h["via"] for h in submissions_of(server, n["label"])] == ["worker"]
    assert [h["via"] for h in submissions_of(server, n["check"])] == ["worker"]
    assert get_task(server, wf["id"], task_id)["status"] == "finished"


def test_bodies_are_validated(server):
    _, worker = user_key(server)
    wf, _, n = finished_two_steps(server, worker)
    for action, body in (
        ("admin-edit-subtask", {}),
        ("admin-edit-subtask", {"values": "x"}),
        ("admin-submit-subtask", {"values": {}, "extra": 1}),
        ("admin-inline-edit", {"value": 1}),
        ("admin-edit-review", {"comment": "c"}),
        ("admin-submit-review", {"decision": "pass", "comment": 3}),
        ("admin-resolve", {}),
    ):
        r = post(server, wf, n["label"], action, json=body)
        assert r.status_code in (400, 422), (action, r.text)
        assert r.status_code == 422, (action, r.text)
    assert post(server, wf, n["label"], "revert/0").status_code in (400, 422)


def test_nodes_inside_a_loop_body_are_not_corrected(server):
    make = "def main(data):\n    return [1, 2]\n"
    nodes = [
        node("start", "start"),
        node("make", "code", source=make),
        node("each", "loop", over="input", max_iterations=5),
        node("label", "subtask", **NOTE),
        node("end", "end"),
    ]
    edges = [
        {"source": "start", "target": "make"},
        {"source": "make", "target": "each"},
        {"source": "each", "target": "label", "source_port": "body"},
        {"source": "label", "target": "each", "target_port": "next"},
        {"source": "each", "target": "end", "source_port": "done"},
    ]
    wf = flow(server, nodes, edges, INPUT)
    (task_id,) = create_tasks(server, wf["id"], [{"text": "loop"}])
    n = ids(wait_task(server, wf["id"], task_id, until=node_ready("label")))
    ok(post(server, wf, n["label"], "admin-submit-subtask", json={"values": {"note": "one"}}))
    wait_task(server, wf["id"], task_id, until=node_ready("label"))
    r = post(server, wf, n["label"], "revert/1")
    assert r.status_code == 409 and "loop" in r.json()["detail"]


# ---- retries and corrections that change nothing ------------------------------------------------

URL_INPUT = [*INPUT, {"name": "url", "type": "short_text", "required": True}]


def calling_after(server, review=None):
    """start -> label (subtask) [-> check (review)] -> call (http to the task's `url`) -> end:
    every run of `call` reaches the test's receiver, so re-runs are counted."""
    nodes = [node("start", "start"), node("label", "subtask", **FORM)]
    path = ["start", "label"]
    if review is not None:
        nodes.append(node("check", "review", **review))
        path.append("check")
    nodes += [node("call", "http", url="{{ task.url }}"), node("end", "end")]
    return flow(server, nodes, chain(*path, "call", "end"), URL_INPUT)


def twice(server, wf, node_db_id, action, json, once):
    """The same correction sent twice with one Idempotency-Key (a client's retry): the second
    reply is the first one, replayed."""
    first = post(server, wf, node_db_id, action, json=json, once=once)
    again = post(server, wf, node_db_id, action, json=json, once=once)
    assert first.status_code == 200, first.text
    assert "Idempotent-Replayed" not in first.headers
    assert again.status_code == 200, again.text
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.json() == first.json()
    return first.json()


def test_a_retried_subtask_correction_is_done_once(server):
    _, worker = user_key(server)
    with WebhookReceiver() as hook:
        wf = calling_after(server)
        (task_id,) = create_tasks(server, wf["id"], [{"text": "t", "url": hook.url + "/run"}])
        n = ids(wait_task(server, wf["id"], task_id, until=node_ready("label")))
        work(server, wf, n["label"], worker, {"label": "spam", "score": 2})
        assert wait_task(server, wf["id"], task_id)["status"] == "finished"
        assert len(hook.requests) == 1
        runs = 1
        tag = uuid.uuid4().hex
        for action, body, expected in (
            ("admin-edit-subtask", {"values": {"score": 5}}, {"score": 5}),
            ("admin-inline-edit", {"field": "label", "value": "ham"}, {"label": "ham"}),
            ("revert/1", None, {"label": "spam", "score": 2}),
        ):
            view = twice(server, wf, n["label"], action, body, f"{action}-{tag}")
            assert view["output"].items() >= expected.items()
            task = wait_task(server, wf["id"], task_id)
            assert task["status"] == "finished"
            runs += 1  # what followed ran again once, not once per request
            assert len(hook.requests) == runs, action
        # The same key with another body is refused, and does nothing.
        r = post(
            server,
            wf,
            n["label"],
            "admin-edit-subtask",
            json={"values": {"score": 1}},
            once=f"admin-edit-subtask-{tag}",
        )
        assert r.status_code == 409 and "Idempotency-Key" in r.json()["detail"]
        history = submissions_of(server, n["label"])
        assert [h["via"] for h in history] == ["worker", "admin_edit", "inline_edit", "revert"]
        assert get_task(server, wf["id"], task_id)["status"] == "finished"
        assert len(hook.requests) == runs


def test_a_retried_review_correction_is_done_once(server):
    _, worker = user_key(server)
    with WebhookReceiver() as hook:
        wf = calling_after(server, review={"max_rereviews": 0, "on_exhausted": "escalate"})
        (task_id,) = create_tasks(server, wf["id"], [{"text": "t", "url": hook.url + "/run"}])
        n = ids(wait_task(server, wf["id"], task_id, until=node_ready("label")))
        work(server, wf, n["label"], worker, {"label": "spam", "score": 2})
        wait_task(server, wf["id"], task_id, until=node_ready("check"))
        tag = uuid.uuid4().hex

        view = twice(server, wf, n["check"], "admin-submit-review", {"decision": "pass"}, tag + "1")
        assert view["status"] == "finished"
        assert wait_task(server, wf["id"], task_id)["status"] == "finished"
        assert len(hook.requests) == 1
        # pass -> fail: past max_rereviews (0), the review is escalated; a retry does not
        # record a second verdict.
        view = twice(server, wf, n["check"], "admin-edit-review", {"decision": "fail"}, tag + "2")
        assert view["status"] == "escalated"
        view = twice(server, wf, n["check"], "admin-resolve", {"action": "pass"}, tag + "3")
        assert view["status"] == "finished"
        assert wait_task(server, wf["id"], task_id)["status"] == "finished"
        assert len(hook.requests) == 2
        vias = [h["via"] for h in submissions_of(server, n["check"])]
        assert vias == ["admin_submit", "admin_edit", "resolve"]
        types = [e["type"] for e in timeline(server, wf["id"], task_id)]
        assert types.count("node.admin_submitted") == 1
        assert types.count("node.admin_edited") == 1
        assert types.count("node.resolved") == 1


def test_an_edit_that_changes_nothing_records_nothing_and_reruns_nothing(server):
    _, worker = user_key(server)
    with WebhookReceiver() as hook:
        wf = calling_after(server)
        (task_id,) = create_tasks(server, wf["id"], [{"text": "t", "url": hook.url + "/run"}])
        n = ids(wait_task(server, wf["id"], task_id, until=node_ready("label")))
        work(server, wf, n["label"], worker, {"label": "spam", "score": 2})
        before = wait_task(server, wf["id"], task_id)
        assert before["status"] == "finished" and len(hook.requests) == 1
        for action, body in (
            ("admin-edit-subtask", {"values": {"label": "spam", "score": 2}}),
            ("admin-edit-subtask", {"values": {}}),
            ("admin-inline-edit", {"field": "score", "value": 2}),
        ):
            view = ok(post(server, wf, n["label"], action, json=body))
            assert view["status"] == "finished", action
            assert view["output"] == {"text": "t", "label": "spam", "score": 2}
            # Nothing was reset: the task is still finished, as it was.
            task = get_task(server, wf["id"], task_id)
            assert task["status"] == "finished" and task["finished_at"] == before["finished_at"]
            assert nodes_by_id(task)["call"] == nodes_by_id(before)["call"]
        assert [h["via"] for h in submissions_of(server, n["label"])] == ["worker"]
        types = [e["type"] for e in timeline(server, wf["id"], task_id)]
        assert "node.admin_edited" not in types and "node.inline_edited" not in types
        assert "task.reopened" not in types
        assert len(hook.requests) == 1
