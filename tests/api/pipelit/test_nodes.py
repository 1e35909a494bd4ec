"""Pipelit nodes over HTTP: NodeOut's exact shape, what a create keeps of the config, default
ids, the 409s, partial PATCH (nested config too), renames, deletes with their edges."""

from __future__ import annotations

import re

import pytest

from tests.api.pipelit.helpers import pipelit, slug
from tests.api.pipelit.test_nodes_credentials import llm_credential

NODE_KEYS = {
    "id",
    "node_id",
    "label",
    "component_type",
    "is_entry_point",
    "interrupt_before",
    "interrupt_after",
    "position_x",
    "position_y",
    "config",
    "subworkflow_id",
    "code_block_id",
    "updated_at",
    "schedule_job",
}
DEFAULT_CONFIG = {
    "system_prompt": "",
    "extra_config": {},
    "llm_credential_id": None,
    "model_name": "",
    "temperature": None,
    "max_tokens": None,
    "frequency_penalty": None,
    "presence_penalty": None,
    "top_p": None,
    "timeout": None,
    "max_retries": None,
    "response_format": None,
    "llm_model_config_id": None,
    "credential_id": None,
    "is_active": True,
    "priority": 0,
    "trigger_config": {},
    "input_template": None,
}
FULL_CONFIG = {
    "system_prompt": "be nice",
    "extra_config": {"k": 1},
    "llm_credential_id": 5,
    "model_name": "gpt-4o",
    "temperature": 0.3,
    "max_tokens": 100,
    "frequency_penalty": 0.1,
    "presence_penalty": 0.2,
    "top_p": 0.9,
    "timeout": 30,
    "max_retries": 2,
    "response_format": {"type": "json_object"},
    "credential_id": 9,
    "is_active": False,
    "priority": 4,
    "trigger_config": {"x": True},
    "input_template": "{{ x }}",
}


@pytest.fixture
def wf(server):
    with pipelit(server) as api:
        s = slug()
        assert api.post("/workflows/", json={"name": "N", "slug": s}).status_code == 201
        yield api, s


