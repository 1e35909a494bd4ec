"""Two chains created at once (A -> B and B -> A) cannot both pass the cycle check: creating a
chain takes the organization's lock before it reads the chains (PostgreSQL: the
organization's row, FOR UPDATE; SQLite: the database's write lock)."""

from __future__ import annotations

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError

from pipelines_server.domain import chains
from pipelines_server.shared.errors import ValidationFailed
from pipelines_server.shared.principal import ORG_ADMIN, Principal
from pipelines_server.store.db import Database
from tests.api.helpers import make_workflow
from tests.api.native.test_chains import TARGET_FIELDS


def body(source, target):
    return {
        "source_workflow_id": source["id"],
        "target_workflow_id": target["id"],
        "field_mapping": {"body": "fields.body"},
    }


def test_a_chain_created_while_another_is_uncommitted_waits_before_its_cycle_check(server):
    a = make_workflow(server, TARGET_FIELDS, name="lock-a")
    b = make_workflow(server, TARGET_FIELDS, name="lock-b")
    admin = Principal(server.seed.org_id, 0, server.seed.user_id, ORG_ADMIN)
    project = server.seed.project_id
    first, second = Database(server.database_url), Database(server.database_url)
    statements: list[str] = []

    @event.listens_for(second.engine, "before_cursor_execute")
    def _seen(conn, cursor, statement, *args):
        statements.append(statement)

    try:
        with first.session() as s1:
            chains.create_chain(s1, admin, project, body(a, b))  # not committed yet
            with pytest.raises(DBAPIError), second.session() as s2:
                # Give up on the lock quickly instead of waiting for the first to commit.
                if server.database_url.startswith("sqlite"):
                    s2.execute(text("PRAGMA busy_timeout=200"))
                else:
                    s2.execute(text("SET lock_timeout = '200ms'"))
                chains.create_chain(s2, admin, project, body(b, a))
            # It stopped at the lock, before reading the chains it would check.
            assert not [s for s in statements if "workflow_chains" in s]
        # Once the first is committed, the second sees it and is refused as a cycle.
        with pytest.raises(ValidationFailed) as refused, second.session() as s2:
            chains.create_chain(s2, admin, project, body(b, a))
        assert any("cycle" in e.message for e in refused.value.errors)
    finally:
        first.dispose()
        second.dispose()
