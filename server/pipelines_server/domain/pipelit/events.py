"""Pipelit's socket events: the native task events of tasks that are Pipelit executions,
translated into Pipelit's engine events, and the `PipelitBroadcast` rows this surface writes
for its own changes (node_created, execution_cancelled, ...), as the envelopes of contract §7.

The translation is pure (`translate`, `envelopes`); the reads serve the socket reader
(`live/pipelit.py`), which makes them once per poll for all its sockets.

How native events become Pipelit's (the native engine records no claim, so `running` is sent
when a node's result is recorded, right before its `success` or `failed`):

| native event | Pipelit events |
|---|---|
| task.started | execution_started `{workflow_id}` |
| node.available (a Pipelit node) | node_enqueued `{node_id}` |
| node.finished | node_status running, then success (`duration_ms`, `output`) |
| node.failed | node_status running, then failed (`error`, `error_code`) |
| node.deferred with an error (a retried attempt) | node_status running, then failed |
| node.escalated | node_status waiting |
| task.finished | execution_completed `{output, activity_summary}` |
| task.failed | execution_failed `{error}` (500 characters at most) |

Native nodes that are not Pipelit nodes (the compiler's helpers, whose ids contain "::") and
the trigger (the native start node, which keeps the trigger's node_id) raise nothing;
task.cancelled raises nothing either (the cancel route broadcasts execution_cancelled itself,
on the workflow channel only, as upstream does)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select

from ...shared.principal import Principal
from ...store.models import (
    NodeInstance,
    PipelitBroadcast,
    PipelitEpic,
    PipelitExecution,
    PipelitNode,
    PipelitWorkflow,
    Task,
    User,
    utcnow,
)

_B = PipelitBroadcast.__table__
_X = PipelitExecution.__table__
_W = PipelitWorkflow.__table__
_N = PipelitNode.__table__
_NI = NodeInstance.__table__
_T = Task.__table__
_EP = PipelitEpic.__table__

OUTPUT_CHARS = 2048
ERROR_CHARS = 500
TERMINAL = frozenset({"execution_completed", "execution_failed"})
# Upstream's display names of its node types (node_status's display_name).
DISPLAY_NAMES = {
    "trigger_telegram": "Telegram Trigger",
    "trigger_manual": "Manual Trigger",
    "trigger_schedule": "Schedule Trigger",
    "trigger_chat": "Chat Trigger",
    "trigger_workflow": "Workflow Trigger",
    "trigger_error": "Error Trigger",
    "reply_chat": "Reply to Chat",
    "agent": "Agent",
    "deep_agent": "Deep Agent",
    "categorizer": "Categorizer",
    "router": "Router",
    "extractor": "Extractor",
    "ai_model": "AI Model",
    "run_command": "Run Command",
    "platform_api": "Platform API",
    "whoami": "Who Am I",
    "get_totp_code": "Get TOTP Code",
    "spawn_and_await": "Spawn & Await",
    "workflow_create": "Workflow Create",
    "workflow_discover": "Workflow Discover",
    "scheduler_tools": "Scheduler Tools",
    "system_health": "System Health",
    "validate_gherkin": "Validate Gherkin",
    "validate_topology": "Validate Topology",
    "output_parser": "Output Parser",
    "skill": "Skill",
    "memory_read": "Memory Read",
    "memory_write": "Memory Write",
    "identify_user": "Identify User",
    "switch": "Switch",
    "assertion": "Assertion",
    "code": "Code",
    "merge": "Merge",
    "filter": "Filter",
    "loop": "Loop",
    "wait": "Wait",
    "human_confirmation": "Human Confirmation",
    "workflow": "Subworkflow",
}


@dataclass(frozen=True)
class Execution:
    """What the reader needs of a Pipelit execution to route its events."""

    id: str
    org_id: int
    workflow_id: int  # the Pipelit workflow's id
    slug: str
    owner_id: int  # the workflow's owner (who, besides admins, may see its events)


@dataclass(frozen=True)
class NodeEnd:
    """A native node instance's recorded result (duration and output)."""

    work_seconds: float | None
    output: Any


@dataclass(frozen=True)
class TaskEnd:
    """A finished or failed execution's outcome."""

    output: Any
    error: str | None
    steps: int
    duration_ms: int


