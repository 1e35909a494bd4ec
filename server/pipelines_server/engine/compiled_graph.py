"""The compiled form of a valid workflow graph, the one the engine walks: nodes and their
configurations (defaults filled in), edges indexed by node and port, loop bodies, and the
graph questions the engine and the domain ask (which subtask a review judges)."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable
from functools import lru_cache

from .kinds import edge_port, with_defaults


def reach(starts: Iterable[str], succ: dict[str, list[str]], stop: str | None = None) -> set[str]:
    """Every node reached from `starts` along `succ` (the starts included), not past `stop`."""
    seen, queue = set(), deque(starts)
    while queue:
        n = queue.popleft()
        if n in seen or n == stop:
            continue
        seen.add(n)
        queue.extend(succ.get(n, []))
    return seen


class CompiledGraph:
    """A valid graph, indexed for the engine (built once per workflow version)."""

    def __init__(self, graph: dict):
        self.nodes: dict[str, dict] = {n["id"]: n for n in graph.get("nodes") or []}
        self._configs = {
            nid: with_defaults(n["kind"], n.get("config")) for nid, n in self.nodes.items()
        }
        self._in: dict[str, list[dict]] = {nid: [] for nid in self.nodes}
        self._out: dict[str, list[dict]] = {nid: [] for nid in self.nodes}
        self._back: dict[str, list[dict]] = {nid: [] for nid in self.nodes}
        for raw in graph.get("edges") or []:
            edge = {
                **raw,
                "source_port": edge_port(raw, "source"),
                "target_port": edge_port(raw, "target"),
            }
            self._out[edge["source"]].append(edge)
            if self.kind(edge["target"]) == "loop" and edge["target_port"] == "next":
                self._back[edge["target"]].append(edge)
            else:
                self._in[edge["target"]].append(edge)
        kinds = {n["kind"]: nid for nid, n in self.nodes.items()}
        self.start_id = kinds.get("start", "")
        self.end_id = kinds.get("end", "")
        self._bodies: dict[str, set[str]] = {}
        self._reviewers: dict[str, list[str]] | None = None

    def kind(self, node_id: str) -> str:
        return self.nodes[node_id]["kind"]

    def config(self, node_id: str) -> dict:
        return self._configs[node_id]

    def incoming(self, node_id: str) -> list[dict]:
        """Forward edges into the node (back-edges into a loop's `next` port excluded)."""
        return self._in[node_id]

    def outgoing(self, node_id: str, port: str | None = None) -> list[dict]:
        edges = self._out[node_id]
        return edges if port is None else [e for e in edges if e["source_port"] == port]

    def back_edges(self, loop_id: str) -> list[dict]:
        return self._back[loop_id]

    def loop_body(self, loop_id: str) -> set[str]:
        body = self._bodies.get(loop_id)
        if body is None:
            succ: dict[str, list[str]] = {}
            for nid, edges in self._out.items():
                succ[nid] = [
                    e["target"]
                    for e in edges
                    if not (self.kind(e["target"]) == "loop" and e["target_port"] == "next")
                ]
            body = reach([e["target"] for e in self.outgoing(loop_id, "body")], succ, stop=loop_id)
            self._bodies[loop_id] = body
        return body

    def loops(self) -> list[str]:
        return [n for n in self.nodes if self.kind(n) == "loop"]

    def reviewed_subtask(self, review_id: str) -> str | None:
        """The subtask a review judges: configured, else the nearest upstream subtask."""
        configured = self.config(review_id).get("subtask")
        if configured:
            return configured
        seen, queue = {review_id}, deque([review_id])
        while queue:
            for edge in self.incoming(queue.popleft()):
                src = edge["source"]
                if src in seen:
                    continue
                if self.kind(src) == "subtask":
                    return src
                seen.add(src)
                queue.append(src)
        return None

    def reviewers(self, subtask_id: str) -> list[str]:
        """The review nodes that judge this subtask (see `reviewed_subtask`), in graph order;
        empty when none does (its submission then finishes it at once)."""
        if self._reviewers is None:
            judged: dict[str, list[str]] = {}
            for nid in self.nodes:
                if self.kind(nid) == "review":
                    target = self.reviewed_subtask(nid)
                    if target is not None:
                        judged.setdefault(target, []).append(nid)
            self._reviewers = judged
        return list(self._reviewers.get(subtask_id, ()))

    def between(self, source: str, target: str) -> set[str]:
        """Nodes on a forward path from source to target, both excluded."""
        down = reach(
            [e["target"] for e in self.outgoing(source)],
            {n: [e["target"] for e in self._out[n]] for n in self.nodes},
        )
        up = reach(
            [e["source"] for e in self.incoming(target)],
            {n: [e["source"] for e in self._in[n]] for n in self.nodes},
        )
        return (down & up) - {source, target}

    def descendants(self, node_id: str) -> set[str]:
        """Every node downstream of `node_id` along forward edges (itself excluded): what
        depended on its output and runs again when that output is corrected."""
        succ = {n: [e["target"] for e in self._forward_out(n)] for n in self.nodes}
        return reach(succ.get(node_id, []), succ) - {node_id}

    def _forward_out(self, node_id: str) -> list[dict]:
        return [
            e
            for e in self._out[node_id]
            if not (self.kind(e["target"]) == "loop" and e["target_port"] == "next")
        ]

    def in_loop_body(self, node_id: str) -> bool:
        return any(node_id in self.loop_body(loop_id) for loop_id in self.loops())


@lru_cache(maxsize=1024)
def _compile(key: str) -> CompiledGraph:
    return CompiledGraph(json.loads(key))


def compile_graph(graph: dict) -> CompiledGraph:
    return _compile(json.dumps(graph, sort_keys=True))
