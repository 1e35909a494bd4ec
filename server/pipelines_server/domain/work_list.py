"""The my-work list (the human nodes the caller can open now, and the ones the caller holds)
and the my-submissions list (the caller's own submissions, with the review outcome of each),
at every scope: the caller's organization, one project."""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ..engine.state_machine import load_graph
from ..shared.principal import Principal, acting_user
from ..store.models import NodeInstance, NodeSubmission, Task, Workflow, utcnow
from .human_work import WORKABLE_TASK
from .node_history import next_ids, review_outcome
from .tag_filters import task_tagged

_NI = NodeInstance.__table__
_NS = NodeSubmission.__table__
_T = Task.__table__
_W = Workflow.__table__


def my_work(
    session: Session,
    principal: Principal,
    project_id: int | None,
    offset: int,
    limit: int,
    kind: str | None = None,
    tag: str | None = None,
    workflow_id: int | None = None,
    status: str | None = None,
) -> tuple[list[dict], int]:
    """Human nodes the caller can open now, and the ones the caller holds (oldest first);
    `tag` keeps the nodes of tasks carrying a tag of that name, `workflow_id` those of one
    workflow, `status` the ones the caller holds (`claimed`) or can take (`available`)."""
    user_id = acting_user(principal)
    where = _work_where(principal, user_id, project_id, kind, tag, workflow_id, status)
    joined = _NI.join(_T, _T.c.id == _NI.c.task_id).join(_W, _W.c.id == _NI.c.workflow_id)
    total = session.scalar(select(func.count()).select_from(joined).where(*where))
    rows = session.execute(
        select(
            _NI.c.id,
            _NI.c.task_id,
            _NI.c.workflow_id,
            _W.c.project_id,
            _W.c.name.label("workflow_name"),
            _NI.c.node_id,
            _NI.c.kind,
            _NI.c.status,
            _NI.c.assignee_id,
            _NI.c.lease_expires_at,
            _NI.c.attempt,
            _NI.c.created_at,
            _NI.c.updated_at,
        )
        .select_from(joined)
        .where(*where)
        .order_by(_NI.c.id)
        .offset(offset)
        .limit(limit)
    ).all()
    items = []
    for r in rows:
        mine = r.status == "claimed" and r.assignee_id == user_id
        items.append(
            {
                "node_db_id": r.id,
                "task_id": r.task_id,
                "workflow_id": r.workflow_id,
                "workflow_name": r.workflow_name,
                "project_id": r.project_id,
                "node_id": r.node_id,
                "kind": r.kind,
                "status": "claimed" if mine else "available",
                "claimed_by_me": mine,
                "lease_expires_at": r.lease_expires_at if mine else None,
                "attempt": r.attempt,
                "created_at": r.created_at,
                "updated_at": r.updated_at,
            }
        )
    return items, total


def _work_where(
    principal: Principal,
    user_id: int,
    project_id: int | None,
    kind: str | None,
    tag: str | None,
    workflow_id: int | None,
    status: str | None,
) -> list:
    """The conditions of the caller's my-work list (on node instances joined with their
    task and workflow)."""
    now = utcnow()
    available = and_(
        _NI.c.status == "available",
        or_(_NI.c.reserved_for_id.is_(None), _NI.c.reserved_for_id == user_id),
    )
    lapsed = and_(
        _NI.c.status == "claimed",
        _NI.c.assignee_id.is_not(None),
        _NI.c.assignee_id != user_id,
        _NI.c.lease_expires_at <= now,
    )
    held = and_(_NI.c.status == "claimed", _NI.c.assignee_id == user_id)
    shown = {"claimed": held, "available": or_(available, lapsed)}.get(
        status or "", or_(available, lapsed, held)
    )
    where = [
        _NI.c.org_id == principal.org_id,
        _NI.c.kind.in_((kind,) if kind else ("subtask", "review")),
        _T.c.status.in_(WORKABLE_TASK),
        shown,
        # Never what the caller is kept out of, in any state (a lapsed claim included): the
        # review of their own submission (no self-review) and work sent back to the pool
        # without its original worker. Claiming refuses both (domain/human_work.open_node).
        or_(_NI.c.excluded_user_id.is_(None), _NI.c.excluded_user_id != user_id),
    ]
    if project_id is not None:
        where.append(_W.c.project_id == project_id)
    if workflow_id is not None:
        where.append(_NI.c.workflow_id == workflow_id)
    if tag is not None:
        where.append(task_tagged(_T.c.id, tag))
    return where


def workflows_with_work(
    session: Session, principal: Principal, project_id: int | None, limit: int = 100
) -> list[dict]:
    """The workflows (id, name) that have nodes in the caller's my-work list, by name: the
    choices of a workflow filter (at most `limit`)."""
    user_id = acting_user(principal)
    where = _work_where(principal, user_id, project_id, None, None, None, None)
    joined = _NI.join(_T, _T.c.id == _NI.c.task_id).join(_W, _W.c.id == _NI.c.workflow_id)
    rows = session.execute(
        select(_W.c.id, _W.c.name)
        .select_from(joined)
        .where(*where)
        .group_by(_W.c.id, _W.c.name)
        .order_by(_W.c.name, _W.c.id)
        .limit(limit)
    ).all()
    return [{"id": r.id, "name": r.name} for r in rows]