@dataclass(frozen=True)
class Message:
    """One event for one channel. `owner_id` None: every subscriber of the organization may
    see it (epics); else admins and that user."""

    org_id: int
    owner_id: int | None
    channel: str
    payload: dict

    @property
    def terminal(self) -> bool:
        return self.payload.get("type") in TERMINAL


# -- pure ------------------------------------------------------------------------------------


def epoch(value: datetime | None) -> float:
    """A stored (naive UTC or aware) time as float epoch seconds, the sockets' `timestamp`."""
    if value is None:
        return datetime.now(UTC).timestamp()
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


def cut(value: Any) -> Any:
    """Output as node_status carries it: long strings (the value itself or a mapping's values)
    cut to 2048 characters plus "..."."""
    if isinstance(value, str):
        return value[:OUTPUT_CHARS] + "..." if len(value) > OUTPUT_CHARS else value
    if isinstance(value, dict):
        return {k: cut(v) if isinstance(v, str) else v for k, v in value.items()}
    return value


def node_meta(node_id: str, component_type: str) -> dict:
    return {
        "component_type": component_type,
        "display_name": DISPLAY_NAMES.get(component_type, component_type),
        "node_label": node_id,
    }


def error_code(message: str | None) -> str:
    """The error class upstream names: a timeout, else the exception class in the native
    message ("internal error in code node: KeyError: ..."), else NodeError."""
    text = message or ""
    if "timed out" in text.lower():
        return "TimeoutError"
    head = text.split(":", 1)[0].strip()
    if head.startswith("internal error in "):
        parts = text.split(":")
        if len(parts) > 1 and parts[1].strip().isidentifier():
            return parts[1].strip()
    if head.isidentifier() and (head.endswith("Error") or head.endswith("Exception")):
        return head
    return "NodeError"


def translate(
    native_type: str,
    node_id: str | None,
    data: dict | None,
    execution: Execution,
    component_type: str | None,
    node_end: NodeEnd | None = None,
    task_end: TaskEnd | None = None,
) -> list[tuple[str, dict]]:
    """The Pipelit engine events (type, data) one native task event raises, in order.
    `component_type` is None when the native node is not a Pipelit node."""
    data = data or {}
    if native_type == "task.started":
        return [("execution_started", {"workflow_id": execution.workflow_id})]
    if native_type == "task.finished":
        end = task_end or TaskEnd(None, None, 0, 0)
        return [
            (
                "execution_completed",
                {
                    "output": end.output,
                    "activity_summary": {
                        "total_steps": end.steps,
                        "total_duration_ms": end.duration_ms,
                        "total_tokens": 0,
                        "total_cost_usd": 0.0,
                        "llm_calls": 0,
                        "tool_invocations": 0,
                        "child_count": 0,
                    },
                },
            )
        ]
    if native_type == "task.failed":
        error = (task_end.error if task_end else None) or "Execution failed"
        out: dict = {"error": error[:ERROR_CHARS]}
        if "timed out" in error.lower():
            out["error_code"] = "timeout"
        return [("execution_failed", out)]
    if node_id is None or component_type is None or component_type.startswith("trigger_"):
        return []  # the compiled graph's own nodes, and the trigger (its start)
    meta = node_meta(node_id, component_type)
    running = ("node_status", {"node_id": node_id, "status": "running", **meta})
    if native_type == "node.available":
        return [("node_enqueued", {"node_id": node_id})]
    if native_type == "node.finished":
        success: dict = {"node_id": node_id, "status": "success", **meta}
        seconds = node_end.work_seconds if node_end else None
        success["duration_ms"] = int(round((seconds or 0) * 1000))
        success["output"] = cut(node_end.output if node_end else None)
        return [running, ("node_status", success)]
    if native_type == "node.failed" or (native_type == "node.deferred" and data.get("error")):
        error = str(data.get("error") or "")
        failed = {
            "node_id": node_id,
            "status": "failed",
            **meta,
            "error": error,
            "error_code": error_code(error),
        }
        return [running, ("node_status", failed)]
    if native_type == "node.escalated":
        return [("node_status", {"node_id": node_id, "status": "waiting", **meta})]
    return []


