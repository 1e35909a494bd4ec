"""Helpers for the dispatch and worker-stop scale-out tests: a workflow through a cluster's
server, tasks, and reads of the cluster's database."""

from __future__ import annotations

import time
import uuid

from sqlalchemy import text

from pipelines_server.store.db import Database


def code(node_id: str, source: str, **config) -> dict:
    return {"id": node_id, "kind": "code", "name": node_id, "config": {"source": source, **config}}


def flow(cluster, nodes: list[dict], server: int = 0) -> int:
    """An ACTIVE workflow start -> nodes... -> end; returns its id."""
    ids = ["start", *[n["id"] for n in nodes], "end"]
    graph = {
        "nodes": [
            {"id": "start", "kind": "start", "name": "start"},
            *nodes,
            {"id": "end", "kind": "end", "name": "end"},
        ],
        "edges": [{"source": a, "target": b} for a, b in zip(ids, ids[1:], strict=False)],
    }
    pid = cluster.seed.project_id
    with cluster.client(server) as api:
        r = api.post(
            f"/api/projects/{pid}/workflows",
            json={"name": f"flow-{uuid.uuid4().hex[:6]}", "fields": [], "graph": graph},
        )
        assert r.status_code == 201, r.text
        wf = r.json()["id"]
        r = api.post(f"/api/projects/{pid}/workflows/{wf}/activate")
        assert r.status_code == 200, r.text
    return wf


def create_tasks(cluster, wf: int, n: int, server: int = 0, timeout: float = 60) -> list[int]:
    with cluster.client(server, timeout=timeout) as api:
        r = api.post(f"/api/v1/workflows/{wf}/tasks", json={"tasks": [{"fields": {}}] * n})
    assert r.status_code == 200, r.text
    return r.json()["task_ids"]


def statuses(db: Database, wf: int) -> dict[str, int]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT status, count(*) FROM tasks WHERE workflow_id = :wf GROUP BY status"),
            {"wf": wf},
        ).all()
    return dict(rows)


def wait_finished(db: Database, wf: int, n: int, timeout: float, cluster=None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if statuses(db, wf).get("finished", 0) == n:
            return
        time.sleep(0.5)
    logs = cluster.logs() if cluster is not None else ""
    raise AssertionError(f"tasks not all finished in {timeout} s: {statuses(db, wf)}\n{logs}")


def node_events(db: Database, wf: int, node_id: str) -> dict[str, int]:
    """How many events of each type the node `node_id` of the workflow's tasks had."""
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT type, count(*) FROM task_events WHERE workflow_id = :wf "
                "AND node_id = :node GROUP BY type"
            ),
            {"wf": wf, "node": node_id},
        ).all()
    return dict(rows)


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def broker_holds(cluster) -> int:
    """Messages of the cluster's Celery queue still in its Redis broker: waiting in the queue
    (its list, and the lists of its priority levels) or taken by a worker and not yet
    acknowledged (kombu's `unacked` hash, shared by every queue of that database: counted by
    routing key)."""
    import json

    import redis

    queue = cluster.base_env["PIPELINES_CELERY_QUEUE"]
    r = redis.Redis.from_url(cluster.base_env["PIPELINES_BROKER_URL"])
    try:
        waiting = r.llen(queue) + sum(
            r.llen(k) for k in r.scan_iter(match=queue + "\x06\x16*", count=1000)
        )
        unacked = 0
        for raw in r.hvals("unacked"):
            try:
                _payload, _exchange, routing_key = json.loads(raw)
            except (ValueError, TypeError):
                continue
            unacked += routing_key == queue
        return waiting + unacked
    finally:
        r.close()


def wait_drained(cluster, timeout: float, quiet_for: float = 3.0, every: float = 0.5) -> None:
    """Until the broker holds no message of the cluster's queue, and has held none for
    `quiet_for` seconds of consecutive checks (several sweeps: a re-send would show)."""
    deadline = time.monotonic() + timeout
    quiet_since = None
    while True:
        held = broker_holds(cluster)
        now = time.monotonic()
        if held:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = now
        elif now - quiet_since >= quiet_for:
            return
        if now > deadline:
            raise AssertionError(
                f"the broker still holds {held} message(s) after {timeout} s\n{cluster.logs()}"
            )
        time.sleep(every)
