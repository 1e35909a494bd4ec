"""A workflow graph as the UI draws it (ui.dag): each node with its kind, each edge labelled
with its ports; on a workflow page each node carries how many tasks' instances of it are in
each state, on a task page the state of that task's instance."""

from __future__ import annotations

from . import dag

# What a count bucket (domain.workflow_progress.BUCKETS) is called on a node.
SHORT = {"pending": "pending", "running": "running", "done": "done", "failed": "failed"}


def edge_label(edge: dict) -> str:
    source, target = edge.get("source_port") or "", edge.get("target_port") or ""
    if source and target:
        return f"{source} → {target}"
    return source or (f"→ {target}" if target else "")


def _edges(graph: dict) -> list[dag.Edge]:
    out = []
    for e in graph.get("edges") or []:
        if isinstance(e, dict) and e.get("source") and e.get("target"):
            out.append(dag.Edge(str(e["source"]), str(e["target"]), edge_label(e)))
    return out


def _graph_nodes(graph: dict) -> list[dict]:
    return [n for n in graph.get("nodes") or [] if isinstance(n, dict) and n.get("id")]


def count_detail(counts: dict[str, int] | None) -> str:
    """`2 running, 5 done` (only the buckets that are not zero; skipped ones left out)."""
    if not counts:
        return ""
    return ", ".join(f"{counts[b]} {label}" for b, label in SHORT.items() if counts.get(b))


def overall_state(counts: dict[str, int] | None) -> str:
    """The node's colour on a workflow page: failed if any failed, running if any runs,
    done if some finished, else none."""
    if not counts:
        return ""
    for bucket, state in (("failed", "failed"), ("running", "running"), ("pending", "pending")):
        if counts.get(bucket):
            return state
    if counts.get("done"):
        return "succeeded"
    return "skipped" if counts.get("skipped") else ""


def workflow_dag(graph: dict, counts: dict[str, dict[str, int]]) -> dag.Layout:
    nodes = [
        dag.Node(
            str(n["id"]),
            str(n.get("name") or n["id"]),
            kind=str(n.get("kind") or ""),
            state=overall_state(counts.get(str(n["id"]))),
            detail=count_detail(counts.get(str(n["id"]))),
        )
        for n in _graph_nodes(graph)
    ]
    return dag.layout(nodes, _edges(graph))


def task_dag(graph: dict, nodes: list[dict]) -> dag.Layout:
    """`nodes`: the task's node entries (domain.run_views.node_entry), by the graph's order."""
    by_id = {n["node_id"]: n for n in nodes}
    drawn = []
    for n in _graph_nodes(graph):
        entry = by_id.get(str(n["id"]), {})
        drawn.append(
            dag.Node(
                str(n["id"]),
                str(entry.get("name") or n.get("name") or n["id"]),
                kind=str(entry.get("kind") or n.get("kind") or ""),
                state=str(entry.get("status") or "pending"),
                href=f"#node-{n['id']}",
            )
        )
    return dag.layout(drawn, _edges(graph))
