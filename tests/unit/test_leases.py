"""The lease primitives of store/leases.py on a real SQLite table: which rows have lapsed,
and which writes a token still holds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from pipelines_server.store import leases
from pipelines_server.store.models import UTCDateTime

NOW = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)


def _table():
    meta = sa.MetaData()
    table = sa.Table(
        "queue",
        meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("claim_token", sa.String(32)),
        sa.Column("lease_until", UTCDateTime()),
    )
    engine = sa.create_engine("sqlite://")
    meta.create_all(engine)
    return engine, table


def test_tokens_are_new_each_time_and_deadlines_are_now_plus_seconds():
    assert leases.new_token() != leases.new_token()
    assert len(leases.new_token()) == 32
    assert leases.lease_end(NOW, 30) == NOW + timedelta(seconds=30)
    before = datetime.now(UTC)
    assert before + timedelta(seconds=60) <= leases.deadline(60)
    assert leases.deadline(60) <= datetime.now(UTC) + timedelta(seconds=60)


def test_lapsed_is_a_lease_ended_before_now_or_never_set():
    engine, t = _table()
    with engine.begin() as conn:
        conn.execute(
            t.insert(),
            [
                {"id": 1, "lease_until": None},
                {"id": 2, "lease_until": NOW - timedelta(seconds=1)},
                {"id": 3, "lease_until": NOW + timedelta(seconds=1)},
            ],
        )
        ids = conn.scalars(sa.select(t.c.id).where(leases.lapsed(t.c.lease_until, NOW)))
        assert sorted(ids) == [1, 2]


def test_a_write_under_held_changes_only_the_row_its_token_holds():
    engine, t = _table()
    mine, theirs = leases.new_token(), leases.new_token()
    with engine.begin() as conn:
        conn.execute(t.insert(), [{"id": 1, "claim_token": mine}, {"id": 2, "claim_token": theirs}])
        for row_id in (1, 2):
            conn.execute(
                t.update()
                .where(leases.held(t.c.id, t.c.claim_token, row_id, mine))
                .values(lease_until=NOW)
            )
        rows = dict(conn.execute(sa.select(t.c.id, t.c.lease_until)).all())
    assert rows == {1: NOW, 2: None}
