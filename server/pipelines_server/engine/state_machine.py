"""The task state machine: one task's node instances, locked and advanced inside one
transaction (`TaskRun`), with the node states and the task status derived from them.

Every change to a task's nodes happens through a `TaskRun`: the transaction first takes the
task's row lock (an UPDATE of the row: a row lock on PostgreSQL, the database write lock on
SQLite, where the driver opens the transaction at the first write), then reads the node
instances, applies the change, follows the graph as far as it can without doing node work,
and writes everything back with the timeline events before it commits. Two workers finishing
sibling nodes of one task therefore see each other's results, and a crash at any point
leaves either all of a step or none of it.

Node work that has side effects or takes time (code, http, llm, an llm-prefilled subtask)
is queued on the node's own row (`queue='auto'`), claimed by a worker, run outside any
transaction, and recorded by `node_work.complete()`, which only accepts the result of the
claim that still holds the node: a node whose worker died is claimed again when its lease
ends, and a late result of the dead claim is dropped, so no node's result is ever recorded
twice.
Pure bookkeeping kinds (start, end, merge, loop) and the cheap pure ones (logic gate,
evaluation) run inline while the graph is followed.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from ..store.models import NodeInstance, Task, TaskEvent, Workflow, WorkflowVersion, utcnow
from . import assignment, followups
from .compiled_graph import CompiledGraph, compile_graph
from .executors.base import NodeContext, NodeFailed, NodeResult
from .kinds import QUEUED_KINDS

OPEN = frozenset({"pending", "deferred", "available", "claimed"})
# A node in one of these states has produced its output (a subtask waiting for its review
# is `submitted`: its values flow on, and the review decides whether they stand).
DONE = frozenset({"finished", "submitted"})
TERMINAL_TASK = frozenset({"finished", "failed", "cancelled"})

_NI = NodeInstance.__table__
_T = Task.__table__
_EV = TaskEvent.__table__
_MUTABLE = (
    "status",
    "queue",
    "run_at",
    "claim_token",
    "attempt",
    "assignee_id",
    "lease_expires_at",
    "reserved_for_id",
    "excluded_user_id",
    "submitted_by_id",
    "route",
    "input",
    "output",
    "state",
    "log",
    "error",
    "work_seconds",
    "finished_at",
    "dispatched_at",
    "updated_at",
)
_UPDATE_NODE = (
    update(_NI).where(_NI.c.id == bindparam("_id")).values({c: bindparam(c) for c in _MUTABLE})
)


class EngineConflict(Exception):
    """The node is not in a state that allows the operation (HTTP 409 at the surface)."""


@dataclass
class Inst:
    """A node instance row, loaded for one transaction."""

    id: int
    node_id: str
    kind: str
    status: str
    queue: str | None = None
    run_at: datetime | None = None
    claim_token: str | None = None
    attempt: int = 0
    assignee_id: int | None = None
    lease_expires_at: datetime | None = None
    reserved_for_id: int | None = None
    excluded_user_id: int | None = None
    submitted_by_id: int | None = None
    route: str | None = None
    input: Any = None
    output: Any = None
    state: dict | None = None
    log: str | None = None
    error: str | None = None
    work_seconds: float | None = None
    finished_at: datetime | None = None
    dispatched_at: datetime | None = None
    updated_at: datetime | None = None
    created_at: datetime | None = None

    def values(self) -> dict:
        return {c: getattr(self, c) for c in _MUTABLE}


_GRAPHS: dict[tuple[int, int], CompiledGraph] = {}


def version_graph(conn: Connection, workflow_id: int, version: int) -> dict:
    """The graph a task of this workflow version runs: the version's snapshot, or the
    workflow's graph for a task older than version snapshots."""
    wv = WorkflowVersion.__table__
    graph = conn.execute(
        select(wv.c.graph).where(wv.c.workflow_id == workflow_id, wv.c.version == version)
    ).scalar()
    if graph is None:
        graph = conn.execute(
            select(Workflow.__table__.c.graph).where(Workflow.__table__.c.id == workflow_id)
        ).scalar()
    return graph or {}


def load_graph(conn: Connection, workflow_id: int, version: int) -> CompiledGraph:
    """The compiled graph of one workflow version (versions never change: cached for good)."""
    key = (workflow_id, version)
    compiled = _GRAPHS.get(key)
    if compiled is None:
        compiled = compile_graph(version_graph(conn, workflow_id, version))
        if len(_GRAPHS) > 4096:
            _GRAPHS.clear()
        _GRAPHS[key] = compiled
    return compiled


