"""Automatic node kinds over real HTTP: tasks created through the v1 API run through their
workflow's graph on the server's in-process workers (real subprocesses for code nodes)."""

from __future__ import annotations

from tests.api.engine.helpers import (
    chain,
    create_tasks,
    edge,
    flow,
    node,
    nodes_by_id,
    timeline,
    wait_task,
)
from tests.api.helpers import v1

NUMBER = [{"name": "n", "type": "numeric", "required": True}]


def test_start_to_end_finishes_and_v1_reports_real_progress(server):
    wf = flow(server, [node("start", "start"), node("end", "end")], chain("start", "end"), NUMBER)
    (task_id,) = create_tasks(server, wf["id"], [{"n": 3}])
    task = wait_task(server, wf["id"], task_id)
    assert task["status"] == "finished"
    assert task["output"] == {"n": 3}
    assert [n["status"] for n in task["nodes"]] == ["finished", "finished"]
    with v1(server) as api:
        body = api.get(f"/workflows/{wf['id']}/tasks/{task_id}").json()
    assert body["status"] == "finished"
    assert body["node_summary"] == {"total": 2, "finished": 2, "in_progress": 0, "pending": 0}
    types = [e["type"] for e in timeline(server, wf["id"], task_id)]
    assert types[0] == "task.started"
    assert types.count("node.finished") == 2
    assert types[-1] == "task.finished"


def test_code_node_runs_python_in_a_subprocess_and_keeps_its_log(server):
    source = (
        "import os\ndef main(data):\n    print('pid', os.getpid())\n"
        "    return {'double': data['input']['n'] * 2}\n"
    )
    wf = flow(
        server,
        [node("start", "start"), node("calc", "code", source=source), node("end", "end")],
        chain("start", "calc", "end"),
        NUMBER,
    )
    (task_id,) = create_tasks(server, wf["id"], [{"n": 21}])
    task = wait_task(server, wf["id"], task_id)
    assert task["status"] == "finished", task
    calc = nodes_by_id(task)["calc"]
    assert calc["output"] == {"double": 42}
    assert "pid" in calc["log"]
    assert calc["work_seconds"] > 0
    assert task["output"] == {"double": 42}


def test_a_failing_code_node_fails_the_task_and_leaves_the_rest_na(server):
    source = "def main(data):\n    raise ValueError('bad input ' + str(data['input']['n']))\n"
    after = "def main(data):\n    return 1\n"
    wf = flow(
        server,
        [
            node("start", "start"),
            node("boom", "code", source=source),
            node("after", "code", source=after),
            node("end", "end"),
        ],
        chain("start", "boom", "after", "end"),
        NUMBER,
    )
    (task_id,) = create_tasks(server, wf["id"], [{"n": 7}])
    task = wait_task(server, wf["id"], task_id)
    assert task["status"] == "failed"
    nodes = nodes_by_id(task)
    assert nodes["boom"]["status"] == "failed"
    assert "ValueError" in nodes["boom"]["error"] and "bad input 7" in nodes["boom"]["error"]
    assert "Traceback" in nodes["boom"]["log"]
    assert nodes["after"]["status"] == "na" and nodes["end"]["status"] == "na"
    assert "boom" in task["error"]
    with v1(server) as api:
        body = api.get(f"/workflows/{wf['id']}/tasks/{task_id}").json()
    assert body["status"] == "failed"
    # na nodes count nowhere, not even in total.
    assert body["node_summary"] == {"total": 2, "finished": 1, "in_progress": 0, "pending": 0}


def test_code_node_time_limit(server):
    source = "import time\ndef main(data):\n    time.sleep(30)\n"
    wf = flow(
        server,
        [
            node("start", "start"),
            node("slow", "code", source=source, timeout_seconds=1),
            node("end", "end"),
        ],
        chain("start", "slow", "end"),
    )
    (task_id,) = create_tasks(server, wf["id"], [{}])
    task = wait_task(server, wf["id"], task_id, timeout=30)
    assert task["status"] == "failed"
    assert "timed out" in nodes_by_id(task)["slow"]["error"]