def engine_messages(
    execution: Execution, events: list[tuple[str, dict]], timestamp: float
) -> list[Message]:
    """Each engine event on `execution:<id>` (without a channel) and on `workflow:<slug>`
    (with it)."""
    out = []
    wf_channel = f"workflow:{execution.slug}"
    for type_, data in events:
        body = {"type": type_, "execution_id": execution.id, "timestamp": timestamp, "data": data}
        out.append(Message(execution.org_id, execution.owner_id, f"execution:{execution.id}", body))
        out.append(
            Message(
                execution.org_id, execution.owner_id, wf_channel, {**body, "channel": wf_channel}
            )
        )
    return out


def broadcast_message(row, owner_id: int | None) -> Message:
    """A PipelitBroadcast row as its CRUD envelope `{type, channel, timestamp, data?}`."""
    body: dict = {"type": row.type, "channel": row.channel, "timestamp": epoch(row.created_at)}
    if row.data is not None:
        body["data"] = row.data
    return Message(row.org_id, owner_id, row.channel, body)


def may_see(principal: Principal, message: Message) -> bool:
    """Per-channel authorization (a difference from upstream, which has none): same
    organization, and a normal user only their own workflows' events."""
    if message.org_id != principal.org_id:
        return False
    return message.owner_id is None or principal.is_admin or message.owner_id == principal.user_id


# -- reads of the socket reader ----------------------------------------------------------------


def user_roles(conn, user_ids: list[int]) -> dict[int, str]:
    """The current role of each of these users still in their organization (a removed user is
    left out): what the socket reader re-reads with its key check, so that a demoted admin
    stops receiving the events of other users' workflows."""
    roles: dict[int, str] = {}
    ids = sorted(set(user_ids))
    t = User.__table__
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(
            select(t.c.id, t.c.role).where(t.c.id.in_(chunk), t.c.removed_at.is_(None))
        )
        roles.update({uid: role for uid, role in rows})
    return roles


def broadcasts_since(conn, after: int, missing: list[int] | None = None, limit: int = 1000):
    where = _B.c.id > after
    if missing:
        where = where | _B.c.id.in_(missing)
    return conn.execute(select(_B).where(where).order_by(_B.c.id).limit(limit)).all()


def max_broadcast_id(conn) -> int:
    return conn.execute(select(func.max(_B.c.id))).scalar() or 0


def executions_of_tasks(conn, task_ids: list[int]) -> dict[int, Execution]:
    """The Pipelit executions among these native tasks, by task id."""
    if not task_ids:
        return {}
    rows = conn.execute(
        select(_X.c.task_id, _X.c.id, _X.c.org_id, _W.c.id, _W.c.slug, _W.c.owner_id)
        .join(_W, _W.c.id == _X.c.workflow_id)
        .where(_X.c.task_id.in_(task_ids))
    ).all()
    return {r[0]: Execution(r[1], r[2], r[3], r[4], r[5]) for r in rows}


def node_types(conn, workflow_ids: list[int]) -> dict[tuple[int, str], str]:
    """(Pipelit workflow id, node_id) -> component_type."""
    if not workflow_ids:
        return {}
    rows = conn.execute(
        select(_N.c.workflow_id, _N.c.node_id, _N.c.component_type).where(
            _N.c.workflow_id.in_(workflow_ids)
        )
    ).all()
    return {(r[0], r[1]): r[2] for r in rows}


def node_ends(conn, instance_ids: list[int]) -> dict[int, NodeEnd]:
    if not instance_ids:
        return {}
    rows = conn.execute(
        select(_NI.c.id, _NI.c.work_seconds, _NI.c.output).where(_NI.c.id.in_(instance_ids))
    ).all()
    return {r[0]: NodeEnd(r[1], r[2]) for r in rows}


