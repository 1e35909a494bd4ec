"""The acceptance story: a Pipelit workflow built only through the API (a manual trigger, a
deterministic code step, a switch, two branches and a merge) is executed and runs to
completion on the native engine; its status, logs and final output have Pipelit's shapes."""

from __future__ import annotations

from tests.api.pipelit.exec_helpers import wait_execution
from tests.api.pipelit.helpers import pipelit, slug

MEASURE = "words = state['trigger']['text'].split()\nreturn len(words)"
SWITCH_RULES = [
    {"id": "long", "field": "node_outputs.measure.output", "operator": "gte", "value": 3},
]


def build(api) -> str:
    wf_slug = slug("story")
    r = api.post("/workflows/", json={"name": "Story", "slug": wf_slug})
    assert r.status_code == 201, r.text
    nodes = [
        {"node_id": "manual", "component_type": "trigger_manual"},
        {
            "node_id": "measure",
            "component_type": "code",
            "config": {"extra_config": {"code": MEASURE}},
        },
        {
            "node_id": "route",
            "component_type": "switch",
            "config": {"extra_config": {"rules": SWITCH_RULES, "enable_fallback": True}},
        },
        {
            "node_id": "long_branch",
            "component_type": "code",
            "config": {
                "extra_config": {"code": "result = 'long: ' + node_outputs['measure']['output']"}
            },
        },
        {
            "node_id": "short_branch",
            "component_type": "code",
            "config": {"extra_config": {"code": "print('short')"}},
        },
        {
            "node_id": "join",
            "component_type": "merge",
            "config": {"extra_config": {"source_nodes": ["long_branch", "short_branch"]}},
        },
    ]
    for body in nodes:
        r = api.post(f"/workflows/{wf_slug}/nodes/", json=body)
        assert r.status_code == 201, r.text
    edges = [
        {"source_node_id": "manual", "target_node_id": "measure"},
        {"source_node_id": "measure", "target_node_id": "route"},
        {
            "source_node_id": "route",
            "target_node_id": "long_branch",
            "edge_type": "conditional",
            "condition_value": "long",
        },
        {
            "source_node_id": "route",
            "target_node_id": "short_branch",
            "edge_type": "conditional",
            "condition_value": "__other__",
        },
        {"source_node_id": "long_branch", "target_node_id": "join"},
        {"source_node_id": "short_branch", "target_node_id": "join"},
    ]
    for body in edges:
        r = api.post(f"/workflows/{wf_slug}/edges/", json=body)
        assert r.status_code == 201, r.text
    r = api.post(f"/workflows/{wf_slug}/validate/")
    assert r.status_code == 200 and r.json() == {"valid": True, "errors": []}, r.text
    return wf_slug


def run(api, server, wf_slug: str, text: str) -> dict:
    r = api.post(f"/workflows/{wf_slug}/execute/", json={"text": text})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "pending"
    return wait_execution(server, r.json()["execution_id"])


def test_a_workflow_built_through_the_api_runs_both_branches_to_completion(server):
    with pipelit(server) as api:
        wf_slug = build(api)
        long_run = run(api, server, wf_slug, "one two three four")
        short_run = run(api, server, wf_slug, "hi")

        assert long_run["status"] == "completed", long_run
        assert long_run["error_message"] == ""
        assert long_run["trigger_payload"] == {
            "text": "one two three four",
            "workflow_slug": wf_slug,
        }
        assert long_run["final_output"] == {
            "node_outputs": {
                "measure": {"output": "4"},
                "route": {"route": "long"},
                "long_branch": {"output": "long: 4"},
                "join": {"merged": [{"output": "long: 4"}]},
            }
        }
        assert [(log["node_id"], log["status"]) for log in long_run["logs"]] == [
            ("measure", "completed"),
            ("route", "completed"),
            ("long_branch", "completed"),
            ("join", "completed"),
        ]
        assert all(log["error"] == "" and log["timestamp"] for log in long_run["logs"])

        assert short_run["status"] == "completed", short_run
        assert short_run["final_output"]["node_outputs"]["route"] == {"route": "__other__"}
        assert short_run["final_output"]["node_outputs"]["join"] == {
            "merged": [{"output": "short"}]
        }
        assert "long_branch" not in short_run["final_output"]["node_outputs"]

        listed = api.get("/executions/", params={"workflow_slug": wf_slug}).json()
        assert listed["total"] == 2
        assert {e["execution_id"] for e in listed["items"]} == {
            long_run["execution_id"],
            short_run["execution_id"],
        }
        assert all(e["status"] == "completed" for e in listed["items"])
        status = api.get(f"/executions/{long_run['execution_id']}/status/").json()
        assert (status["workflow"], status["status"]) == (wf_slug, "completed")
        assert status["final_output"] == long_run["final_output"]
