"""Graph rules: each one failing alone, several at once, and the compiled graph's helpers."""

from __future__ import annotations

from pipelines_server.engine.compiled_graph import compile_graph
from pipelines_server.engine.graph_validation import validate_graph


def n(node_id, kind, **config):
    node = {"id": node_id, "kind": kind}
    if config:
        node["config"] = config
    return node


def e(source, target, sp=None, tp=None):
    edge = {"source": source, "target": target}
    if sp:
        edge["source_port"] = sp
    if tp:
        edge["target_port"] = tp
    return edge


def messages(graph, fields=None):
    return [err.message for err in validate_graph(graph, fields or [])]


LOOP = {
    "nodes": [
        n("s", "start"),
        n("l", "loop", over="input.items", max_iterations=3),
        n("b", "code", source="def main(d): return d['item']"),
        n("x", "end"),
    ],
    "edges": [e("s", "l"), e("l", "b", "body"), e("b", "l", None, "next"), e("l", "x", "done")],
}


def test_a_valid_graph_with_a_loop_has_no_errors():
    assert messages(LOOP) == []
    g = compile_graph(LOOP)
    assert g.loop_body("l") == {"b"}
    assert [x["source"] for x in g.back_edges("l")] == ["b"]
    assert [x["source"] for x in g.incoming("l")] == ["s"]  # the back-edge is not an input
    assert g.config("b")["timeout_seconds"] == 10  # defaults applied


def test_a_cycle_outside_a_loop_is_refused():
    graph = {
        "nodes": [n("s", "start"), n("a", "merge"), n("b", "merge"), n("x", "end")],
        "edges": [e("s", "a"), e("a", "b"), e("b", "a"), e("b", "x")],
    }
    assert any("cycle through 'a', 'b'" in m for m in messages(graph))


def test_port_types_must_be_compatible():
    graph = {
        "nodes": [
            n("s", "start"),
            n("c", "code", source="def main(d): return 1", output_type="number"),
            n("l", "loop", over="input", max_iterations=2),
            n("b", "code", source="def main(d): return 1"),
            n("x", "end"),
        ],
        "edges": [
            e("s", "c"),
            e("c", "l"),
            e("l", "b", "body"),
            e("b", "l", None, "next"),
            e("l", "x", "done"),
        ],
    }
    assert messages(graph) == []
    graph["nodes"][3] = n("b", "code", source="def main(d): return 1", input_type="string")
    graph["nodes"][1] = n("c", "code", source="x", output_type="number", input_type="string")
    found = messages(graph)
    assert any("type object is not compatible with string" in m for m in found), found


def test_unknown_ports_config_keys_and_missing_required_config():
    graph = {
        "nodes": [
            n("s", "start"),
            n("g", "logic_gate", routes=[{"port": "hi", "when": {"path": "input.n", "op": "gt"}}]),
            n("c", "code", sorce="typo"),
            n("x", "end"),
        ],
        "edges": [e("s", "g"), e("g", "c", "nope"), e("c", "x", None, "bogus")],
    }
    found = " | ".join(messages(graph))
    assert "has no output port 'nope'" in found
    assert "has no input port 'bogus'" in found
    assert '"source" is a required property' in found
    assert "sorce" in found
    assert "needs a value" in found


def test_review_needs_a_subtask_upstream_and_subtask_input_fields_must_exist():
    graph = {
        "nodes": [
            n("s", "start"),
            n("r", "review"),
            n("t", "subtask", fields=[{"name": "a", "type": "short_text", "source": "input"}]),
            n("x", "end"),
        ],
        "edges": [e("s", "r"), e("r", "t"), e("t", "x")],
    }
    found = " | ".join(messages(graph, [{"name": "b", "type": "short_text"}]))
    assert "Review 'r' has no subtask upstream to review" in found
    assert "copies input field 'a'" in found


def test_loop_shape_rules():
    graph = {
        "nodes": [n("s", "start"), n("l", "loop", over="input", max_iterations=2), n("x", "end")],
        "edges": [e("s", "l"), e("l", "x", "done")],
    }
    found = " | ".join(messages(graph))
    assert "exactly one edge out of its body port, found 0" in found
    assert "needs an edge back into its next port" in found


def test_many_errors_are_reported_together():
    graph = {
        "nodes": [n("s", "start"), n("s", "end"), n("q", "teleport")],
        "edges": [e("s", "ghost")],
    }
    found = messages(graph)
    assert len(found) >= 4


def test_nested_gate_conditions_are_checked():
    when = {"all": [{"path": "input.x", "op": "bogus", "value": 1}, {"not": {"paht": "x"}}]}
    graph = {
        "nodes": [
            n("s", "start"),
            n("g", "logic_gate", routes=[{"port": "a", "when": when}], default="b"),
            n("x", "end"),
        ],
        "edges": [e("s", "g"), e("g", "x", "a"), e("g", "x", "b")],
    }
    found = " | ".join(messages(graph))
    assert "unknown operator 'bogus'" in found and "unknown condition keys: paht" in found
