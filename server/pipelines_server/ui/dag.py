"""A graph drawn as a DAG, laid out on the server and rendered as inline SVG by the
`dag()` macro of `templates/_dag.html` (no JavaScript layout library to vendor).

Layout: each node's layer is its longest distance from a root (cycles, which a valid graph
has not, are broken by ignoring back edges); layers are columns left to right, and inside a
layer nodes are ordered by the mean position of their parents (one barycentre pass), which
keeps most edges short and uncrossed for the graphs people draw by hand.

    layout([Node("a", "start", kind="start"), Node("b", "clean", kind="code", state="running")],
           [Edge("a", "b")])
"""

from __future__ import annotations

from dataclasses import dataclass, field

NODE_W, NODE_H = 168, 52
GAP_X, GAP_Y = 56, 20
PAD = 12


@dataclass
class Node:
    id: str
    label: str
    kind: str = ""
    state: str = ""  # a CSS class: pending, running, succeeded, failed, skipped, ...
    href: str | None = None
    detail: str = ""  # a second line, e.g. counts by state
    x: float = 0
    y: float = 0
    w: float = NODE_W
    h: float = NODE_H


@dataclass
class Edge:
    source: str
    target: str
    label: str = ""
    path: str = ""


@dataclass
class Layout:
    nodes: list[Node]
    edges: list[Edge]
    width: float = 0
    height: float = 0
    by_id: dict[str, Node] = field(default_factory=dict)


def _layers(nodes: list[Node], edges: list[Edge]) -> dict[str, int]:
    ids = [n.id for n in nodes]
    parents: dict[str, list[str]] = {i: [] for i in ids}
    for e in edges:
        if e.source in parents and e.target in parents and e.source != e.target:
            parents[e.target].append(e.source)
    layer: dict[str, int] = {}
    visiting: set[str] = set()

    def depth(i: str) -> int:
        if i in layer:
            return layer[i]
        visiting.add(i)
        d = 0
        for p in parents[i]:
            if p not in visiting:  # a back edge: ignored
                d = max(d, depth(p) + 1)
        visiting.discard(i)
        layer[i] = d
        return d

    for i in ids:
        depth(i)
    return layer


def layout(nodes: list[Node], edges: list[Edge]) -> Layout:
    nodes = list(nodes)
    by_id = {n.id: n for n in nodes}
    edges = [e for e in edges if e.source in by_id and e.target in by_id]
    layer = _layers(nodes, edges)
    columns: dict[int, list[Node]] = {}
    for n in nodes:
        columns.setdefault(layer[n.id], []).append(n)
    order: dict[str, float] = {}
    for col in sorted(columns):
        members = columns[col]
        if col > 0:

            def centre(n: Node) -> float:
                ps = [order[e.source] for e in edges if e.target == n.id and e.source in order]
                return sum(ps) / len(ps) if ps else len(order)

            members.sort(key=centre)
        for i, n in enumerate(members):
            order[n.id] = i
    tallest = max((len(c) for c in columns.values()), default=0)
    height = PAD * 2 + tallest * NODE_H + max(0, tallest - 1) * GAP_Y
    for col, members in columns.items():
        used = len(members) * NODE_H + max(0, len(members) - 1) * GAP_Y
        top = (height - used) / 2
        for i, n in enumerate(members):
            n.x = PAD + col * (NODE_W + GAP_X)
            n.y = top + i * (NODE_H + GAP_Y)
    width = PAD * 2 + (max(columns, default=-1) + 1) * NODE_W + max(0, len(columns) - 1) * GAP_X
    for e in edges:
        s, t = by_id[e.source], by_id[e.target]
        x1, y1 = s.x + s.w, s.y + s.h / 2
        x2, y2 = t.x, t.y + t.h / 2
        if x2 <= x1:  # a back or same-layer edge: loop around below
            e.path = f"M{x1},{y1} C{x1 + 40},{y1 + 60} {x2 - 40},{y2 + 60} {x2},{y2}"
        else:
            mid = (x1 + x2) / 2
            e.path = f"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}"
    return Layout(nodes=nodes, edges=edges, width=width, height=max(height, NODE_H), by_id=by_id)
