"""The Pipelit graph compiler (domain/pipelit/compile.py) on plain dicts: what it compiles,
how switches and merges map onto native kinds, what it refuses; and the runtime each
compiled node runs, executed here in-process."""

from __future__ import annotations

import pytest

from pipelines_server.domain.pipelit.compile import (
    END_ID,
    Unsupported,
    compile_graph,
    is_helper,
    model_links,
    pipelit_output,
)
from pipelines_server.engine.graph_validation import validate_graph


def node(node_id, kind, **extra):
    return {"node_id": node_id, "component_type": kind, "config": {"extra_config": extra}}


def edge(source, target, *, value="", label=""):
    kind = "conditional" if value else "direct"
    return {
        "source_node_id": source,
        "target_node_id": target,
        "edge_type": kind,
        "edge_label": label,
        "condition_value": value,
    }


def run_node(compiled, node_id, task, nodes):
    """Runs a compiled node's source as the sandbox would: main(data)."""
    config = next(n for n in compiled.graph["nodes"] if n["id"] == node_id)["config"]
    scope: dict = {}
    exec(compile(config["source"], node_id, "exec"), scope)
    return scope["main"]({"input": None, "task": task, "nodes": nodes, "item": None, "index": None})


STORY_NODES = [
    node("trigger_1", "trigger_manual"),
    node("calc", "code", code="return len(state['trigger']['text'])"),
    node(
        "sw",
        "switch",
        rules=[{"id": "long", "field": "node_outputs.calc.output", "operator": "gt", "value": 3}],
        enable_fallback=True,
    ),
    node("a", "code", code="result = 'long'"),
    node("b", "code", code="print('short')"),
    node("join", "merge"),
]
STORY_EDGES = [
    edge("trigger_1", "calc"),
    edge("calc", "sw"),
    edge("sw", "a", value="long"),
    edge("sw", "b", value="__other__"),
    edge("a", "join"),
    edge("b", "join"),
]


def test_the_story_graph_compiles_to_a_valid_native_graph_keeping_node_ids():
    compiled = compile_graph(STORY_NODES[0], STORY_NODES, STORY_EDGES)
    assert validate_graph(compiled.graph, []) == []
    kinds = {n["id"]: n["kind"] for n in compiled.graph["nodes"]}
    assert kinds == {
        "trigger_1": "start",
        "calc": "code",
        "sw": "code",
        "sw::route": "logic_gate",
        "a": "code",
        "b": "code",
        "join": "code",
        END_ID: "end",
    }
    assert compiled.node_ids == ["calc", "sw", "a", "b", "join"]
    gate = next(n for n in compiled.graph["nodes"] if n["id"] == "sw::route")
    assert [r["port"] for r in gate["config"]["routes"]] == ["long", "__other__"]
    assert {"source": "sw::route", "target": "a", "source_port": "long"} in compiled.graph["edges"]
    assert is_helper("sw::route") and is_helper(END_ID) and not is_helper("sw")


def test_code_runs_as_pipelit_runs_it():
    compiled = compile_graph(STORY_NODES[0], STORY_NODES, STORY_EDGES)
    assert run_node(compiled, "calc", {"text": "hello"}, {"trigger_1": {"text": "hello"}}) == {
        "output": "5"
    }
    assert run_node(compiled, "a", {}, {}) == {"output": "long"}
    assert run_node(compiled, "b", {}, {}) == {"output": "short"}


def test_switch_rules_and_fallback():
    compiled = compile_graph(STORY_NODES[0], STORY_NODES, STORY_EDGES)
    assert run_node(compiled, "sw", {}, {"calc": {"output": "5"}}) == {"route": "long"}
    assert run_node(compiled, "sw", {}, {"calc": {"output": "2"}}) == {"route": "__other__"}


def test_merge_appends_every_output_by_default():
    compiled = compile_graph(STORY_NODES[0], STORY_NODES, STORY_EDGES)
    nodes = {
        "trigger_1": {"text": "x"},
        "calc": {"output": "5"},
        "sw::route": {},
        "a": {"output": "long"},
    }
    assert run_node(compiled, "join", {}, nodes) == {
        "merged": [{"output": "5"}, {"output": "long"}]
    }


def test_only_what_the_trigger_reaches_is_compiled():
    nodes = [*STORY_NODES, node("other", "trigger_chat"), node("lonely", "agent")]
    edges = [*STORY_EDGES, edge("other", "lonely")]
    compiled = compile_graph(nodes[0], nodes, edges)
    assert "lonely" not in {n["id"] for n in compiled.graph["nodes"]}


def test_an_unsupported_type_names_the_node_and_the_type():
    nodes = [node("t", "trigger_manual"), node("ask", "human_confirmation")]
    with pytest.raises(Unsupported) as err:
        compile_graph(nodes[0], nodes, [edge("t", "ask")])
    assert str(err.value) == (
        "Node ask: node type 'human_confirmation' is not supported by this server"
    )


