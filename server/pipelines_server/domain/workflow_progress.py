"""How far a workflow's tasks are, node by node: for each node of the graph, how many tasks'
instances of it are pending, running, done, failed or skipped. One grouped query over the
node instances of the workflow (an index on (workflow_id, node_id, status) answers it), never
a loop over tasks. Also: how many tasks each workflow of a page has (one grouped query), and
where a task lives (its workflow and project), for pages addressed by a task id alone."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..engine import state_machine
from ..shared.errors import NotFound
from ..shared.principal import Principal
from ..store.models import NodeInstance, Task, TaskEvent, Workflow
from .workflows import get_workflow

# A node instance's status as one of five buckets (the engine's states are finer).
BUCKETS = ("pending", "running", "done", "failed", "skipped")
BUCKET_OF = {
    "pending": "pending",
    "deferred": "pending",
    "available": "running",
    "claimed": "running",
    "submitted": "running",
    "escalated": "running",
    "quarantined": "running",
    "finished": "done",
    "failed": "failed",
    "cancelled": "failed",
    "na": "skipped",
}

_N = NodeInstance.__table__.c
_T = Task.__table__.c
_EV = TaskEvent.__table__.c


def bucket(status: str | None) -> str:
    return BUCKET_OF.get(status or "pending", "running")


def node_counts(
    session: Session, principal: Principal, workflow_id: int, project_id: int | None = None
) -> dict[str, dict[str, int]]:
    """{node_id: {bucket: n}} over every task of the workflow (every version), in one
    grouped query. Nodes no task reached are absent."""
    wf = get_workflow(session, principal, workflow_id, project_id)
    rows = session.execute(
        select(_N.node_id, _N.status, func.count())
        .where(_N.workflow_id == wf.id)
        .group_by(_N.node_id, _N.status)
    )
    out: dict[str, dict[str, int]] = {}
    for node_id, status, n in rows:
        counts = out.setdefault(node_id, dict.fromkeys(BUCKETS, 0))
        counts[bucket(status)] += n
    return out


def unstarted_tasks(session: Session, workflow_id: int) -> int:
    """Tasks of the workflow the engine has not started yet (no node instances so far)."""
    return session.scalar(
        select(func.count())
        .select_from(Task.__table__)
        .where(_T.workflow_id == workflow_id, _T.started_at.is_(None))
    )


def task_counts(
    session: Session,
    principal: Principal,
    workflow_ids: list[int],
    statuses: tuple[str, ...] | None = None,
) -> dict[int, int]:
    """{workflow_id: number of tasks} for workflows of the viewer's organization (with
    `statuses`, only the tasks in one of them: the (workflow_id, status, id) index answers)."""
    if not workflow_ids:
        return {}
    where = [_T.workflow_id.in_(workflow_ids), _T.org_id == principal.org_id]
    if statuses is not None:
        where.append(_T.status.in_(statuses))
    rows = session.execute(
        select(_T.workflow_id, func.count()).where(*where).group_by(_T.workflow_id)
    )
    counts = dict.fromkeys(workflow_ids, 0)
    counts.update({wf_id: n for wf_id, n in rows})
    return counts


def locate_task(session: Session, principal: Principal, task_id: int) -> tuple[int, int]:
    """(project_id, workflow_id) of a task of the viewer's organization; else not found."""
    row = session.execute(
        select(Workflow.project_id, _T.workflow_id, _T.org_id)
        .select_from(Task.__table__.join(Workflow, Workflow.id == _T.workflow_id))
        .where(_T.id == task_id)
    ).first()
    if row is None or row.org_id != principal.org_id:
        raise NotFound("Task not found")
    return row.project_id, row.workflow_id


def last_task_event_id(session: Session, task_id: int) -> int:
    """The newest event of a task (a live page listens from there on)."""
    return session.scalar(select(func.max(_EV.id)).where(_EV.task_id == task_id)) or 0


def version_graph(session: Session, workflow: Workflow, version: int) -> dict:
    """The graph a task of this workflow version runs (the engine's own reading of it)."""
    return state_machine.version_graph(session.connection(), workflow.id, version)