def _cols() -> list:
    return [_NI.c[name] for name in Inst.__dataclass_fields__]


_SELECT_INSTS = select(*_cols()).where(_NI.c.task_id == bindparam("task_id"))
_TASK_COLS = (
    _T.c.id,
    _T.c.org_id,
    _T.c.workflow_id,
    _T.c.workflow_version,
    _T.c.status,
    _T.c.fields,
)
_LOCK_TASK = (
    update(_T)
    .where(_T.c.id == bindparam("task_id"))
    .values(updated_at=bindparam("now"))
    .returning(*_TASK_COLS, _T.c.started_at)
)
_SELECT_TASK = select(*_TASK_COLS).where(_T.c.id == bindparam("task_id"))


@dataclass
class TaskRun:
    """One task, locked for the current transaction, with the changes made to it."""

    conn: Connection
    task_id: int
    org_id: int
    workflow_id: int
    status: str
    fields: dict
    graph: CompiledGraph
    insts: dict[str, Inst]
    now: datetime
    actor_id: int | None = None
    changed: set[str] = field(default_factory=set)
    events: list[dict] = field(default_factory=list)
    enqueued: list[tuple[int, float]] = field(default_factory=list)  # (node, due in s)
    task_output: Any = None
    task_error: str | None = None
    _work: deque = field(default_factory=deque)

    # ---- loading and saving -------------------------------------------------------------

    @classmethod
    def lock(cls, conn: Connection, task_id: int, actor_id: int | None = None) -> TaskRun | None:
        """The task, locked until the transaction ends (None: no such task)."""
        now = utcnow()
        row = conn.execute(_LOCK_TASK, {"task_id": task_id, "now": now}).first()
        return None if row is None else cls._loaded(conn, row, now, actor_id)

    @classmethod
    def load(cls, conn: Connection, task_id: int) -> TaskRun | None:
        """A read-only view of the task, for building a node's context or a view (no lock
        taken: nothing may be flushed from it)."""
        row = conn.execute(_SELECT_TASK, {"task_id": task_id}).first()
        return None if row is None else cls._loaded(conn, row, utcnow(), None)

    @classmethod
    def _loaded(cls, conn: Connection, row, now: datetime, actor_id: int | None) -> TaskRun:
        graph = load_graph(conn, row.workflow_id, row.workflow_version)
        insts = {
            r.node_id: Inst(**r._mapping) for r in conn.execute(_SELECT_INSTS, {"task_id": row.id})
        }
        return cls(
            conn=conn,
            task_id=row.id,
            org_id=row.org_id,
            workflow_id=row.workflow_id,
            status=row.status,
            fields=row.fields or {},
            graph=graph,
            insts=insts,
            now=now,
            actor_id=actor_id,
        )

    def set(self, inst: Inst, **values: Any) -> None:
        for key, value in values.items():
            setattr(inst, key, value)
        inst.updated_at = self.now
        self.changed.add(inst.node_id)

    def event(self, type_: str, inst: Inst | None = None, **data: Any) -> None:
        self.events.append(
            {
                "org_id": self.org_id,
                "task_id": self.task_id,
                "workflow_id": self.workflow_id,
                "node_instance_id": inst.id if inst else None,
                "node_id": inst.node_id if inst else None,
                "type": type_,
                "data": data,
                "actor_id": self.actor_id,
                "created_at": self.now,
            }
        )

    def flush(self) -> None:
        """Writes the changed instances, the derived task status and the events."""
        self._derive_status()
        if self.changed:
            params = []
            for node_id in self.changed:
                inst = self.insts[node_id]
                values = inst.values()
                values["_id"] = inst.id
                params.append(values)
            self.conn.execute(_UPDATE_NODE, params)
        if self.events:
            self.conn.execute(insert(_EV), self.events)
            followups.after_flush(self, self.events)
        self.changed.clear()
        self.events = []

    # ---- task status ----------------------------------------------------------------------

    def _derive_status(self) -> None:
        old = self.status
        if old in TERMINAL_TASK:
            return
        statuses = {i.status for i in self.insts.values()}
        end = self.insts.get(self.graph.end_id)
        if "failed" in statuses:
            new = "failed"
        elif end is not None and end.status == "finished":
            new = "finished"
        elif "escalated" in statuses:
            new = "escalated"
        elif "quarantined" in statuses:
            new = "quarantined"
        elif old == "paused":
            new = "paused"
        else:
            new = "in_progress"
        if new == "failed" and old != "failed":
            self._close_open_nodes()
        if new != old:
            self.status = new
            values: dict[str, Any] = {"status": new, "updated_at": self.now}
            if new in TERMINAL_TASK:
                values["finished_at"] = self.now
            if new == "finished":
                values["output"] = end.output if end else None
            if self.task_error is not None:
                values["error"] = self.task_error
            self.conn.execute(update(_T).where(_T.c.id == self.task_id).values(**values))
            self.event(f"task.{new}", previous=old)

    def _close_open_nodes(self) -> None:
        """A failed or cancelled task runs nothing more: its open nodes become `na`."""
        for inst in self.insts.values():
            if inst.status in OPEN:
                self.set(inst, status="na", queue=None, claim_token=None, run_at=None)
                self.event("node.na", inst, reason=f"task {self.status_reason()}")

    def status_reason(self) -> str:
        return "cancelled" if self.status == "cancelled" else "failed"

    # ---- following the graph --------------------------------------------------------------

    def start(self) -> None:
        """A task's first step: its start node finishes with the task's input."""
        start = self.insts[self.graph.start_id]
        self.event("task.started")
        self.finish(start, dict(self.fields))
        self.run()

    def run(self) -> None:
        """Follows the graph from every node that changed until nothing more can move."""
        while self._work:
            node_id = self._work.popleft()
            for edge in self.graph.outgoing(node_id):
                target = edge["target"]
                if self.graph.kind(target) == "loop" and edge.get("target_port") == "next":
                    self._loop_next(self.insts[target], self.insts[node_id])
                else:
                    self._try_ready(self.insts[target])

    def _edge_value(self, edge: dict, src: Inst) -> tuple[str, Any]:
        """('wait' | 'taken' | 'skipped', value) for one incoming edge."""
        port = edge.get("source_port") or "out"
        if src.kind == "loop":
            if src.status == "claimed":  # iterating
                if port == "body":
                    state = src.state or {}
                    return "taken", state["items"][state["index"]]
                return "wait", None
            if src.status == "finished":
                return ("taken", src.output) if port == "done" else ("skipped", None)
            return ("skipped", None) if src.status == "na" else ("wait", None)
        if src.status in DONE:
            if src.kind == "logic_gate" and port != src.route:
                return "skipped", None
            return "taken", src.output
        if src.status == "na":
            return "skipped", None
        return "wait", None

    def _try_ready(self, inst: Inst) -> None:
        if inst.status != "pending":
            return
        state, value = self._incoming(inst)
        if state == "wait":
            return
        if state == "none":
            self.set(inst, status="na", queue=None)
            self.event("node.na", inst, reason="no incoming path was taken")
            self._work.append(inst.node_id)
            return
        self._activate(inst, value)

    def _incoming(self, inst: Inst) -> tuple[str, Any]:
        """What the node's incoming edges carry now: ("wait", None) while an upstream node
        has not produced its value, ("none", None) when no incoming path was taken, else
        ("ready", value) — one value, or a dict by source node for a merge or several."""
        taken: list[tuple[str, Any]] = []
        for edge in self.graph.incoming(inst.node_id):
            state, value = self._edge_value(edge, self.insts[edge["source"]])
            if state == "wait":
                return "wait", None
            if state == "taken":
                taken.append((edge["source"], value))
        if not taken:
            return "none", None
        if inst.kind == "merge" or len(taken) > 1:
            return "ready", dict(taken)
        return "ready", taken[0][1]

    def _activate(self, inst: Inst, value: Any) -> None:
        kind = inst.kind
        state = {k: v for k, v in (inst.state or {}).items() if k != "retries"}
        self.set(
            inst, input=value, attempt=inst.attempt + 1, error=None, log=None, state=state or None
        )
        if kind == "subtask":  # `assign_to`: reserved for that user (engine/assignment.py)
            config = self.graph.config(inst.node_id)
            self.set(inst, reserved_for_id=assignment.assignee(self.conn, self.org_id, config))
        if kind in QUEUED_KINDS or (kind == "subtask" and self._needs_prefill(inst)):
            status = "deferred" if kind == "subtask" else "available"
            self._enqueue(inst, status=status, run_at=self.now)
        elif kind == "subtask":
            self.set(inst, status="available", state={"prefill": self._static_prefill(inst)})
            self.event("node.available", inst)
        elif kind == "review":
            # No self-review: the submitter is kept out of this review (and of its my-work).
            excluded = None
            if self.graph.config(inst.node_id).get("no_self_review", True):
                subtask = self.graph.reviewed_subtask(inst.node_id)
                if subtask:
                    excluded = self.insts[subtask].submitted_by_id
            reserved = assignment.assignee(
                self.conn, self.org_id, self.graph.config(inst.node_id), excluded
            )
            self.set(inst, status="available", excluded_user_id=excluded, reserved_for_id=reserved)
            self.event("node.available", inst)
        elif kind in ("end", "merge"):
            self.finish(inst, value)
        elif kind == "loop":
            self._loop_start(inst, value)
        else:  # logic_gate, evaluation: pure and cheap, run inline
            self._run_inline(inst)

    def _enqueue(self, inst: Inst, *, status: str, run_at: datetime) -> None:
        queue = "held" if self.status == "paused" else "auto"
        # Celery: the node's message is sent after this commit, to be delivered at `run_at`;
        # recorded in the same write, so that the one sweeper re-sends only what was not
        # picked up some time after that (worker_pool.Engine._sweep_once).
        self.set(
            inst,
            status=status,
            queue=queue,
            run_at=run_at,
            claim_token=None,
            dispatched_at=max(run_at, self.now),
        )
        self.enqueued.append((inst.id, max(0.0, (run_at - self.now).total_seconds())))
        self.event(f"node.{status}", inst, attempt=inst.attempt)

    def finish(self, inst: Inst, output: Any, route: str | None = None, **extra: Any) -> None:
        self.set(
            inst,
            status="finished",
            output=output,
            route=route,
            queue=None,
            run_at=None,
            claim_token=None,
            lease_expires_at=None,
            finished_at=self.now,
            **extra,
        )
        data = {"attempt": inst.attempt}
        if route is not None:
            data["route"] = route
        self.event("node.finished", inst, **data)
        self._work.append(inst.node_id)

    def fail(self, inst: Inst, message: str, log: str | None = None, **extra: Any) -> None:
        self.set(
            inst,
            status="failed",
            error=message,
            log=log,
            queue=None,
            run_at=None,
            claim_token=None,
            finished_at=self.now,
            **extra,
        )
        self.task_error = f"node {inst.node_id!r} failed: {message}"
        self.event("node.failed", inst, attempt=inst.attempt, error=message)

    def variables(self, inst: Inst) -> dict[str, Any]:
        return self.context(inst).template_vars()

    def context(self, inst: Inst) -> NodeContext:
        loop_item, loop_index = self._loop_position(inst.node_id)
        return NodeContext(
            task_id=self.task_id,
            instance_id=inst.id,
            node_id=inst.node_id,
            attempt=inst.attempt,
            input=inst.input,
            task_fields=self.fields,
            outputs={i.node_id: i.output for i in self.insts.values() if i.status in DONE},
            item=loop_item,
            index=loop_index,
        )

    def _loop_position(self, node_id: str) -> tuple[Any, int | None]:
        for loop_id in self.graph.loops():
            loop = self.insts[loop_id]
            if loop.status == "claimed" and node_id in self.graph.loop_body(loop_id):
                state = loop.state or {}
                return state["items"][state["index"]], state["index"]
        return None, None

    def _run_inline(self, inst: Inst) -> None:
        from .executors import EXECUTORS

        started = time.perf_counter()
        try:
            result = EXECUTORS[inst.kind](self.graph.config(inst.node_id), self.context(inst))
        except NodeFailed as failure:
            self.fail(inst, failure.message, failure.log or None)
            return
        self.record_result(inst, result, time.perf_counter() - started)

    def record_result(self, inst: Inst, result: NodeResult, work_seconds: float) -> None:
        if result.outcome in ("escalated", "quarantined"):
            self.set(
                inst,
                status=result.outcome,
                output=result.output,
                log=result.log or None,
                queue=None,
                claim_token=None,
                work_seconds=work_seconds,
            )
            self.event(f"node.{result.outcome}", inst, attempt=inst.attempt)
            return
        self.finish(
            inst, result.output, result.route, log=result.log or None, work_seconds=work_seconds
        )

    # ---- loops ----------------------------------------------------------------------------

    def _loop_start(self, inst: Inst, value: Any) -> None:
        from .value_paths import PathError, resolve

        config = self.graph.config(inst.node_id)
        variables = self.context(inst).template_vars()
        variables["input"] = value
        try:
            items = resolve(config["over"], variables)
        except (PathError, KeyError, IndexError, TypeError) as exc:
            self.fail(inst, f"loop over {config['over']!r}: {exc}")
            return
        if not isinstance(items, list):
            self.fail(inst, f"loop over {config['over']!r}: expected an array")
            return
        if len(items) > config["max_iterations"]:
            self.fail(
                inst,
                f"loop over {config['over']!r} has {len(items)} items, more than "
                f"max_iterations ({config['max_iterations']})",
            )
            return
        if not items:
            self.finish(inst, [])
            return
        self.set(inst, status="claimed", state={"items": items, "index": 0, "results": []})
        self.event("node.iteration", inst, index=0, of=len(items))
        self.reset_nodes(self.graph.loop_body(inst.node_id))
        self._work.append(inst.node_id)

    def _loop_next(self, loop: Inst, src: Inst) -> None:
        if loop.status != "claimed" or src.status not in (DONE | {"na"}):
            return
        state = dict(loop.state or {})
        state["results"] = [*state["results"], src.output if src.status in DONE else None]
        state["index"] += 1
        if state["index"] < len(state["items"]):
            self.set(loop, state=state)
            self.event("node.iteration", loop, index=state["index"], of=len(state["items"]))
            self.reset_nodes(self.graph.loop_body(loop.node_id))
            self._work.append(loop.node_id)
        else:
            self.set(loop, state=state)
            self.finish(loop, state["results"])

    def reset_nodes(self, node_ids: Iterable[str]) -> None:
        """Nodes run again (a loop's next iteration, work sent back by a review)."""
        for node_id in node_ids:
            inst = self.insts[node_id]
            self.set(
                inst,
                status="pending",
                queue=None,
                run_at=None,
                claim_token=None,
                assignee_id=None,
                lease_expires_at=None,
                reserved_for_id=None,
                excluded_user_id=None,
                route=None,
                input=None,
                output=None,
                error=None,
                finished_at=None,
            )

    # ---- subtask prefill --------------------------------------------------------------------

    def _needs_prefill(self, inst: Inst) -> bool:
        fields = self.graph.config(inst.node_id).get("fields") or []
        return any(f.get("source") == "llm" for f in fields)

    def _static_prefill(self, inst: Inst) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for f in self.graph.config(inst.node_id).get("fields") or []:
            source = f.get("source") or "user"
            if source == "input":
                key = f.get("input_field") or f["name"]
                if key in self.fields:
                    values[f["name"]] = self.fields[key]
            elif source == "static":
                values[f["name"]] = f.get("value")
        return values

    # ---- corrections (admin edits, reverts, refreshed inputs) -----------------------------

    def reopen(self) -> None:
        """A finished task is worked on again (a correction re-runs part of its graph): back
        to in_progress, its finish time, output and error cleared; `task.reopened` says so."""
        if self.status != "finished":
            return
        self.conn.execute(
            update(_T)
            .where(_T.c.id == self.task_id)
            .values(
                status="in_progress", finished_at=None, output=None, error=None, updated_at=self.now
            )
        )
        self.event("task.reopened", previous=self.status)
        self.status = "in_progress"

    def rerun_after(self, inst: Inst) -> set[str]:
        """Every node downstream of `inst` is reset and the graph is followed again from it
        (its output having just been corrected); returns the reset nodes' ids."""
        below = self.graph.descendants(inst.node_id)
        self.reopen()
        self.reset_nodes(below)
        self._work.append(inst.node_id)
        self.run()
        return below

    def upstream_value(self, inst: Inst) -> tuple[bool, Any]:
        """(ready, value): what the node's incoming edges carry now, as `_try_ready` would
        hand it to the node (ready is False while an upstream node has not produced it)."""
        state, value = self._incoming(inst)
        return state == "ready", value

    def static_prefill(self, inst: Inst) -> dict[str, Any]:
        return self._static_prefill(inst)
