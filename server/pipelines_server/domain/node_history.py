"""What happened to one human node: its submissions and the review verdicts on them (the
submission view), its history of claims, releases, submissions, verdicts and edits, and the
node with its direct neighbours in the graph (with-linked).

Any member of the node's organization may read these; another organization's node, or a node
reached through the wrong project or workflow, is not found.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ..engine.state_machine import Inst, TaskRun
from ..shared.errors import NotFound
from ..shared.jsonsafe import INT64_MAX
from ..shared.principal import Principal
from ..store.models import NodeInstance, NodeSubmission, TaskEvent, User, Workflow
from .projects import get_project
from .run_views import node_entry, node_view
from .workflows import get_workflow

_NI = NodeInstance.__table__
_NS = NodeSubmission.__table__
_EV = TaskEvent.__table__
_U = User.__table__
_W = Workflow.__table__

HUMAN = ("subtask", "review")
# The prefixes of the task events that make up a node's history: every node.* and review.*
# event, so that types added later (the corrections area's edits, say) appear unchanged.
HISTORY_PREFIXES = ("node.", "review.")


# ---- review outcomes (pure) ----------------------------------------------------------------


def _text(value: Any) -> str | None:
    """A verdict's decision or comment as text (an admin may have edited it into anything)."""
    return None if value is None else value if isinstance(value, str) else str(value)


def review_outcome(
    submission_id: int,
    next_submission_id: int | None,
    verdicts: Iterable[dict],
    reviewed: bool,
    awaiting_review: bool,
) -> dict | None:
    """The outcome of one subtask submission: the first verdict (a review node's submission,
    `values` with `decision` and `comment`) recorded after it and before the node's next
    submission. Without a verdict: `pending` when the submission is the node's latest and the
    node waits for its review (status `submitted`), else None (not reviewed, or superseded
    before any verdict)."""
    if not reviewed:
        return None
    for v in sorted(verdicts, key=lambda v: v["id"]):
        if v["id"] <= submission_id:
            continue
        if next_submission_id is not None and v["id"] > next_submission_id:
            break
        values = v.get("values") if isinstance(v.get("values"), dict) else {}
        return {
            "status": "passed" if values.get("decision") == "pass" else "rejected",
            "comment": _text(values.get("comment")),
            "reviewer_id": v.get("user_id"),
            "review_node_db_id": v.get("node_instance_id"),
            "review_submission_id": v["id"],
            "reviewed_at": v.get("created_at"),
        }
    if next_submission_id is None and awaiting_review:
        return {
            "status": "pending",
            "comment": None,
            "reviewer_id": None,
            "review_node_db_id": None,
            "review_submission_id": None,
            "reviewed_at": None,
        }
    return None


def next_ids(ids: Iterable[int]) -> dict[int, int | None]:
    """Each submission id of one node, mapped to the node's next submission id (or None)."""
    ordered = sorted(ids)
    return {a: (ordered[i + 1] if i + 1 < len(ordered) else None) for i, a in enumerate(ordered)}


def attach_submissions(events: list[dict], subs: list[dict]) -> None:
    """Gives each history event the submission it recorded (in place): the one its data names
    (`submission` or `attempt_number`, on the event's node instance), else the one written by
    the same user on the same node instance in the same transaction (the same timestamp).
    A submission is attached to one event only, the earliest."""
    by_attempt = {(s["node_instance_id"], s["attempt_number"]): s for s in subs}
    used: set[int] = set()
    for e in events:
        e["submission"] = None
        data = e.get("data") or {}
        number = data.get("submission", data.get("attempt_number"))
        if isinstance(number, int) and not isinstance(number, bool):
            s = by_attempt.get((e["node_db_id"], number))
            if s is not None and s["id"] not in used:
                e["submission"] = s
                used.add(s["id"])
    for e in events:
        if e["submission"] is not None:
            continue
        for s in subs:
            if (
                s["id"] not in used
                and s["node_instance_id"] == e["node_db_id"]
                and s["created_at"] == e["at"]
                and s["user_id"] == e["user_id"]
            ):
                e["submission"] = s
                used.add(s["id"])
                break


# ---- reading -----------------------------------------------------------------------------