def test_an_agent_needs_a_resolved_model():
    nodes = [node("t", "trigger_chat"), node("agent_1", "agent")]
    with pytest.raises(Unsupported) as err:
        compile_graph(nodes[0], nodes, [edge("t", "agent_1")])
    assert str(err.value) == "Node agent_1 (agent) requires a model connection"


def test_an_agent_is_a_native_llm_node_and_code_sees_its_answer_as_output():
    nodes = [
        node("t", "trigger_chat"),
        {**node("agent_1", "agent"), "config": {"system_prompt": "Be {{ brief }}"}},
        node("m", "ai_model"),
        node("after", "code", code="return node_outputs['agent_1']['output'] + '!'"),
    ]
    edges = [edge("t", "agent_1"), edge("m", "agent_1", label="llm"), edge("agent_1", "after")]
    links = model_links(nodes, edges)
    assert links == {"agent_1": {"extra_config": {}}}
    models = {"agent_1": {"credential": "openai", "model": "gpt-x"}}
    compiled = compile_graph(nodes[0], nodes, edges, models)
    assert validate_graph(compiled.graph, []) == []
    agent = next(n for n in compiled.graph["nodes"] if n["id"] == "agent_1")
    assert agent["kind"] == "llm"
    assert agent["config"] == {
        "credential": "openai",
        "model": "gpt-x",
        "prompt": "{{ task.text }}",
        "system": "{% raw %}Be {{ brief }}{% endraw %}",
    }
    assert "m" not in {n["id"] for n in compiled.graph["nodes"]}
    out = run_node(compiled, "after", {}, {"agent_1": {"content": "yes", "model": "gpt-x"}})
    assert out == {"output": "yes!"}
    assert pipelit_output("router", {"content": " left\n"}) == {"route": "left"}
    assert pipelit_output("extractor", {"content": '{"a": 1}'}) == {"extracted": {"a": 1}}
    assert pipelit_output("code", {"content": "x"}) == {"content": "x"}


def test_a_trigger_without_targets_runs_start_to_end():
    compiled = compile_graph(node("t", "trigger_manual"), [node("t", "trigger_manual")], [])
    assert validate_graph(compiled.graph, []) == []
    assert compiled.graph["edges"] == [{"source": "t", "target": END_ID}]


def test_reply_chat_renders_its_message():
    nodes = [
        node("t", "trigger_chat"),
        node("r", "reply_chat", message="you said {{ trigger.text }}"),
    ]
    compiled = compile_graph(nodes[0], nodes, [edge("t", "r")])
    assert run_node(compiled, "r", {"text": "hi"}, {}) == {"output": "you said hi"}


def test_filter_keeps_the_items_every_rule_matches():
    nodes = [
        node("t", "trigger_manual"),
        node(
            "f",
            "filter",
            source_node="src",
            field="items",
            rules=[{"field": "n", "operator": "gte", "value": 2}],
        ),
    ]
    compiled = compile_graph(nodes[0], nodes, [edge("t", "f")])
    items = {"src": {"items": [{"n": 1}, {"n": 2}, {"n": 3}]}}
    assert run_node(compiled, "f", {}, items) == {"filtered": [{"n": 2}, {"n": 3}]}
    assert run_node(compiled, "f", {}, {}) == {"filtered": []}


def test_legacy_switch_expressions_and_fields():
    nodes = [
        node("t", "trigger_manual"),
        node("by_expr", "switch", condition_expression="trigger.kind == 'a'"),
        node("by_field", "switch", condition_field="route"),
    ]
    edges = [edge("t", "by_expr"), edge("t", "by_field")]
    compiled = compile_graph(nodes[0], nodes, edges)
    assert run_node(compiled, "by_expr", {"kind": "a"}, {}) == {"route": "a"}
    assert run_node(compiled, "by_expr", {"kind": "b"}, {}) == {"route": ""}
    assert run_node(compiled, "by_field", {}, {"other": {"route": "x"}}) == {"route": "x"}


def test_merge_combine_and_wait():
    nodes = [
        node("t", "trigger_manual"),
        node("join", "merge", mode="combine", source_nodes=["a", "b"]),
        node("nap", "wait", duration=0, unit="minutes"),
    ]
    compiled = compile_graph(nodes[0], nodes, [edge("t", "join"), edge("t", "nap")])
    outputs = {"a": {"x": 1}, "b": {"y": 2}, "c": {"z": 3}}
    assert run_node(compiled, "join", {}, outputs) == {"merged": {"x": 1, "y": 2}}
    assert run_node(compiled, "nap", {}, {}) == {"output": "Waited 0.0 minutes"}


