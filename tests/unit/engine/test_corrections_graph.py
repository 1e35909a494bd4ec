"""The graph questions corrections ask: what depended on a node (its descendants, along
forward edges only) and whether a node sits inside a loop's body."""

from __future__ import annotations

from pipelines_server.engine.compiled_graph import compile_graph


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


BRANCHES = {
    "nodes": [
        n("s", "start"),
        n("a", "subtask"),
        n("b", "subtask"),
        n("r", "review", subtask="a"),
        n("c", "subtask"),
        n("m", "merge"),
        n("x", "end"),
    ],
    "edges": [
        e("s", "a"),
        e("s", "b"),
        e("a", "r"),
        e("r", "m"),
        e("b", "c"),
        e("c", "m"),
        e("m", "x"),
    ],
}

LOOP = {
    "nodes": [
        n("s", "start"),
        n("w", "subtask"),
        n("l", "loop", over="input.items", max_iterations=3),
        n("b", "subtask"),
        n("x", "end"),
    ],
    "edges": [
        e("s", "w"),
        e("w", "l"),
        e("l", "b", "body"),
        e("b", "l", None, "next"),
        e("l", "x", "done"),
    ],
}


def test_descendants_are_what_follows_a_node_and_not_its_siblings():
    g = compile_graph(BRANCHES)
    assert g.descendants("a") == {"r", "m", "x"}
    assert g.descendants("b") == {"c", "m", "x"}
    assert g.descendants("s") == {"a", "b", "r", "c", "m", "x"}
    assert g.descendants("x") == set()


def test_a_loops_back_edge_is_not_followed():
    g = compile_graph(LOOP)
    # Before the loop: the whole loop and what follows it run again.
    assert g.descendants("w") == {"l", "b", "x"}
    # Inside the body: the back edge into the loop's `next` port is not a dependency.
    assert g.descendants("b") == set()
    assert g.in_loop_body("b") and not g.in_loop_body("w") and not g.in_loop_body("l")
