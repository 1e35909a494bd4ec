"""Fairness between organizations over real HTTP: one organization's slow code nodes hold at
most its share of the workers (PIPELINES_ORG_MAX_RUNNING, by default half of them: 2 of the
server's 4 engine threads, or 1 of the Celery worker's 2 processes), so another
organization's work runs meanwhile instead of waiting behind them."""

from __future__ import annotations

import time
import uuid
from datetime import datetime

from tests.api.engine.helpers import chain, node
from tests.api.helpers import native, v1
from tests.server import Seed, seed_database

NUMBER = [{"name": "n", "type": "numeric", "required": True}]

# The slow nodes sleep longer than any wait of these tests, so "no slow node finished before
# the quick task" cannot pass or fail by the machine's speed; the servers stop without waiting
# for them (a short shutdown grace, then the sandboxes die with their server).
SLOW = "import time\ndef main(data):\n    time.sleep(600)\n"
QUICK_STOP = {"PIPELINES_SHUTDOWN_GRACE_SECONDS": "1"}


def default_cap(server) -> int:
    if server.env.get("PIPELINES_EXECUTOR") == "celery":
        return 1  # the test worker runs --concurrency=2
    return 2  # PIPELINES_ENGINE_WORKERS defaults to 4


def code_flow(server, org: Seed, source: str, timeout: float = 60) -> int:
    """An ACTIVE workflow start -> code -> end of this organization."""
    nodes = [
        node("start", "start"),
        node("work", "code", source=source, timeout_seconds=timeout),
        node("end", "end"),
    ]
    with native(server, org.api_key) as api:
        r = api.post(
            f"/projects/{org.project_id}/workflows",
            json={
                "name": f"flow-{uuid.uuid4().hex[:6]}",
                "fields": NUMBER,
                "graph": {"nodes": nodes, "edges": chain("start", "work", "end")},
            },
        )
        assert r.status_code == 201, r.text
        wf_id = r.json()["id"]
        r = api.post(f"/projects/{org.project_id}/workflows/{wf_id}/activate")
        assert r.status_code == 200, r.text
    return wf_id


def start_tasks(server, org: Seed, wf_id: int, count: int) -> list[int]:
    with v1(server, org.api_key) as api:
        r = api.post(
            f"/workflows/{wf_id}/tasks",
            json={"tasks": [{"fields": {"n": i}} for i in range(count)]},
        )
    assert r.status_code == 200, r.text
    return r.json()["task_ids"]


def work_states(server, org: Seed, wf_id: int, task_ids: list[int]) -> list[str]:
    """The status of each task's code node (`pending` until the task has started)."""
    states = []
    with native(server, org.api_key) as api:
        for task_id in task_ids:
            r = api.get(f"/projects/{org.project_id}/workflows/{wf_id}/tasks/{task_id}")
            assert r.status_code == 200, r.text
            nodes = {n["node_id"]: n["status"] for n in r.json()["nodes"]}
            states.append(nodes.get("work", "pending"))
    return states


def wait_for(check, what: str, timeout: float = 180):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout}s")
        time.sleep(0.1)


def test_a_busy_organization_does_not_starve_another(make_server):
    server = make_server(env=QUICK_STOP)
    busy = server.seed
    other = seed_database(server.database_url)  # a second organization on the same server
    cap = default_cap(server)
    slow = code_flow(server, busy, SLOW, 900)
    slow_tasks = start_tasks(server, busy, slow, 6)
    wait_for(
        lambda: work_states(server, busy, slow, slow_tasks).count("claimed") >= cap,
        "the busy organization's slow nodes start",
    )

    quick = code_flow(server, other, "def main(data):\n    return data['input']['n'] + 1\n")
    (quick_task,) = start_tasks(server, other, quick, 1)
    wait_for(
        lambda: work_states(server, other, quick, [quick_task]) == ["finished"],
        "the other organization's trivial task finishes",
    )

    # It finished while every slow node was still sleeping or waiting its turn: the busy
    # organization holds exactly its share of the workers, the rest of its nodes wait.
    states = work_states(server, busy, slow, slow_tasks)
    assert "finished" not in states, states
    assert states.count("claimed") == cap, states
    with native(server, other.api_key) as api:
        task = api.get(f"/projects/{other.project_id}/workflows/{quick}/tasks/{quick_task}")
    assert task.json()["status"] == "finished"
    assert task.json()["output"] == 1


def most_at_once(intervals: list[tuple[float, float]]) -> int:
    """The largest number of these (start, end) intervals that overlap."""
    edges = sorted([(a, 1) for a, _ in intervals] + [(b, -1) for _, b in intervals])
    now = most = 0
    for _, step in edges:  # an end sorts before a start at the same instant
        now += step
        most = max(most, now)
    return most


def test_a_capped_organization_still_runs_its_whole_backlog(make_server):
    """Under the cap an organization's waiting nodes run as soon as its own nodes end (with
    Celery: the worker that ends one sends the next, not only the 30 s re-dispatch), and
    never more of them at once than the cap."""
    server = make_server()
    busy = server.seed
    seed_database(server.database_url)  # a second organization: the cap applies
    wf = code_flow(server, busy, "import time\ndef main(data):\n    time.sleep(1)\n")
    tasks = start_tasks(server, busy, wf, 6)
    wait_for(
        lambda: work_states(server, busy, wf, tasks) == ["finished"] * 6,
        "the busy organization's six nodes finish",
        timeout=300,
    )
    # Each node ran within its claim: from (finished_at - work_seconds) to finished_at.
    intervals = []
    with native(server, busy.api_key) as api:
        for task_id in tasks:
            r = api.get(f"/projects/{busy.project_id}/workflows/{wf}/tasks/{task_id}")
            work = {n["node_id"]: n for n in r.json()["nodes"]}["work"]
            end = datetime.fromisoformat(work["finished_at"]).timestamp()
            intervals.append((end - work["work_seconds"], end))
    assert most_at_once(intervals) == default_cap(server), intervals


def test_the_cap_holds_across_two_servers_on_one_database(make_server):
    """The cap counts an organization's nodes over every process on the database, not per
    process: two servers (each with its own engine threads, or Celery worker) together let
    the busy organization hold exactly PIPELINES_ORG_MAX_RUNNING nodes."""
    env = {"PIPELINES_ORG_MAX_RUNNING": "2", **QUICK_STOP}
    first = make_server(env=env)
    if "PIPELINES_CELERY_QUEUE" in first.env:
        # Two servers of one installation share its broker queue: their workers are one pool
        # (on separate queues the quick node could wait behind one worker's two slow nodes).
        env["PIPELINES_CELERY_QUEUE"] = first.env["PIPELINES_CELERY_QUEUE"]
    second = make_server(env=env, database_url=first.database_url, seed=False)
    second.seed = first.seed
    busy = first.seed
    other = seed_database(first.database_url)
    slow = code_flow(first, busy, SLOW, 900)
    slow_tasks = start_tasks(first, busy, slow, 3) + start_tasks(second, busy, slow, 3)
    wait_for(
        lambda: work_states(first, busy, slow, slow_tasks).count("claimed") >= 2,
        "the busy organization's slow nodes start",
    )
    quick = code_flow(second, other, "def main(data):\n    return 7\n")
    (quick_task,) = start_tasks(second, other, quick, 1)
    wait_for(
        lambda: work_states(second, other, quick, [quick_task]) == ["finished"],
        "the other organization's trivial task finishes",
    )
    states = work_states(first, busy, slow, slow_tasks)
    assert "finished" not in states, states
    assert states.count("claimed") == 2, states
