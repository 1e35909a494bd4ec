"""The home page's summary (ui/dashboard.py): the viewer's open work, running tasks by active
workflow and the latest KFP runs, of the viewer's organization only, in the same number of
queries whatever the number of tasks."""

from __future__ import annotations

import pytest
from sqlalchemy import event, insert, update

from pipelines_server.domain import orgs
from pipelines_server.domain import tasks as tasks_domain
from pipelines_server.domain import workflows as wf_domain
from pipelines_server.shared.principal import Principal
from pipelines_server.store.db import Database, migrate
from pipelines_server.store.models import NodeInstance, Task, Workflow, utcnow
from pipelines_server.ui import dashboard

GRAPH = {
    "nodes": [
        {"id": "start", "kind": "start"},
        {"id": "label", "kind": "subtask", "config": {"fields": []}},
        {"id": "end", "kind": "end"},
    ],
    "edges": [{"source": "start", "target": "label"}, {"source": "label", "target": "end"}],
}


@pytest.fixture
def database(tmp_path):
    url = f"sqlite:///{tmp_path / 'ui.db'}"
    migrate(url)
    db = Database(url)
    yield db
    db.dispose()


def _org_with_tasks(db, n: int, tag: str) -> Principal:
    """An org whose active workflow has n tasks: every other one in progress with its form
    available, the rest finished; and a draft workflow with a task in progress (not counted:
    only active workflows' tasks are)."""
    with db.session() as session:
        b = orgs.bootstrap(session, org_name=f"org {tag}", email=f"{tag}@example.test")
        me = Principal(org_id=b.org.id, api_key_id=0, user_id=b.user.id, role=b.user.role)
        wf = wf_domain.create_workflow(session, me, b.project.id, f"wf {tag}", "", [], GRAPH)
        draft = wf_domain.create_workflow(session, me, b.project.id, "draft", "", [], GRAPH)
        session.execute(update(Workflow).where(Workflow.id == wf.id).values(status="ACTIVE"))
        ids = tasks_domain.insert_tasks(session, wf, [{}] * n, created_by=b.user.id)
        (other,) = tasks_domain.insert_tasks(session, draft, [{}], created_by=b.user.id)
        running = ids[::2]
        session.execute(
            update(Task).where(Task.id.in_([*running, other])).values(status="in_progress")
        )
        session.execute(update(Task).where(Task.id.in_(ids[1::2])).values(status="finished"))
        now = utcnow()
        session.execute(
            insert(NodeInstance.__table__),
            [
                {
                    "task_id": t,
                    "org_id": b.org.id,
                    "workflow_id": wf.id,
                    "node_id": "label",
                    "kind": "subtask",
                    "status": "available",
                    "created_at": now,
                    "updated_at": now,
                }
                for t in running
            ],
        )
        return me


def _summary(db, me) -> tuple[dashboard.Summary, int]:
    seen = []

    def count(*_args):
        seen.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        with db.session() as session:
            out = dashboard.summary(session, me)
            session.expunge_all()
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return out, len(seen)


def test_the_summary_counts_the_viewers_work_and_running_tasks_in_bounded_queries(database):
    small = _org_with_tasks(database, 4, "small")
    big = _org_with_tasks(database, 60, "big")
    few, few_queries = _summary(database, small)
    many, many_queries = _summary(database, big)
    assert few_queries == many_queries

    assert few.work_total == 2 and len(few.work) == 2
    assert many.work_total == 30 and len(many.work) == dashboard.SHOWN
    assert [w["task_id"] for w in many.work] == sorted(w["task_id"] for w in many.work)
    assert many.running_total == 30 and few.running_total == 2
    ((wf, n),) = many.running
    assert wf.name == "wf big" and n == 30
    assert many.active_workflows == 1
    assert many.runs == [] and many.runs_total == 0


def test_a_key_without_a_user_has_no_work_but_sees_the_rest(database):
    me = _org_with_tasks(database, 2, "keyonly")
    nobody = Principal(org_id=me.org_id, api_key_id=0, user_id=None, role="org_admin")
    out, _ = _summary(database, nobody)
    assert out.work_total == 0 and out.running_total == 1
