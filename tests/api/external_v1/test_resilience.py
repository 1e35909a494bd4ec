"""The hot read path survives database connections that died under it (PostgreSQL)."""

from __future__ import annotations

import pytest

from tests.api.helpers import make_workflow, v1
from tests.server import postgres_url


def test_status_reads_recover_from_terminated_connections(server):
    if not postgres_url():
        pytest.skip("PostgreSQL only: set PIPELINES_TEST_DATABASE_URL (make test-postgres)")
    import psycopg

    wf = make_workflow(server, [{"name": "a", "type": "short_text"}])
    with v1(server) as api:
        task_id = api.post(
            f"/workflows/{wf['id']}/tasks", json={"tasks": [{"fields": {"a": "x"}}]}
        ).json()["task_ids"][0]
        for _ in range(5):  # fill the reader pool with live connections
            assert api.get(f"/workflows/{wf['id']}/tasks/{task_id}").status_code == 200
        dbname = server.database_url.rsplit("/", 1)[1]
        admin = postgres_url().replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(admin, autocommit=True) as conn:
            killed = conn.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (dbname,),
            ).fetchone()[0]
        assert killed >= 1
        for _ in range(5):
            r = api.get(f"/workflows/{wf['id']}/tasks/{task_id}")
            assert r.status_code == 200, r.text
