"""Helpers for engine tests: workflows with graphs, tasks through the v1 API, polling."""

from __future__ import annotations

import time
import uuid

from pipelines_server.domain import keys
from tests.api.helpers import database, native, v1


def node(node_id: str, kind: str, **config) -> dict:
    n = {"id": node_id, "kind": kind, "name": node_id}
    if config:
        n["config"] = config
    return n


def edge(source: str, target: str, source_port: str | None = None, target_port=None) -> dict:
    e = {"source": source, "target": target}
    if source_port:
        e["source_port"] = source_port
    if target_port:
        e["target_port"] = target_port
    return e


def chain(*ids: str) -> list[dict]:
    return [edge(a, b) for a, b in zip(ids, ids[1:], strict=False)]


def flow(server, nodes: list[dict], edges: list[dict], fields: list[dict] | None = None) -> dict:
    """An ACTIVE workflow with this graph."""
    pid = server.seed.project_id
    with native(server) as api:
        r = api.post(
            f"/projects/{pid}/workflows",
            json={
                "name": f"flow-{uuid.uuid4().hex[:6]}",
                "fields": fields or [],
                "graph": {"nodes": nodes, "edges": edges},
            },
        )
        assert r.status_code == 201, r.text
        wf = r.json()
        r = api.post(f"/projects/{pid}/workflows/{wf['id']}/activate")
        assert r.status_code == 200, r.text
        return r.json()


def create_tasks(server, wf_id: int, rows: list[dict]) -> list[int]:
    with v1(server) as api:
        r = api.post(f"/workflows/{wf_id}/tasks", json={"tasks": [{"fields": f} for f in rows]})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["error_count"] == 0, body
    return body["task_ids"]


def task_url(server, wf_id: int, task_id: int) -> str:
    return f"/projects/{server.seed.project_id}/workflows/{wf_id}/tasks/{task_id}"


def node_url(server, wf_id: int, node_db_id: int) -> str:
    return f"/projects/{server.seed.project_id}/workflows/{wf_id}/nodes/{node_db_id}"


def get_task(server, wf_id: int, task_id: int, key: str | None = None) -> dict:
    with native(server, key) as api:
        r = api.get(task_url(server, wf_id, task_id))
    assert r.status_code == 200, r.text
    return r.json()


def wait_task(server, wf_id: int, task_id: int, until=None, timeout: float = 180) -> dict:
    """Polls the task until `until(task)` (default: it ended) and returns it."""
    until = until or (lambda t: t["status"] in ("finished", "failed", "cancelled"))
    deadline = time.monotonic() + timeout
    while True:
        task = get_task(server, wf_id, task_id)
        if until(task):
            return task
        if time.monotonic() > deadline:
            raise AssertionError(f"task {task_id} did not get there in {timeout}s: {task}")
        time.sleep(0.1)


def nodes_by_id(task: dict) -> dict[str, dict]:
    return {n["node_id"]: n for n in task["nodes"]}


def node_ready(node_id: str, status: str = "available"):
    return lambda t: nodes_by_id(t).get(node_id, {}).get("status") == status


def timeline(server, wf_id: int, task_id: int) -> list[dict]:
    with native(server) as api:
        r = api.get(task_url(server, wf_id, task_id) + "/timeline", params={"page_size": 500})
    assert r.status_code == 200, r.text
    return r.json()["items"]


def user_key(server, role: str = "member") -> tuple[int, str]:
    """A new user of the seed organization and an API key of theirs."""
    with native(server) as api:
        r = api.post(
            f"/organizations/{server.seed.org_id}/users",
            json={"email": f"{uuid.uuid4().hex[:10]}@example.com", "role": role, "name": "W"},
        )
    assert r.status_code == 201, r.text
    user_id = r.json()["id"]
    with database(server) as s:
        return user_id, keys.issue_key(s, server.seed.org_id, user_id, f"key of {user_id}")