def emails(session: Session, user_ids: Iterable[int | None]) -> dict[int, str]:
    ids = {u for u in user_ids if u is not None}
    if not ids:
        return {}
    return dict(session.execute(select(_U.c.id, _U.c.email).where(_U.c.id.in_(ids))).all())


def _submission_rows(session: Session, where) -> list[dict]:
    rows = session.execute(select(_NS).where(where).order_by(_NS.c.id)).all()
    return [dict(r._mapping) for r in rows]


def _load(session: Session, principal: Principal, node_db_id: int) -> tuple[TaskRun, Inst]:
    row = session.execute(select(_NI.c.task_id, _NI.c.org_id).where(_NI.c.id == node_db_id)).first()
    if row is None or row.org_id != principal.org_id:
        raise NotFound("Node not found")
    run = TaskRun.load(session.connection(), row.task_id)
    inst = next((i for i in run.insts.values() if i.id == node_db_id), None) if run else None
    if run is None or inst is None:
        raise NotFound("Node not found")
    return run, inst


def _in_workflow(
    session: Session, principal: Principal, project_id: int, workflow_id: int, node_db_id: int
) -> tuple[TaskRun, Inst]:
    get_workflow(session, principal, workflow_id, project_id)
    run, inst = _load(session, principal, node_db_id)
    if run.workflow_id != workflow_id:
        raise NotFound("Node not found")
    return run, inst


def any_view(run: TaskRun, node_id: str, project_id: int) -> dict:
    """The node view of any node of the task: a human node's form view (run_views.node_view),
    or, for a machine node or one not created yet, the keys every node view has."""
    inst = run.insts.get(node_id)
    if inst is not None and inst.kind in HUMAN:
        return node_view(run, inst, project_id)
    entry = node_entry(run, node_id)
    entry.update(
        task_id=run.task_id,
        workflow_id=run.workflow_id,
        project_id=project_id,
        task_fields=run.fields,
    )
    return entry


def _verdict(v: dict, nodes: dict[int, str], mail: dict[int, str], judged: int | None) -> dict:
    values = v["values"] if isinstance(v["values"], dict) else {}
    return {
        "id": v["id"],
        "review_node_db_id": v["node_instance_id"],
        "review_node_id": nodes.get(v["node_instance_id"], v["node_id"]),
        "attempt_number": v["attempt_number"],
        "decision": _text(values.get("decision")),
        "comment": _text(values.get("comment")),
        "reviewer_id": v["user_id"],
        "reviewer_email": mail.get(v["user_id"]),
        "reviewed_at": v["created_at"],
        "subtask_submission_id": judged,
    }


def submission_view(
    session: Session, principal: Principal, project_id: int, node_db_id: int
) -> dict:
    """GET /projects/{p}/submissions/{node_id}: the node's view, its task, every submission
    of it (oldest first, each with its review outcome) and the review verdicts on it."""
    get_project(session, principal, project_id)
    if node_db_id > INT64_MAX:
        raise NotFound("Node not found")
    run, inst = _load(session, principal, node_db_id)
    workflow = session.execute(
        select(_W.c.project_id, _W.c.name).where(_W.c.id == run.workflow_id)
    ).first()
    if workflow is None or workflow.project_id != project_id:
        raise NotFound("Node not found")
    if inst.kind not in HUMAN:
        raise NotFound(f"Node {inst.id} is a {inst.kind} node; only human nodes have submissions")
    subs = _submission_rows(session, _NS.c.node_instance_id == inst.id)
    if inst.kind == "subtask":
        reviewers = run.graph.reviewers(inst.node_id)
        review_ids = [run.insts[r].id for r in reviewers if r in run.insts]
        verdicts = (
            _submission_rows(session, _NS.c.node_instance_id.in_(review_ids)) if review_ids else []
        )
    else:
        reviewers, verdicts = [inst.node_id], subs
    mail = emails(session, [s["user_id"] for s in subs] + [v["user_id"] for v in verdicts])
    following = next_ids(s["id"] for s in subs)
    node_ids = {i.id: i.node_id for i in run.insts.values()}
    submissions = []
    judged: dict[int, int] = {}
    for s in subs:
        outcome = None
        if inst.kind == "subtask":
            outcome = review_outcome(
                s["id"], following[s["id"]], verdicts, bool(reviewers), inst.status == "submitted"
            )
            if outcome and outcome["review_submission_id"] is not None:
                judged[outcome["review_submission_id"]] = s["id"]
        submissions.append(
            {
                "id": s["id"],
                "attempt_number": s["attempt_number"],
                "via": s["via"],
                "values": s["values"],
                "user_id": s["user_id"],
                "user_email": mail.get(s["user_id"]),
                "submitted_at": s["created_at"],
                "review": outcome,
            }
        )
    return {
        "node": node_view(run, inst, project_id),
        "task": {
            "id": run.task_id,
            "status": run.status,
            "fields": run.fields,
            "workflow_id": run.workflow_id,
            "workflow_name": workflow.name,
            "project_id": project_id,
        },
        "submissions": submissions,
        "reviews": [_verdict(v, node_ids, mail, judged.get(v["id"])) for v in verdicts],
    }


