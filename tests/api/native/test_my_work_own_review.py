"""My-work never lists the review of the caller's own submission (claiming it is refused:
"You cannot review your own submission"), even once another reviewer's claim on it lapsed:
the list and its total agree with what the caller may claim."""

from __future__ import annotations

from datetime import timedelta

from pipelines_server.store.models import NodeInstance, utcnow
from tests.api.engine.helpers import create_tasks, node_ready, nodes_by_id, user_key, wait_task
from tests.api.helpers import database, native
from tests.api.native.work_story import as_seed, labelling, ok, open_node, post


def _ids(page: dict) -> list[int]:
    return [i["node_db_id"] for i in page["items"]]


def test_the_review_of_ones_own_submission_is_not_in_my_work(server, org):
    srv = as_seed(server, org)
    wf = labelling(srv)
    (task_id,) = create_tasks(srv, wf["id"], [{"text": "buy now"}])
    task = wait_task(srv, wf["id"], task_id, until=node_ready("label"))
    label = nodes_by_id(task)["label"]["node_db_id"]
    worker_id, worker_key = user_key(srv)
    _, colleague_key = user_key(srv)
    open_node(srv, wf, label, "subtask", worker_key)
    post(srv, wf, label, "submit-subtask", worker_key, {"values": {"label": "spam"}})
    task = wait_task(srv, wf["id"], task_id, until=node_ready("check"))
    check = nodes_by_id(task)["check"]["node_db_id"]

    # The admin claims the review and walks away: its lease lapses, so anyone who may
    # review can take it over -- but not the worker who submitted what it judges.
    open_node(srv, wf, check, "review")
    with database(server) as session:
        inst = session.get(NodeInstance, check)
        inst.lease_expires_at = utcnow() - timedelta(minutes=1)
        session.commit()

    scopes = ["/my-work", f"/organizations/{org.org_id}/my-work"]
    scopes.append(f"/projects/{org.project_id}/my-work")
    for path in scopes:
        mine = ok(srv, path, worker_key)
        assert check not in _ids(mine), (path, mine)
        assert mine["total"] == 0, (path, mine)
        assert ok(srv, path, worker_key, kind="review")["total"] == 0
        assert ok(srv, path, worker_key, status="available")["total"] == 0
        theirs = ok(srv, path, colleague_key)
        assert _ids(theirs) == [check] and theirs["items"][0]["status"] == "available"
    # ... and the list agrees with the claim, which refuses the worker.
    with native(srv, worker_key) as api:
        r = api.get(f"/projects/{org.project_id}/workflows/{wf['id']}/nodes/{check}/review")
    assert r.status_code == 403, r.text
    assert "your own submission" in r.json()["detail"]
