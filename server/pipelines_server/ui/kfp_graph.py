"""What the KFP pages draw and show, computed from a compiled pipeline (its IR, as stored)
and a run's task records: the tasks of one DAG of the IR with their dependencies, each
coloured by the state of the task record that ran it; durations; text previews.

Nested DAGs (a sub-pipeline, a condition branch, an exit handler's body, a loop) are drawn as
one node of their parent's DAG, linking to a page that draws them in turn (the pipeline page
with `?dag=<component>`, a run's task page for a DAG task); a loop's page lists its
iterations, each of which draws the loop's body."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from . import dag

NESTED = ("dag", "condition", "exit", "loop")
TERMINAL = ("SUCCEEDED", "FAILED", "CANCELED", "SKIPPED")


def _tasks(ir: dict, component: str | None) -> dict:
    if component is None:
        return ((ir.get("root") or {}).get("dag") or {}).get("tasks") or {}
    return (((ir.get("components") or {}).get(component) or {}).get("dag") or {}).get("tasks") or {}


def task_label(key: str, task: dict) -> str:
    return (task.get("taskInfo") or {}).get("name") or key


def task_kind(ir: dict, key: str, task: dict) -> str:
    """component | importer | dag | condition | exit | loop, as the run's records name them."""
    if task.get("parameterIterator") or task.get("artifactIterator"):
        return "loop"
    ref = (task.get("componentRef") or {}).get("name", "")
    comp = (ir.get("components") or {}).get(ref) or {}
    if "dag" in comp:
        if key.startswith("exit-handler"):
            return "exit"
        if (task.get("triggerPolicy") or {}).get("condition"):
            return "condition"
        return "dag"
    executors = ((ir.get("deploymentSpec") or {}).get("executors")) or {}
    if "importer" in (executors.get(comp.get("executorLabel", "")) or {}):
        return "importer"
    return "component"


def component_name(ref: str) -> str:
    """`comp-add-2` -> `add-2` (the compiler's prefix off)."""
    return ref[len("comp-") :] if ref.startswith("comp-") else ref


def has_dag(ir: dict, component: str | None) -> bool:
    if component is None:
        return bool(_tasks(ir, None))
    return "dag" in ((ir.get("components") or {}).get(component) or {})


def ir_graph(
    ir: dict,
    component: str | None = None,
    *,
    states: dict[str, dict] | None = None,
    href: Callable[[str, dict, dict | None], str | None] | None = None,
) -> dag.Layout:
    """The tasks of one DAG of the IR (the root's, or `component`'s) as a laid-out graph.
    `states` maps a task's label to the record that ran it (its state colours the node);
    `href(key, task, record)` gives a node's link."""
    tasks = _tasks(ir, component)
    nodes, edges = [], []
    for key, task in tasks.items():
        label = task_label(key, task)
        rec = (states or {}).get(label)
        ref = (task.get("componentRef") or {}).get("name", "")
        state = rec["state"].lower() if rec else ("pending" if states is not None else "")
        nodes.append(
            dag.Node(
                id=key,
                label=label,
                kind=task_kind(ir, key, task),
                state=state,
                href=href(key, task, rec) if href else None,
                detail=_detail(label, ref, rec),
            )
        )
        for dep in task.get("dependentTasks") or []:
            edges.append(dag.Edge(dep, key))
    return dag.layout(nodes, edges)


def _detail(label: str, ref: str, rec: dict | None) -> str:
    """A node's second line: `cached`, else its component when that is not its label."""
    if rec and rec.get("cached"):
        return "cached"
    name = component_name(ref)
    return "" if name == label else name


def children(records: list[dict], parent_id: str | None) -> list[dict]:
    return [r for r in records if r.get("parent_task_id") == parent_id]


def root_record(records: list[dict]) -> dict | None:
    return next((r for r in records if r.get("kind") == "root"), None)


def by_label(records: list[dict]) -> dict[str, dict]:
    """Records by display name (a task retried in place keeps one record; the last wins)."""
    return {r["display_name"]: r for r in records}


def component_of(ir: dict, records: list[dict], rec: dict) -> str | None:
    """The IR component whose DAG a nested task record ran (None for the root record): the
    path of records from the root, matched task by task (an iteration runs its loop's
    body)."""
    by_id = {r["task_id"]: r for r in records}
    path = []
    cur: dict | None = rec
    while cur is not None and cur.get("kind") != "root":
        path.append(cur)
        cur = by_id.get(cur.get("parent_task_id") or "")
    if cur is None:
        return None
    component: str | None = None
    parent_kind = "root"
    for r in reversed(path):
        if parent_kind == "loop":  # an iteration: the loop's body, already selected
            parent_kind = r.get("kind", "")
            continue
        match = next(
            (t for k, t in _tasks(ir, component).items() if task_label(k, t) == r["display_name"]),
            None,
        )
        if match is None:
            return None
        component = (match.get("componentRef") or {}).get("name")
        parent_kind = r.get("kind", "")
    return component


def seconds(start: datetime | str | None, end: datetime | str | None) -> float | None:
    a, b = _dt(start), _dt(end)
    if a is None or b is None:
        return None
    return max(0.0, (b - a).total_seconds())


def _dt(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


def duration(start, end) -> str:
    """`1m 05s`, `3.2s`; `—` when either end is missing."""
    s = seconds(start, end)
    if s is None:
        return "—"
    if s < 60:
        return f"{s:.1f}s"
    m, sec = divmod(int(s), 60)
    h, m = divmod(m, 60)
    return f"{h}h {m:02d}m {sec:02d}s" if h else f"{m}m {sec:02d}s"


TEXT_PREVIEW_BYTES = 256 * 1024


def as_text(data: bytes) -> str | None:
    """Bytes shown inline when they are UTF-8 text without NULs and not too big; else None."""
    if len(data) > TEXT_PREVIEW_BYTES or b"\x00" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