def _node(api, s, **body):
    r = api.post(f"/workflows/{s}/nodes/", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def test_create_gives_the_exact_node_out(wf):
    api, s = wf
    node = _node(api, s, component_type="agent")
    assert set(node) == NODE_KEYS
    assert re.fullmatch(r"agent_[0-9a-f]{8}", node["node_id"])
    assert {k: v for k, v in node.items() if k not in ("id", "node_id", "updated_at")} == {
        "label": None,
        "component_type": "agent",
        "is_entry_point": False,
        "interrupt_before": False,
        "interrupt_after": False,
        "position_x": 0,
        "position_y": 0,
        "config": DEFAULT_CONFIG,
        "subworkflow_id": None,
        "code_block_id": None,
        "schedule_job": None,
    }
    assert isinstance(node["id"], int)


def test_create_keeps_every_top_level_field(wf):
    api, s = wf
    node = _node(
        api,
        s,
        component_type="code",
        node_id="my_code",
        label="My code",
        is_entry_point=True,
        interrupt_before=True,
        interrupt_after=True,
        position_x=10,
        position_y=-20,
        subworkflow_id=3,
        code_block_id=4,
    )
    assert node["node_id"] == "my_code"
    assert node["label"] == "My code"
    assert (node["is_entry_point"], node["interrupt_before"], node["interrupt_after"]) == (
        True,
        True,
        True,
    )
    assert (node["position_x"], node["position_y"]) == (10, -20)
    assert (node["subworkflow_id"], node["code_block_id"]) == (3, 4)


@pytest.mark.parametrize("kind", ["agent", "categorizer", "router", "extractor"])
def test_create_keeps_the_system_prompt_of_the_prompted_kinds(wf, kind):
    api, s = wf
    config = _node(api, s, component_type=kind, config=FULL_CONFIG)["config"]
    assert config == {**DEFAULT_CONFIG, "system_prompt": "be nice", "extra_config": {"k": 1}}


def test_create_keeps_model_fields_only_for_ai_model(server, wf):
    api, s = wf
    # The credential must be one the caller may use (test_nodes_credentials.py).
    cred_id = llm_credential(server, server.seed.user_id)
    given = {**FULL_CONFIG, "llm_credential_id": cred_id}
    config = _node(api, s, component_type="ai_model", config=given)["config"]
    assert config == {
        **DEFAULT_CONFIG,
        "extra_config": {"k": 1},
        "llm_credential_id": cred_id,
        "model_name": "gpt-4o",
        "temperature": 0.3,
        "max_tokens": 100,
        "frequency_penalty": 0.1,
        "presence_penalty": 0.2,
        "top_p": 0.9,
        "timeout": 30,
        "max_retries": 2,
        "response_format": {"type": "json_object"},
    }


def test_create_keeps_trigger_fields_only_for_triggers(wf):
    api, s = wf
    config = _node(api, s, component_type="trigger_telegram", config=FULL_CONFIG)["config"]
    assert config == {
        **DEFAULT_CONFIG,
        "extra_config": {"k": 1},
        "credential_id": 9,
        "is_active": False,
        "priority": 4,
        "trigger_config": {"x": True},
    }
    config = _node(api, s, component_type="code", config=FULL_CONFIG)["config"]
    assert config == {**DEFAULT_CONFIG, "extra_config": {"k": 1}}


def test_human_confirmation_always_interrupts_before(wf):
    api, s = wf
    node = _node(api, s, component_type="human_confirmation", interrupt_before=False)
    assert node["interrupt_before"] is True
    r = api.patch(f"/workflows/{s}/nodes/{node['node_id']}/", json={"interrupt_before": False})
    assert r.status_code == 200 and r.json()["interrupt_before"] is True


def test_a_taken_node_id_is_409(wf):
    api, s = wf
    _node(api, s, component_type="code", node_id="dup")
    r = api.post(f"/workflows/{s}/nodes/", json={"component_type": "code", "node_id": "dup"})
    assert r.status_code == 409
    assert r.json() == {"detail": "Node with id 'dup' already exists."}


def test_node_ids_are_per_workflow(server, wf):
    api, s = wf
    _node(api, s, component_type="code", node_id="same")
    other = slug()
    api.post("/workflows/", json={"name": "O", "slug": other})
    assert _node(api, other, component_type="code", node_id="same")["node_id"] == "same"


def test_every_accepted_type_creates_and_unknown_ones_are_422(wf):
    api, s = wf
    r = api.get("/workflows/node-types/")
    kinds = [*r.json(), "code_execute", "error_handler"]
    assert len(kinds) == 42
    for kind in kinds:
        assert _node(api, s, component_type=kind)["component_type"] == kind
    r = api.post(f"/workflows/{s}/nodes/", json={"component_type": "bogus"})
    assert r.status_code == 422
    (item,) = r.json()["detail"]
    assert (item["type"], item["loc"]) == ("literal_error", ["body", "component_type"])
    assert item["msg"].startswith("Input should be 'trigger_telegram', ")
    assert item["msg"].endswith(", 'code_execute' or 'error_handler'")
    r = api.post(f"/workflows/{s}/nodes/", json={})
    assert r.status_code == 422


def test_list_is_a_plain_array_in_creation_order(wf):
    api, s = wf
    ids = [_node(api, s, component_type="code")["node_id"] for _ in range(3)]
    r = api.get(f"/workflows/{s}/nodes/")
    assert r.status_code == 200
    assert [n["node_id"] for n in r.json()] == ids
    assert all(set(n) == NODE_KEYS for n in r.json())


def test_patch_is_partial_including_nested_config(wf):
    api, s = wf
    node = _node(
        api,
        s,
        component_type="agent",
        label="L",
        config={"system_prompt": "p", "extra_config": {"a": 1}},
    )
    url = f"/workflows/{s}/nodes/{node['node_id']}/"
    r = api.patch(url, json={"position_x": 50})
    assert r.status_code == 200
    body = r.json()
    assert body["position_x"] == 50 and body["label"] == "L"
    assert body["config"]["system_prompt"] == "p"
    r = api.patch(url, json={"config": {"input_template": "{{ t }}"}})
    body = r.json()
    assert body["config"]["input_template"] == "{{ t }}"
    assert body["config"]["system_prompt"] == "p"
    assert body["config"]["extra_config"] == {"a": 1}
    # model and trigger fields do not stick to an agent
    body = api.patch(url, json={"config": {"model_name": "m", "priority": 3}}).json()
    assert body["config"]["model_name"] == "" and body["config"]["priority"] == 0
    assert body["updated_at"] >= node["updated_at"]


def test_patch_sets_model_fields_on_ai_model_and_prompt_on_any_node(wf):
    api, s = wf
    model = _node(api, s, component_type="ai_model", node_id="m")
    body = api.patch(
        f"/workflows/{s}/nodes/m/", json={"config": {"model_name": "x", "temperature": 1.5}}
    ).json()
    assert (body["config"]["model_name"], body["config"]["temperature"]) == ("x", 1.5)
    assert model["config"]["model_name"] == ""
    _node(api, s, component_type="code", node_id="c")
    body = api.patch(f"/workflows/{s}/nodes/c/", json={"config": {"system_prompt": "sp"}}).json()
    assert body["config"]["system_prompt"] == "sp"


def test_rename_keeps_edges_as_they_were(wf):
    api, s = wf
    _node(api, s, component_type="trigger_chat", node_id="t")
    _node(api, s, component_type="agent", node_id="a")
    api.post(f"/workflows/{s}/edges/", json={"source_node_id": "t", "target_node_id": "a"})
    r = api.patch(f"/workflows/{s}/nodes/a/", json={"node_id": "b"})
    assert r.status_code == 200 and r.json()["node_id"] == "b"
    (edge,) = api.get(f"/workflows/{s}/edges/").json()
    assert edge["target_node_id"] == "a"
    assert api.patch(f"/workflows/{s}/nodes/a/", json={"label": "x"}).status_code == 404
    r = api.patch(f"/workflows/{s}/nodes/b/", json={"node_id": "t"})
    assert r.status_code == 409
    assert r.json() == {"detail": "Node with id 't' already exists."}


def test_unknown_node_is_404(wf):
    api, s = wf
    r = api.patch(f"/workflows/{s}/nodes/nope/", json={"label": "x"})
    assert r.status_code == 404 and r.json() == {"detail": "Node not found."}
    r = api.delete(f"/workflows/{s}/nodes/nope/")
    assert r.status_code == 404 and r.json() == {"detail": "Node not found."}


def test_delete_removes_the_node_and_its_edges(wf):
    api, s = wf
    for kind, nid in (("trigger_chat", "t"), ("agent", "a"), ("reply_chat", "r")):
        _node(api, s, component_type=kind, node_id=nid)
    api.post(f"/workflows/{s}/edges/", json={"source_node_id": "t", "target_node_id": "a"})
    api.post(f"/workflows/{s}/edges/", json={"source_node_id": "a", "target_node_id": "r"})
    api.post(f"/workflows/{s}/edges/", json={"source_node_id": "t", "target_node_id": "r"})
    r = api.delete(f"/workflows/{s}/nodes/a/")
    assert r.status_code == 204 and r.content == b""
    assert [n["node_id"] for n in api.get(f"/workflows/{s}/nodes/").json()] == ["t", "r"]
    edges = api.get(f"/workflows/{s}/edges/").json()
    assert [(e["source_node_id"], e["target_node_id"]) for e in edges] == [("t", "r")]
    detail = api.get(f"/workflows/{s}/").json()
    assert (detail["node_count"], detail["edge_count"]) == (2, 1)


def test_deleting_the_model_clears_the_link(wf):
    api, s = wf
    model = _node(api, s, component_type="ai_model", node_id="m")
    _node(api, s, component_type="agent", node_id="a")
    api.post(
        f"/workflows/{s}/edges/",
        json={"source_node_id": "m", "target_node_id": "a", "edge_label": "llm"},
    )
    (agent,) = [n for n in api.get(f"/workflows/{s}/nodes/").json() if n["node_id"] == "a"]
    assert agent["config"]["llm_model_config_id"] == model["id"]
    assert api.delete(f"/workflows/{s}/nodes/m/").status_code == 204
    (agent,) = api.get(f"/workflows/{s}/nodes/").json()
    assert agent["config"]["llm_model_config_id"] is None