def task_ends(conn, task_ids: list[int], executions: dict[int, Execution]) -> dict[int, TaskEnd]:
    """The outcome of these finished or failed tasks, as the executions' detail reports it
    (domain/pipelit/executions.py: `final_output`, `sync`): the output of the last reply_chat,
    else every Pipelit node's output; the error of the first Pipelit node that failed
    ("Node <id>: <error>"), else the task's. The trigger and the compiler's helper nodes (ids
    with "::") are not steps."""
    if not task_ids:
        return {}
    tasks = {
        r[0]: r
        for r in conn.execute(
            select(_T.c.id, _T.c.error, _T.c.started_at, _T.c.finished_at).where(
                _T.c.id.in_(task_ids)
            )
        )
    }
    instances: dict[int, list] = {t: [] for t in task_ids}
    for r in conn.execute(
        select(_NI.c.task_id, _NI.c.node_id, _NI.c.status, _NI.c.output, _NI.c.error)
        .where(_NI.c.task_id.in_(task_ids), _NI.c.status.in_(("finished", "failed")))
        .order_by(_NI.c.finished_at, _NI.c.id)
    ):
        instances[r[0]].append(r)
    types = node_types(conn, list({executions[t].workflow_id for t in task_ids}))
    out = {}
    for task_id in task_ids:
        wf = executions[task_id].workflow_id
        ran = [
            r
            for r in instances[task_id]
            if (wf, r[1]) in types and not types[(wf, r[1])].startswith("trigger_")
        ]
        done = [r for r in ran if r[2] == "finished"]
        output = None
        for r in reversed(done):
            if types[(wf, r[1])] == "reply_chat" and isinstance(r[3], dict):
                output = {"output": r[3].get("output")}
                break
        if output is None and done:
            output = {"node_outputs": {r[1]: r[3] for r in done}}
        failed = [r for r in ran if r[2] == "failed"]
        t = tasks.get(task_id)
        error = f"Node {failed[0][1]}: {failed[0][4] or ''}" if failed else (t[1] if t else None)
        duration = 0
        if t is not None and t[2] is not None and t[3] is not None:
            duration = int(round((t[3] - t[2]) / timedelta(milliseconds=1)))
        out[task_id] = TaskEnd(output, error, len(done), max(0, duration))
    return out


def workflow_owners(conn, pairs: set[tuple[int, str]]) -> dict[tuple[int, str], int]:
    """(org id, slug) -> the workflow's owner."""
    if not pairs:
        return {}
    slugs = list({s for _, s in pairs})
    orgs = list({o for o, _ in pairs})
    rows = conn.execute(
        select(_W.c.org_id, _W.c.slug, _W.c.owner_id).where(
            _W.c.slug.in_(slugs), _W.c.org_id.in_(orgs)
        )
    ).all()
    return {(r[0], r[1]): r[2] for r in rows}


def execution_owners(conn, ids: set[str]) -> dict[str, int]:
    """execution id -> its workflow's owner."""
    if not ids:
        return {}
    rows = conn.execute(
        select(_X.c.id, _W.c.owner_id)
        .join(_W, _W.c.id == _X.c.workflow_id)
        .where(_X.c.id.in_(list(ids)))
    ).all()
    return {r[0]: r[1] for r in rows}


UNKNOWN_OWNER = -1  # a workflow or execution gone before its event was read: admins only


def broadcast_messages(conn, rows) -> list[Message]:
    """Broadcast rows as messages, each with the owner its channel's object has."""
    wf_pairs = {
        (r.org_id, r.channel.split(":", 1)[1]) for r in rows if r.channel.startswith("workflow:")
    }
    ex_ids = {r.channel.split(":", 1)[1] for r in rows if r.channel.startswith("execution:")}
    wf_owner = workflow_owners(conn, wf_pairs)
    ex_owner = execution_owners(conn, ex_ids)
    out = []
    for r in rows:
        kind, _, ident = r.channel.partition(":")
        if kind == "workflow":
            owner = wf_owner.get((r.org_id, ident), UNKNOWN_OWNER)
        elif kind == "execution":
            owner = ex_owner.get(ident, UNKNOWN_OWNER)
        else:
            owner = None  # epics: every user of the organization sees them
        out.append(broadcast_message(r, owner))
    return out


def execution_of(conn, execution_id: str) -> Execution | None:
    row = conn.execute(
        select(_X.c.id, _X.c.org_id, _W.c.id, _W.c.slug, _W.c.owner_id)
        .join(_W, _W.c.id == _X.c.workflow_id)
        .where(_X.c.id == execution_id)
    ).first()
    return Execution(*row) if row is not None else None


def prune_broadcasts(conn, older_than: timedelta, now: datetime | None = None) -> int:
    """Deletes the broadcasts older than this (sockets have no replay: once every reader
    has passed them they are of no use)."""
    cutoff = (now or utcnow()) - older_than
    return conn.execute(delete(_B).where(_B.c.created_at < cutoff)).rowcount or 0
