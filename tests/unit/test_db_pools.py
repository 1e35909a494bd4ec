"""PostgreSQL pool sizes come from PIPELINES_DB_POOL_SIZE and PIPELINES_DB_MAX_OVERFLOW, for
both pools, and the main pool has one connection more per background thread (engines are
built without connecting)."""

from __future__ import annotations

from pipelines_server.settings import Settings
from pipelines_server.store.db import Database

URL = "postgresql+psycopg://nobody@127.0.0.1:1/none"


def test_both_pools_are_sized_by_the_settings_and_background_threads_get_their_own():
    db = Database.from_settings(
        Settings(database_url=URL, db_pool_size=3, db_max_overflow=2), background=7
    )
    try:
        assert (db.engine.pool.size(), db.engine.pool._max_overflow) == (3, 2 + 7)
        assert (db.reader.pool.size(), db.reader.pool._max_overflow) == (3, 2)
    finally:
        db.dispose()


def test_the_defaults_open_at_most_twenty_connections_besides_background_threads():
    db = Database.from_settings(Settings(database_url=URL))
    try:
        most = sum(p.size() + p._max_overflow for p in (db.engine.pool, db.reader.pool))
        assert most == 20
    finally:
        db.dispose()