def node_history(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    node_db_id: int,
    offset: int,
    limit: int,
) -> tuple[list[dict], int]:
    """GET .../nodes/{id}/history: the node's node.* and review.* task events, and the review
    verdicts other nodes gave on it (a subtask's reviews), oldest first, each with who and
    when and the submission it recorded."""
    run, inst = _in_workflow(session, principal, project_id, workflow_id, node_db_id)
    kind_match = or_(*(_EV.c.type.like(p + "%") for p in HISTORY_PREFIXES))
    reviewer_ids = [run.insts[r].id for r in run.graph.reviewers(inst.node_id) if r in run.insts]
    judged_here = [
        e.id
        for e in session.execute(
            select(_EV.c.id, _EV.c.data).where(
                _EV.c.task_id == run.task_id,
                _EV.c.node_instance_id.in_(reviewer_ids),
                _EV.c.type.like("review.%"),
            )
        ).all()
        if (e.data or {}).get("subtask") == inst.node_id
    ]
    where = and_(
        _EV.c.task_id == run.task_id,
        or_(and_(_EV.c.node_instance_id == inst.id, kind_match), _EV.c.id.in_(judged_here)),
    )
    total = session.scalar(select(func.count()).select_from(_EV).where(where))
    rows = session.execute(
        select(_EV).where(where).order_by(_EV.c.id).offset(offset).limit(limit)
    ).all()
    events: list[dict[str, Any]] = [
        {
            "id": r.id,
            "type": r.type,
            "at": r.created_at,
            "user_id": r.actor_id,
            "node_db_id": r.node_instance_id,
            "node_id": r.node_id,
            "data": r.data or {},
        }
        for r in rows
    ]
    subs = _submission_rows(session, _NS.c.node_instance_id.in_({inst.id, *reviewer_ids}))
    attach_submissions(events, subs)
    mail = emails(session, [e["user_id"] for e in events])
    for e in events:
        e["user_email"] = mail.get(e["user_id"])
        s = e["submission"]
        if s is not None:
            e["submission"] = {
                "id": s["id"],
                "attempt_number": s["attempt_number"],
                "via": s["via"],
                "values": s["values"],
            }
    return events, total


def node_with_linked(
    session: Session, principal: Principal, project_id: int, workflow_id: int, node_db_id: int
) -> dict:
    """GET .../nodes/{id}/with-linked: the node's view, with the views of the nodes it
    depends on (direct upstream) and of the nodes it feeds (direct downstream)."""
    run, inst = _in_workflow(session, principal, project_id, workflow_id, node_db_id)
    graph = run.graph
    edges_in = list(graph.incoming(inst.node_id))
    if graph.kind(inst.node_id) == "loop":
        edges_in += graph.back_edges(inst.node_id)
    upstream = list(dict.fromkeys(e["source"] for e in edges_in))
    downstream = list(dict.fromkeys(e["target"] for e in graph.outgoing(inst.node_id)))
    return {
        "node": any_view(run, inst.node_id, project_id),
        "upstream": [any_view(run, n, project_id) for n in upstream],
        "downstream": [any_view(run, n, project_id) for n in downstream],
    }
