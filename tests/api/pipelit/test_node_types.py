"""GET /workflows/node-types/ (no key needed) and the DSL dry-run."""

from __future__ import annotations

import pytest

from tests.api.pipelit.helpers import as_org, fresh_org, pipelit, slug

SPEC_KEYS = {
    "component_type",
    "display_name",
    "description",
    "category",
    "inputs",
    "outputs",
    "requires_model",
    "requires_tools",
    "requires_memory",
    "requires_output_parser",
    "requires_skills",
    "executable",
    "config_schema",
}


def test_node_types_need_no_key_and_serve_the_union_of_both_versions(server):
    with pipelit(server, key="") as api:
        r = api.get("/workflows/node-types/")
    assert r.status_code == 200
    types = r.json()
    assert len(types) == 40
    assert "assertion" in types and "epic_tools" in types and "task_tools" in types
    for name, spec in types.items():
        assert set(spec) == SPEC_KEYS
        assert spec["component_type"] == name
        assert spec["requires_memory"] is False
        for port in spec["inputs"] + spec["outputs"]:
            assert set(port) == {
                "name",
                "data_type",
                "description",
                "required",
                "default",
                "port_schema",
            }
            assert port["default"] is None
    not_executable = {n for n, t in types.items() if not t["executable"]}
    assert not_executable == {n for n in types if n.startswith("trigger_")} | {
        "ai_model",
        "output_parser",
        "skill",
    }


def test_node_type_details_match_pipelit(server):
    with pipelit(server) as api:
        types = api.get("/workflows/node-types/").json()
    agent = types["agent"]
    assert (agent["display_name"], agent["category"]) == ("Agent", "ai")
    assert [(p["name"], p["data_type"], p["required"]) for p in agent["inputs"]] == [
        ("messages", "messages", True)
    ]
    assert [(p["name"], p["data_type"]) for p in agent["outputs"]] == [
        ("messages", "messages"),
        ("output", "string"),
    ]
    flags = ("requires_model", "requires_tools", "requires_output_parser", "requires_skills")
    assert [agent[f] for f in flags] == [True, True, False, True]
    assert [types["categorizer"][f] for f in flags] == [True, False, True, False]
    files = types["trigger_telegram"]["outputs"][2]
    assert files["name"] == "files" and files["port_schema"]["items"]["required"] == [
        "filename",
        "mime_type",
        "size_bytes",
        "url",
    ]
    assert types["assertion"]["outputs"][1]["name"] == "route"
    assert types["epic_tools"]["outputs"][0]["name"] == "result"
    assert types["agent"]["config_schema"]["properties"]["conversation_memory"]["default"] is False
    assert types["memory_read"]["config_schema"]["properties"]["limit"]["maximum"] == 100
    assert types["workflow"]["config_schema"]["required"] == ["target_workflow"]


def _dsl(api, text):
    r = api.post("/workflows/validate-dsl/", json={"yaml_str": text})
    assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("a: [", "Parse error: Invalid YAML: "),
        ("- 1\n- 2", "Parse error: DSL must be a YAML mapping (dict)"),
        ("steps: [{type: code}]", "Parse error: DSL requires a `name` field"),
        ("name: x", "Parse error: DSL requires a `steps` list"),
        ("name: x\nsteps: []", "Parse error: `steps` must be a non-empty list"),
        (
            "name: x\ntrigger: pigeon\nsteps: [{type: code}]",
            "Parse error: Unknown trigger type 'pigeon'",
        ),
        ("name: x\nsteps: [{id: a}]", "Parse error: Step 0 missing `type` field"),
        ("name: x\nsteps: [{type: dance}]", "Parse error: Unknown step type 'dance' in step 0"),
        (
            "name: x\nsteps: [{type: code, id: a}, {type: code, id: a}]",
            "Parse error: Duplicate step ID 'a' in step 1",
        ),
        ("based_on: 3\npatches: []", "Parse error: `based_on` must be a workflow slug string"),
        ("based_on: x", "Parse error: Fork mode requires a `patches` list"),
        (
            "name: x\nmodel: {capability: gpt-4}\nsteps: [{type: code}]",
            "Model resolution error: No LLM credential found for capability 'gpt-4'",
        ),
        (
            "name: x\nsteps: [{type: loop, id: l}]",
            "Graph build error: Loop step 'l' requires a non-empty `body` list",
        ),
        (
            "name: x\nsteps: [{type: agent, tools: [juggle]}]",
            "Graph build error: Unknown inline tool type 'juggle'",
        ),
    ],
)
def test_dsl_errors_carry_their_stage(server, text, error):
    # a fresh organization: "no LLM credential" must not depend on what tests beside this one
    # created in the shared one
    with pipelit(as_org(server, fresh_org(server))) as api:
        body = _dsl(api, text)
    assert body["valid"] is False
    assert body["errors"][0].startswith(error), body


def test_dsl_counts_what_it_would_build(server):
    text = """
name: Support bot
trigger: chat
model: {credential_id: 1, model_name: gpt-4o}
steps:
  - {type: agent, id: helper, prompt: Help, tools: [whoami, {type: run_command}], skills: [s]}
  - {type: switch, id: sw, rules: [{route: yes_step}], default: no_step}
  - {type: code, id: yes_step, snippet: "x = 1"}
  - {type: reply_chat, id: no_step}
  - {type: loop, id: lp, body: [{type: code}, {type: code}]}
"""
    with pipelit(server) as api:
        body = _dsl(api, text)
    # trigger, 5 steps, the agent's model, 2 tools, 1 skill, 2 loop body nodes
    # edges: trigger->helper, helper->sw, sw's 2 routes, no_step->lp (yes_step and no_step
    # are claimed routes), model, 2 tools, skill, loop_body, body chain, loop_return
    assert body == {"valid": True, "errors": [], "node_count": 12, "edge_count": 12}


def test_dsl_fork_needs_a_source_the_caller_sees(server):
    with pipelit(server) as api:
        s = slug()
        api.post("/workflows/", json={"name": "src", "slug": s})
        assert _dsl(api, f"based_on: {s}\npatches: []") == {
            "valid": True,
            "errors": [],
            "node_count": 0,
            "edge_count": 0,
        }
        assert _dsl(api, "based_on: nowhere-xyz\npatches: []")["errors"] == [
            "Source workflow 'nowhere-xyz' not found"
        ]
        assert api.post("/workflows/validate-dsl/", json={}).status_code == 422
    with pipelit(server, key="") as api:
        assert api.post("/workflows/validate-dsl/", json={"yaml_str": "a: 1"}).status_code == 401