def test_logic_gate_routes_and_the_path_not_taken_is_na(server):
    gate = {
        "routes": [{"port": "big", "when": {"path": "input.n", "op": "gt", "value": 10}}],
        "default": "small",
    }
    big = "def main(data):\n    return 'big'\n"
    small = "def main(data):\n    return 'small'\n"
    wf = flow(
        server,
        [
            node("start", "start"),
            node("gate", "logic_gate", **gate),
            node("big", "code", source=big),
            node("small", "code", source=small),
            node("join", "merge"),
            node("end", "end"),
        ],
        [
            edge("start", "gate"),
            edge("gate", "big", "big"),
            edge("gate", "small", "small"),
            edge("big", "join"),
            edge("small", "join"),
            edge("join", "end"),
        ],
        NUMBER,
    )
    high, low = create_tasks(server, wf["id"], [{"n": 50}, {"n": 1}])
    t_high = wait_task(server, wf["id"], high)
    t_low = wait_task(server, wf["id"], low)
    nh, nl = nodes_by_id(t_high), nodes_by_id(t_low)
    assert nh["gate"]["route"] == "big" and nl["gate"]["route"] == "small"
    assert (nh["big"]["status"], nh["small"]["status"]) == ("finished", "na")
    assert (nl["big"]["status"], nl["small"]["status"]) == ("na", "finished")
    assert t_high["output"] == {"big": "big"} and t_low["output"] == {"small": "small"}
    with v1(server) as api:
        body = api.get(f"/workflows/{wf['id']}/tasks/{high}").json()
    assert body["node_summary"]["total"] == 5  # the na branch is not counted


def test_loop_iterates_and_its_bound_is_enforced(server):
    make = "def main(data):\n    return list(range(data['input']['n']))\n"
    body = "def main(data):\n    return data['item'] * 10\n"
    wf = flow(
        server,
        [
            node("start", "start"),
            node("make", "code", source=make),
            node("each", "loop", over="input", max_iterations=4),
            node("body", "code", source=body),
            node("end", "end"),
        ],
        [
            edge("start", "make"),
            edge("make", "each"),
            edge("each", "body", "body"),
            edge("body", "each", None, "next"),
            edge("each", "end", "done"),
        ],
        NUMBER,
    )
    ok, too_many, empty = create_tasks(server, wf["id"], [{"n": 3}, {"n": 5}, {"n": 0}])
    task = wait_task(server, wf["id"], ok)
    assert task["status"] == "finished", task
    assert task["output"] == [0, 10, 20]
    nodes = nodes_by_id(task)
    assert nodes["body"]["attempt"] == 3  # one run per item
    iterations = [e for e in timeline(server, wf["id"], ok) if e["type"] == "node.iteration"]
    assert [e["data"]["index"] for e in iterations] == [0, 1, 2]
    failed = wait_task(server, wf["id"], too_many)
    assert failed["status"] == "failed"
    assert "max_iterations" in nodes_by_id(failed)["each"]["error"]
    none = wait_task(server, wf["id"], empty)
    assert none["status"] == "finished" and none["output"] == []
    assert nodes_by_id(none)["body"]["status"] == "na"


def test_evaluation_quarantines_or_escalates_on_failure(server):
    checks = [{"type": "threshold", "path": "input.n", "min": 0, "max": 10, "name": "range"}]
    quarantine = flow(
        server,
        [node("start", "start"), node("eval", "evaluation", checks=checks), node("end", "end")],
        chain("start", "eval", "end"),
        NUMBER,
    )
    escalate = flow(
        server,
        [
            node("start", "start"),
            node("eval", "evaluation", checks=checks, on_failure="escalate"),
            node("end", "end"),
        ],
        chain("start", "eval", "end"),
        NUMBER,
    )
    good, bad = create_tasks(server, quarantine["id"], [{"n": 5}, {"n": 50}])
    (bad2,) = create_tasks(server, escalate["id"], [{"n": 50}])
    assert wait_task(server, quarantine["id"], good)["status"] == "finished"
    stuck = lambda t: t["status"] in ("quarantined", "escalated", "finished", "failed")  # noqa: E731
    q = wait_task(server, quarantine["id"], bad, until=stuck)
    e = wait_task(server, escalate["id"], bad2, until=stuck)
    assert q["status"] == "quarantined" and e["status"] == "escalated"
    report = nodes_by_id(q)["eval"]["output"]
    assert report["passed"] is False and report["checks"][0]["name"] == "range"
    with v1(server) as api:
        assert (
            api.get(f"/workflows/{quarantine['id']}/tasks/{bad}").json()["status"] == "quarantined"
        )
        listed = api.get(f"/workflows/{escalate['id']}/tasks", params={"status": "escalated"})
    assert [t["id"] for t in listed.json()["tasks"]] == [bad2]
