"""executions_out: a page of executions is shaped in a fixed number of queries, whatever its
size (on a real, migrated SQLite database)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import event

from pipelines_server.domain.pipelit import executions
from pipelines_server.store.db import Database, migrate
from pipelines_server.store.models import Organization, PipelitExecution, PipelitWorkflow, User


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'e.db'}"
    migrate(url)
    database = Database(url)
    yield database
    database.dispose()


def _seed(session, rows: int) -> list[PipelitExecution]:
    org = Organization(name="o")
    session.add(org)
    session.flush()
    user = User(org_id=org.id, email=f"{uuid.uuid4().hex}@x.invalid", name="u", role="member")
    session.add(user)
    session.flush()
    flows = [
        PipelitWorkflow(org_id=org.id, owner_id=user.id, slug=f"s{i}", name="w") for i in (1, 2)
    ]
    session.add_all(flows)
    session.flush()
    out = [
        PipelitExecution(
            id=str(uuid.uuid4()),
            org_id=org.id,
            workflow_id=flows[i % 2].id,
            user_id=user.id,
            status="pending",
        )
        for i in range(rows)
    ]
    session.add_all(out)
    session.flush()
    return out


def _queries(session, rows) -> tuple[list[dict], int]:
    count = 0

    def seen(*_args):
        nonlocal count
        count += 1

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", seen)
    try:
        return executions.executions_out(session, rows), count
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def test_a_page_is_shaped_in_a_fixed_number_of_queries(db):
    with db.session() as session:
        rows = _seed(session, 12)
        out, many = _queries(session, rows)
        assert [o["workflow_slug"] for o in out] == ["s1", "s2"] * 6
        assert [o["execution_id"] for o in out] == [r.id for r in rows]
        assert all((o["total_tokens"], o["llm_calls"]) == (0, 0) for o in out)
        _, one = _queries(session, rows[:1])
        assert many == one <= 2
        assert _queries(session, [])[0] == []
