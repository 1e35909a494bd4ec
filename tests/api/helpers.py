"""Setup helpers for API tests: they go through the native API like a user would, and reach
into the real database only for what no API offers (time travel, a removed user's key)."""

from __future__ import annotations

import time
from contextlib import contextmanager

import httpx

from pipelines_server.store.db import Database


def native(server, key: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {key or server.seed.api_key}"}
    return httpx.Client(base_url=server.base_url + "/api", headers=headers, timeout=60)


def v1(server, key: str | None = None, header: str = "bearer") -> httpx.Client:
    key = key or server.seed.api_key
    headers = {"Authorization": f"Bearer {key}"} if header == "bearer" else {"X-API-Key": key}
    return httpx.Client(base_url=server.base_url + "/api/v1", headers=headers, timeout=120)


@contextmanager
def database(server):
    db = Database(server.database_url)
    try:
        with db.session() as session:
            yield session
    finally:
        db.dispose()


def make_workflow(
    server,
    fields: list[dict],
    status: str = "ACTIVE",
    key: str | None = None,
    project_id: int | None = None,
    name: str = "wf",
) -> dict:
    """A workflow in `status`, reached through the native API's own transitions."""
    project_id = project_id or server.seed.project_id
    with native(server, key) as api:
        r = api.post(f"/projects/{project_id}/workflows", json={"name": name, "fields": fields})
        assert r.status_code == 201, r.text
        wf = r.json()
        base = f"/projects/{project_id}/workflows/{wf['id']}"
        steps = {
            "DRAFT": [],
            "ACTIVE": ["activate"],
            "PAUSED": ["activate", "pause"],
            "COMPLETED": ["activate", "complete"],
            "ARCHIVED": ["archive"],
        }
        if status == "PENDING_ACTIVATION":
            r = api.post(f"{base}/activate", json={"activate_at": "2999-01-01T00:00:00Z"})
            assert r.status_code == 200, r.text
        for step in steps.get(status, []):
            r = api.post(f"{base}/{step}")
            assert r.status_code == 200, r.text
        r = api.get(base)
        assert r.json()["status"] == status
        return r.json()


TEXT_FIELDS = [
    {"name": "input_text", "title": "Input text", "type": "long_text", "required": True},
    {
        "name": "target_language",
        "title": "Target language",
        "type": "select",
        "options": ["French", "German"],
        "required": True,
    },
    {"name": "priority", "type": "numeric"},
]


def wait_for(predicate, timeout: float = 120, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError("condition not met in time")
