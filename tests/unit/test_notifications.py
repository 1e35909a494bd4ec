"""Notification rules on a real SQLite database: which job endings notify whom
(domain/jobs.finish), the reading rules (domain/notifications), and assign_to in graph
validation."""

from __future__ import annotations

import pytest

from pipelines_server.domain import job_runner, jobs, notifications, orgs
from pipelines_server.engine import notices
from pipelines_server.engine.graph_validation import assignee_errors, validate_graph
from pipelines_server.shared.errors import NotFound, ValidationFailed
from pipelines_server.shared.principal import Principal
from pipelines_server.shared.timestamps import utcnow
from pipelines_server.store.db import Database, migrate
from pipelines_server.store.leases import new_token
from pipelines_server.store.models import Notification, User


@jobs.handler("unit_notify_ok")
def _ok(ctx: jobs.JobContext):
    with ctx.step():
        ctx.done, ctx.total = 1, 1


@jobs.handler("unit_notify_fail")
def _fail(ctx: jobs.JobContext):
    raise jobs.JobFailed("the rows were bad")


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'n.db'}"
    migrate(url)
    database = Database(url)
    yield database
    database.dispose()


@pytest.fixture
def me(db) -> Principal:
    with db.session() as s:
        b = orgs.bootstrap(s)
        return Principal(b.org.id, 0, b.user.id, b.user.role)


def _mine(db, me) -> list[dict]:
    with db.session() as s:
        return notifications.list_notifications(s, me, 0, 100)[0]


def _run(db, me, kind) -> str:
    with db.session() as s:
        job_id = jobs.create(s, me, kind, {}).id
    job_runner.claim_and_run(db, job_id, 30, None)
    return job_id


def test_a_job_that_ends_by_itself_notifies_its_starter(db, me):
    ok = _run(db, me, "unit_notify_ok")
    failed = _run(db, me, "unit_notify_fail")
    failed_note, ok_note = _mine(db, me)
    assert ok_note["type"] == "job_finished"
    assert ok_note["data"] == {"job_id": ok, "kind": "unit_notify_ok", "status": "completed"}
    assert "(1 of 1)" in ok_note["title"]
    assert failed_note["data"]["job_id"] == failed
    assert failed_note["data"]["status"] == "failed"
    assert failed_note["body"] == "the rows were bad"


def test_chain_jobs_and_cancelled_queued_jobs_notify_nobody(db, me):
    with db.session() as s:  # a chain's system job, ended by its runner
        job_id = jobs.create(s, me, "workflow_chain", {}).id
    token = new_token()
    with db.session() as s:
        assert jobs.claim(s, job_id, token, 30)
    with db.session() as s:
        assert jobs.finish(s, job_id, token, jobs.COMPLETED)
    with db.session() as s:
        job = jobs.create(s, me, "unit_notify_ok", {})
        jobs.request_cancel(s, job)  # cancelled at once: the reply says so
    assert _mine(db, me) == []


def test_a_job_cancelled_while_running_notifies(db, me):
    with db.session() as s:
        job_id = jobs.create(s, me, "unit_notify_ok", {}).id
        s.get(jobs.Job, job_id).cancel_requested = 1
    job_runner.claim_and_run(db, job_id, 30, None)
    (note,) = _mine(db, me)
    assert note["data"]["status"] == "cancelled"


def test_write_skips_removed_users_and_other_organizations(db, me):
    with db.session() as s:
        other = orgs.bootstrap(s)
        removed = User(org_id=me.org_id, email="gone@example.com", name="G", role="member")
        s.add(removed)
        s.flush()
        removed.removed_at = utcnow()
        s.flush()
        row = {"type": "work_assigned", "title": "t"}
        written = notices.write(
            s.connection(),
            me.org_id,
            [
                {"user_id": me.user_id, **row},
                {"user_id": removed.id, **row},
                {"user_id": other.user.id, **row},
            ],
        )
        assert written == 1
        assert s.query(Notification).count() == 1


def test_reading_rules(db, me):
    with db.session() as s:
        other = orgs.bootstrap(s)
        them = Principal(other.org.id, 0, other.user.id, other.user.role)
        row = {"type": "task_failed", "title": "t"}
        notices.write(s.connection(), me.org_id, [{"user_id": me.user_id, **row}] * 2)
        notices.write(s.connection(), other.org.id, [{"user_id": other.user.id, **row}])
    mine = [n["id"] for n in _mine(db, me)]
    with db.session() as s:
        with pytest.raises(NotFound):
            notifications.get_notification(s, them, mine[0])
        assert notifications.mark_read(s, them, all_=True) == {"updated": 1, "unread_count": 0}
        assert notifications.mark_read(s, them, [mine[0]])["updated"] == 0
        with pytest.raises(ValidationFailed):
            notifications.mark_read(s, me)
        with pytest.raises(ValidationFailed):
            notifications.mark_read(s, me, [mine[0]], all_=True)
        assert notifications.unread_count(s, me) == 2
        assert notifications.read_filter(True, None) is False
        assert notifications.read_filter(None, True) is True
        with pytest.raises(ValidationFailed):
            notifications.read_filter(True, True)


def _graph(**config) -> dict:
    return {
        "nodes": [
            {"id": "start", "kind": "start"},
            {"id": "label", "kind": "subtask", "config": {"fields": [], **config}},
            {"id": "end", "kind": "end"},
        ],
        "edges": [{"source": "start", "target": "label"}, {"source": "label", "target": "end"}],
    }


def test_assign_to_shape_and_membership(db, me):
    assert validate_graph(_graph(assign_to=me.user_id)) == []
    for bad in ("1", 0, 1.5):
        errors = validate_graph(_graph(assign_to=bad))
        assert errors and errors[0].loc[-1] == "assign_to", bad
    with db.session() as s:
        assert assignee_errors(s.connection(), me.org_id, _graph(assign_to=me.user_id)) == []
        (error,) = assignee_errors(s.connection(), me.org_id, _graph(assign_to=me.user_id + 99))
        assert error.loc == ("graph", "nodes", 1, "config", "assign_to")
        assert assignee_errors(s.connection(), me.org_id + 1, _graph(assign_to=me.user_id))