def my_submissions(
    session: Session,
    principal: Principal,
    project_id: int | None,
    offset: int,
    limit: int,
    kind: str | None = None,
    workflow_id: int | None = None,
    status: str | None = None,
    tag: str | None = None,
) -> tuple[list[dict], int]:
    """The caller's own submissions (node_submissions written by the caller), newest first,
    each with its node (and the node's current status), task, workflow and, for a subtask
    submission that a review judges, the review's outcome. `status` filters on the node's
    current status, `tag` on a tag name of the task."""
    user_id = acting_user(principal)
    where = [_NS.c.org_id == principal.org_id, _NS.c.user_id == user_id]
    if project_id is not None:
        where.append(_NS.c.project_id == project_id)
    if kind is not None:
        where.append(_NS.c.kind == kind)
    if workflow_id is not None:
        where.append(_NS.c.workflow_id == workflow_id)
    if status is not None:
        where.append(_NI.c.status == status)
    if tag is not None:
        where.append(task_tagged(_T.c.id, tag))
    joined = (
        _NS.join(_NI, _NI.c.id == _NS.c.node_instance_id)
        .join(_T, _T.c.id == _NS.c.task_id)
        .join(_W, _W.c.id == _NS.c.workflow_id)
    )
    total = session.scalar(select(func.count()).select_from(joined).where(*where))
    rows = session.execute(
        select(
            _NS.c.id,
            _NS.c.attempt_number,
            _NS.c.via,
            _NS.c["values"].label("submitted_values"),
            _NS.c.created_at,
            _NS.c.node_instance_id,
            _NS.c.node_id,
            _NS.c.kind,
            _NS.c.task_id,
            _NS.c.workflow_id,
            _NS.c.project_id,
            _NI.c.status.label("node_status"),
            _T.c.status.label("task_status"),
            _T.c.workflow_version,
            _W.c.name.label("workflow_name"),
        )
        .select_from(joined)
        .where(*where)
        .order_by(_NS.c.id.desc())
        .offset(offset)
        .limit(limit)
    ).all()
    outcomes = _outcomes(session, [r for r in rows if r.kind == "subtask"])
    return [
        {
            "id": r.id,
            "attempt_number": r.attempt_number,
            "via": r.via,
            "values": r.submitted_values,
            "submitted_at": r.created_at,
            "node_db_id": r.node_instance_id,
            "node_id": r.node_id,
            "kind": r.kind,
            "status": r.node_status,
            "task_id": r.task_id,
            "task_status": r.task_status,
            "workflow_id": r.workflow_id,
            "workflow_name": r.workflow_name,
            "project_id": r.project_id,
            "review": outcomes.get(r.id),
        }
        for r in rows
    ], total


def workflows_submitted_to(
    session: Session, principal: Principal, project_id: int | None, limit: int = 100
) -> list[dict]:
    """The workflows (id, name) the caller has submissions in, by name: the choices of the
    my-submissions workflow filter (at most `limit`)."""
    user_id = acting_user(principal)
    where = [_NS.c.org_id == principal.org_id, _NS.c.user_id == user_id]
    if project_id is not None:
        where.append(_NS.c.project_id == project_id)
    rows = session.execute(
        select(_W.c.id, _W.c.name)
        .select_from(_NS.join(_W, _W.c.id == _NS.c.workflow_id))
        .where(*where)
        .group_by(_W.c.id, _W.c.name)
        .order_by(_W.c.name, _W.c.id)
        .limit(limit)
    ).all()
    return [{"id": r.id, "name": r.name} for r in rows]


def _outcomes(session: Session, rows: list) -> dict[int, dict | None]:
    """The review outcome of each of these subtask submissions, in three queries."""
    if not rows:
        return {}
    conn = session.connection()
    task_ids = {r.task_id for r in rows}
    siblings = session.execute(
        select(_NS.c.id, _NS.c.node_instance_id, _NS.c.task_id, _NS.c.node_id, _NS.c.kind)
        .where(_NS.c.task_id.in_(task_ids))
        .order_by(_NS.c.id)
    ).all()
    by_node: dict[int, list[int]] = {}
    for s in siblings:
        if s.kind == "subtask":
            by_node.setdefault(s.node_instance_id, []).append(s.id)
    review_ids = [s.id for s in siblings if s.kind == "review"]
    verdicts: dict[tuple[int, str], list[dict]] = {}
    if review_ids:
        for v in session.execute(select(_NS).where(_NS.c.id.in_(review_ids))).all():
            verdicts.setdefault((v.task_id, v.node_id), []).append(dict(v._mapping))
    out: dict[int, dict | None] = {}
    for r in rows:
        graph = load_graph(conn, r.workflow_id, r.workflow_version)
        reviewers = graph.reviewers(r.node_id) if r.node_id in graph.nodes else []
        following = next_ids(by_node.get(r.node_instance_id, [r.id]))
        out[r.id] = review_outcome(
            r.id,
            following.get(r.id),
            [v for n in reviewers for v in verdicts.get((r.task_id, n), [])],
            bool(reviewers),
            r.node_status == "submitted",
        )
    return out
