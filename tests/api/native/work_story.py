"""The story the work-area tests share, in a fresh organization: a worker (member) labels a
text, a reviewer (the admin) rejects it once ("redo") and then passes it ("good")."""

from __future__ import annotations

from dataclasses import dataclass

from tests.api.engine.helpers import (
    chain,
    create_tasks,
    flow,
    node,
    node_ready,
    node_url,
    nodes_by_id,
    user_key,
    wait_task,
)
from tests.api.helpers import native
from tests.server import seed_database

INPUT = [{"name": "text", "type": "short_text", "required": True}]
FORM = {
    "instructions": "Label the text",
    "fields": [
        {"name": "text", "type": "short_text", "source": "input"},
        {"name": "label", "type": "select", "options": ["spam", "ham"], "required": True},
    ],
}


def as_seed(server, seed):
    """The shared server seen through another organization's seed (its database too)."""
    attrs = {"base_url": server.base_url, "database_url": server.database_url, "seed": seed}
    return type("Srv", (), attrs)()


@dataclass
class Story:
    srv: object
    wf: dict
    task_id: int
    label: int  # the subtask's node_db_id
    check: int  # the review's node_db_id
    worker_id: int
    worker_key: str


def post(srv, wf, node_db_id, action, key=None, json=None):
    with native(srv, key) as api:
        r = api.post(node_url(srv, wf["id"], node_db_id) + f"/{action}", json=json)
    assert r.status_code == 200, r.text
    return r.json()


def open_node(srv, wf, node_db_id, kind, key=None):
    with native(srv, key) as api:
        r = api.get(node_url(srv, wf["id"], node_db_id) + f"/{kind}")
    assert r.status_code == 200, r.text


def labelling(srv):
    nodes = [
        node("start", "start"),
        node("label", "subtask", **FORM),
        node("check", "review", max_rereviews=2),
        node("end", "end"),
    ]
    return flow(srv, nodes, chain("start", "label", "check", "end"), INPUT)


def _submit_label(srv, wf, task_id, label, key, value):
    wait_task(srv, wf["id"], task_id, until=node_ready("label"))
    open_node(srv, wf, label, "subtask", key)
    post(srv, wf, label, "submit-subtask", key, {"values": {"label": value}})


def _review(srv, wf, task_id, check, decision, comment):
    wait_task(srv, wf["id"], task_id, until=node_ready("check"))
    open_node(srv, wf, check, "review")
    post(srv, wf, check, "submit-review", json={"decision": decision, "comment": comment})


def story(server, org, passes: bool = True) -> Story:
    """In a fresh organization: the worker submits, the admin rejects ("redo"), the worker
    submits again and the admin passes it (unless `passes` is False: then it stays
    submitted, waiting for its review)."""
    srv = as_seed(server, org)
    wf = labelling(srv)
    (task_id,) = create_tasks(srv, wf["id"], [{"text": "buy now"}])
    task = wait_task(srv, wf["id"], task_id, until=node_ready("label"))
    ids = {n: v["node_db_id"] for n, v in nodes_by_id(task).items()}
    worker_id, worker_key = user_key(srv)
    _submit_label(srv, wf, task_id, ids["label"], worker_key, "ham")
    check = nodes_by_id(wait_task(srv, wf["id"], task_id, until=node_ready("check")))["check"]
    _review(srv, wf, task_id, check["node_db_id"], "fail", "redo")
    _submit_label(srv, wf, task_id, ids["label"], worker_key, "spam")
    if passes:
        _review(srv, wf, task_id, check["node_db_id"], "pass", "good")
        assert wait_task(srv, wf["id"], task_id)["status"] == "finished"
    return Story(srv, wf, task_id, ids["label"], check["node_db_id"], worker_id, worker_key)


def get(srv, path, key=None, **params):
    with native(srv, key) as api:
        return api.get(path, params=params)


def ok(srv, path, key=None, **params):
    r = get(srv, path, key, **params)
    assert r.status_code == 200, r.text
    return r.json()


def stranger(server):
    """The shared server seen from a new organization of its own."""
    return as_seed(server, seed_database(server.database_url))
