from pipelines_server.ui.dag import NODE_W, Edge, Node, layout


def test_layers_follow_the_longest_path_and_edges_go_left_to_right():
    g = layout(
        [Node("a", "a"), Node("b", "b"), Node("c", "c"), Node("d", "d")],
        [Edge("a", "b"), Edge("b", "c"), Edge("a", "c"), Edge("c", "d")],
    )
    xs = {n.id: n.x for n in g.nodes}
    assert xs["a"] < xs["b"] < xs["c"] < xs["d"]
    assert g.width >= 4 * NODE_W
    assert all(e.path.startswith("M") for e in g.edges)


def test_siblings_share_a_layer_and_do_not_overlap():
    g = layout([Node("r", "r"), Node("x", "x"), Node("y", "y")], [Edge("r", "x"), Edge("r", "y")])
    x, y = g.by_id["x"], g.by_id["y"]
    assert x.x == y.x
    assert abs(x.y - y.y) >= x.h


def test_cycles_and_unknown_ends_do_not_break_the_layout():
    g = layout([Node("a", "a"), Node("b", "b")], [Edge("a", "b"), Edge("b", "a"), Edge("a", "z")])
    assert len(g.edges) == 2
    assert {n.id for n in g.nodes} == {"a", "b"}
    assert layout([], []).nodes == []
