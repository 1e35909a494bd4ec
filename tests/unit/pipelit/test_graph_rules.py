"""Pipelit's graph rules without a server: type compatibility, the edge POST checks, validate's
findings, what a node's config keeps, the catalogue, the DSL's counts."""

from __future__ import annotations

import itertools

import pytest

from pipelines_server.domain.pipelit import catalogue, dsl, graph

TYPES = catalogue.DATA_TYPES


def n(node_id, kind):
    return {"node_id": node_id, "component_type": kind}


def e(source, target="", edge_type="direct", label="", value=""):
    return {
        "source_node_id": source,
        "target_node_id": target,
        "edge_type": edge_type,
        "edge_label": label,
        "condition_value": value,
    }


@pytest.mark.parametrize(("s", "t"), list(itertools.product(TYPES, TYPES)))
def test_compatibility_is_equal_any_or_a_listed_coercion(s, t):
    expected = (
        s == t
        or "any" in (s, t)
        or (s, t) in {("message", "messages"), ("string", "message"), ("string", "messages")}
    )
    assert graph.compatible(s, t) is expected


def test_examples_of_the_contract():
    assert not graph.compatible("number", "string")
    assert not graph.compatible("object", "string")
    assert not graph.compatible("messages", "message")
    assert graph.edge_type_errors("trigger_manual", "agent") == [
        "Type mismatch: trigger_manual outputs 'object' but agent expects 'messages'"
    ]
    assert graph.edge_type_errors("trigger_chat", "agent") == []


def test_labelled_edges_check_only_the_target_flag():
    assert graph.edge_type_errors("code", "agent", "llm") == []
    assert graph.edge_type_errors("code", "switch", "llm") == [
        "Node type 'switch' does not accept 'model' connections"
    ]
    assert graph.edge_type_errors("code", "router", "tool") == [
        "Node type 'router' does not accept 'tools' connections"
    ]
    assert graph.edge_type_errors("code", "deep_agent", "output_parser") == [
        "Node type 'deep_agent' does not accept 'output_parser' connections"
    ]
    assert graph.edge_type_errors("code", "extractor", "skill") == [
        "Node type 'extractor' does not accept 'skills' connections"
    ]


def test_unregistered_types_and_inputless_targets_pass():
    assert graph.edge_type_errors("code_execute", "agent") == []
    assert graph.edge_type_errors("trigger_manual", "error_handler") == []
    assert graph.edge_type_errors("agent", "trigger_chat") == []
    assert graph.edge_type_errors("trigger_manual", "ai_model") == []


def test_conditional_checks_come_in_order():
    sw, code = n("s", "switch"), n("c", "code")
    assert graph.conditional_error(e("s", "", "conditional"), sw) == (
        "Conditional edges require a non-empty condition_value"
    )
    assert graph.conditional_error(e("s", "", "conditional", value="v"), sw) == (
        "Conditional edges require a non-empty target_node_id"
    )
    assert graph.conditional_error(e("c", "x", "conditional", value="v"), code) == (
        "Conditional edges can only originate from 'switch' nodes"
    )
    assert graph.conditional_error(e("z", "x", "conditional", value="v"), None) == (
        "Conditional edges can only originate from 'switch' nodes"
    )
    assert graph.conditional_error(e("s", "x", "conditional", value="v"), sw) is None
    assert graph.conditional_error(e("c", "x"), code) is None


def test_post_type_check_applies_only_when_it_can():
    man, agent = n("m", "trigger_manual"), n("a", "agent")
    assert graph.post_type_errors(e("m", "a"), man, agent)
    assert graph.post_type_errors(e("m", "a"), man, None) == []
    assert graph.post_type_errors(e("m", ""), man, None) == []
    assert graph.post_type_errors(e("m", "a", label="loop_body"), man, agent) == []
    assert graph.post_type_errors(e("m", "a", label="loop_return"), man, agent) == []