def test_code_without_code_fails_as_upstream():
    nodes = [node("t", "trigger_manual"), node("c", "code")]
    compiled = compile_graph(nodes[0], nodes, [edge("t", "c")])
    with pytest.raises(ValueError, match="No code provided"):
        run_node(compiled, "c", {}, {})


def test_entry_points_replace_the_triggers_targets_and_end_targets_end_a_path():
    nodes = [
        node("t", "trigger_manual"),
        node("skipped", "code", code="return 1"),
        {**node("entry", "switch", rules=[]), "is_entry_point": True},
    ]
    edges = [edge("t", "skipped"), edge("entry", "__end__", value="stop")]
    compiled = compile_graph(nodes[0], nodes, edges)
    assert compiled.node_ids == ["entry"]
    assert {"source": "entry::route", "target": END_ID, "source_port": "stop"} in (
        compiled.graph["edges"]
    )
    assert validate_graph(compiled.graph, []) == []


def test_interrupts_are_refused():
    nodes = [node("t", "trigger_manual"), {**node("c", "code", code="1"), "interrupt_before": True}]
    with pytest.raises(Unsupported, match="Node c: interrupts are not supported"):
        compile_graph(nodes[0], nodes, [edge("t", "c")])


def test_final_output_prefers_reply_chat_then_agent_then_node_outputs():
    from types import SimpleNamespace

    from pipelines_server.domain.pipelit.executions import final_output

    def ran(node_id, output):
        return SimpleNamespace(node_id=node_id, output=output, status="finished")

    types = {"c": "code", "r": "reply_chat", "a": "agent"}
    assert final_output(types, []) is None
    assert final_output(types, [ran("c", {"output": "1"})]) == {
        "node_outputs": {"c": {"output": "1"}}
    }
    assert final_output(types, [ran("a", {"content": "hi"}), ran("c", {"output": "1"})]) == {
        "message": "hi"
    }
    assert final_output(types, [ran("r", {"output": "bye"}), ran("a", {"content": "x"})]) == {
        "output": "bye"
    }


def test_before_parses_iso_with_z_or_offset():
    from pipelines_server.domain.pipelit.executions import parse_before

    assert parse_before("2026-01-01T00:00:00Z").isoformat() == "2026-01-01T00:00:00"
    assert parse_before("2026-01-01T02:00:00+02:00").isoformat() == "2026-01-01T00:00:00"
    assert parse_before("yesterday") is None


LOOP_NODES = [
    node("t", "trigger_manual"),
    node("m", "merge", source_nodes=["a", "b"]),
    node("a", "code", code="result = 'x'"),
    node("b", "code", code="result = 'y'"),
    node("lp", "loop", source_node="m", field="merged"),
    node("each", "code", code="return state['loop']['item']['output'].upper()"),
    node("total", "code", code="return [r['output'] for r in node_outputs['lp']['results']]"),
]
LOOP_EDGES = [
    edge("t", "a"),
    edge("t", "b"),
    edge("a", "m"),
    edge("b", "m"),
    edge("m", "lp"),
    edge("lp", "each", label="loop_body"),
    edge("each", "lp", label="loop_return"),
    edge("lp", "total"),
]


def test_a_loop_compiles_to_a_native_loop_with_its_helpers():
    compiled = compile_graph(LOOP_NODES[0], LOOP_NODES, LOOP_EDGES)
    assert validate_graph(compiled.graph, []) == []
    kinds = {n["id"]: n["kind"] for n in compiled.graph["nodes"]}
    assert (kinds["lp::items"], kinds["lp"], kinds["lp::body"], kinds["lp::done"]) == (
        "code",
        "loop",
        "merge",
        "merge",
    )
    edges = compiled.graph["edges"]
    assert {"source": "m", "target": "lp::items"} in edges
    assert {"source": "each", "target": "lp", "target_port": "next"} in edges
    assert {"source": "lp::done", "target": "total"} in edges
    merged = {"m": {"merged": [{"output": "x"}, {"output": "y"}]}}
    assert run_node(compiled, "lp::items", {}, merged) == [{"output": "x"}, {"output": "y"}]
    config = next(n for n in compiled.graph["nodes"] if n["id"] == "each")["config"]
    scope: dict = {}
    exec(compile(config["source"], "each", "exec"), scope)
    data = {"input": None, "task": {}, "nodes": merged, "item": {"output": "x"}, "index": 0}
    assert scope["main"](data) == {"output": "X"}
    outputs = {"lp": [{"output": "X"}, {"output": "Y"}]}
    assert run_node(compiled, "total", {}, outputs) == {"output": "['X', 'Y']"}


def test_a_loop_without_one_return_edge_is_refused():
    edges = [e for e in LOOP_EDGES if e["edge_label"] != "loop_return"]
    with pytest.raises(Unsupported, match="exactly one loop_return edge"):
        compile_graph(LOOP_NODES[0], LOOP_NODES, edges)