def test_validate_reports_every_edge_then_the_model_connections():
    nodes = [n("t", "trigger_manual"), n("a", "agent"), n("c", "code"), n("sw", "switch")]
    edges = [
        e("ghost", "a"),
        e("c", "", "conditional"),
        e("c", "nowhere", "conditional", value="v"),
        e("sw", "__end__", "conditional", value="v"),
        e("t", "missing"),
        e("t", "a"),
        e("t", "a", label="loop_body"),
        e("c", "c", label="tool"),
    ]
    assert graph.validate(nodes, edges) == [
        "Edge references unknown source node 'ghost'",
        "Conditional edge from 'c' is missing condition_value",
        "Conditional edge from 'c' is missing target_node_id",
        "Conditional edge from 'c' (code): only 'switch' nodes can have conditional edges",
        "Conditional edge from 'c' targets unknown node 'nowhere'",
        "Conditional edge from 'c' (code): only 'switch' nodes can have conditional edges",
        "Edge references unknown target node 'missing'",
        "Edge t \u2192 a: Type mismatch: trigger_manual outputs 'object' but agent expects "
        "'messages'",
        "Edge c \u2192 c: Node type 'code' does not accept 'tools' connections",
        "Node 'a' (agent) requires a model connection",
    ]
    assert graph.validate([n("m", "ai_model"), n("a", "agent")], [e("m", "a", label="llm")]) == []
    assert graph.validate([], []) == []


def test_create_keeps_only_what_the_kind_keeps():
    given = {
        "system_prompt": "p",
        "extra_config": {"x": 1},
        "model_name": "m",
        "temperature": 0.5,
        "max_tokens": None,
        "priority": 2,
        "input_template": "t",
    }
    assert graph.create_config("agent", given) == {"extra_config": {"x": 1}, "system_prompt": "p"}
    assert graph.create_config("code", given) == {"extra_config": {"x": 1}}
    assert graph.create_config("ai_model", given) == {
        "extra_config": {"x": 1},
        "llm_credential_id": None,
        "model_name": "m",
        "temperature": 0.5,
    }
    assert graph.create_config("trigger_chat", given) == {
        "extra_config": {"x": 1},
        "credential_id": None,
        "is_active": True,
        "priority": 2,
        "trigger_config": {},
    }
    rendered = graph.render_config("code", graph.create_config("code", given))
    assert rendered == {**graph.CONFIG_DEFAULTS, "extra_config": {"x": 1}}
    assert set(rendered) == set(graph.CONFIG_DEFAULTS)


def test_patch_sets_the_keys_the_kind_takes():
    stored = {"extra_config": {}, "system_prompt": "a"}
    assert graph.patch_config("code", stored, {"model_name": "m", "input_template": "t"}) == {
        "extra_config": {},
        "system_prompt": "a",
        "input_template": "t",
    }
    assert graph.patch_config("ai_model", {}, {"model_name": "m"}) == {"model_name": "m"}
    assert graph.patch_config("trigger_chat", {}, {"is_active": False}) == {"is_active": False}
    assert graph.patch_config("code", {}, {"llm_model_config_id": 3}) == {}


def test_default_node_ids():
    assert len(graph.default_node_id("code")) == len("code_") + 8
    assert len(graph.default_node_id("code", 8)) == len("code_") + 16


def test_catalogue_is_the_union_and_accepts_42_types():
    assert len(catalogue.CATALOGUE) == 40
    assert len(catalogue.COMPONENT_TYPES) == 42
    assert {"code_execute", "error_handler"} & set(catalogue.CATALOGUE) == set()
    copy = catalogue.node_types()
    copy["agent"]["inputs"].clear()
    assert catalogue.spec("agent")["inputs"]


def test_dsl_counts_and_refusals():
    parsed = dsl.parse("name: x\nsteps: [{type: code}, {type: agent}]")
    assert parsed["trigger"] == "none"
    assert dsl.count_graph(parsed, None, []) == (3, 2)
    assert dsl.count_graph(parsed, 7, []) == (4, 3)
    with pytest.raises(dsl.DslError, match="No LLM credentials available"):
        dsl.resolve_model({"discover": True}, [])
    assert dsl.resolve_model({"discover": True}, [4, 5]) == 4
    assert dsl.resolve_model({"credential_id": 9}, []) == 9
    assert dsl.resolve_model({}, []) is None
