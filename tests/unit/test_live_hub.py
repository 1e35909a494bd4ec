"""The shared event reader on its own: fan-out by organization and filters, replay then live
without duplicates, and an event whose id commits after a later one (PostgreSQL's sequences
allow that) still delivered."""

from __future__ import annotations

import asyncio
import sqlite3
from types import SimpleNamespace

from pipelines_server.live.hub import EventHub
from pipelines_server.settings import Settings
from pipelines_server.shared.principal import Principal
from pipelines_server.store.db import Database, migrate


def _hub(tmp_path):
    path = tmp_path / "events.db"
    url = f"sqlite:///{path}"
    migrate(url)
    settings = Settings(database_url=url, data_dir=tmp_path, events_poll_seconds=0.02)
    rt = SimpleNamespace(settings=settings, db=Database(url))
    raw = sqlite3.connect(path)  # no foreign keys: events without their tasks are enough here

    def add(event_id: int, org_id: int = 1, task_id: int = 1, workflow_id: int = 1):
        raw.execute(
            "INSERT INTO task_events (id, org_id, task_id, workflow_id, type, data, created_at)"
            " VALUES (?, ?, ?, ?, 'node.finished', '{}', '2026-01-01 00:00:00.000000')",
            (event_id, org_id, task_id, workflow_id),
        )
        raw.commit()

    return EventHub(rt), add, rt


async def _collect(sub, count: int, timeout: float = 10.0) -> list[int]:
    got: list[int] = []
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while len(got) < count and loop.time() < deadline:
        batch = await sub.replay() if sub.replaying else await sub.next(0.2)
        got += [e.id for e in batch]
    return got


def test_fan_out_filters_and_late_commits(tmp_path):
    hub, add, rt = _hub(tmp_path)
    add(5)
    me = Principal(org_id=1, api_key_id=1, user_id=1, role="org_admin")

    async def scenario():
        everything = await hub.subscribe(me, None, None, after=None)  # starts after 5
        task_two = await hub.subscribe(me, 2, None, after=None)
        add(7)
        add(8, org_id=2)  # another organization: none of these streams see it
        add(9, task_id=2)
        assert await _collect(everything, 2) == [7, 9]
        assert await _collect(task_two, 1) == [9]
        add(6)  # took its id before 7 but committed after it
        assert await _collect(everything, 1) == [6]
        assert hub.reads > 0 and hub.count == 2
        # A stream resuming from 0 replays the stored events, then follows live, once each.
        resumed = await hub.subscribe(me, None, None, after=0)
        add(10)
        got = await _collect(resumed, 5)
        assert sorted(got) == [5, 6, 7, 9, 10] and len(got) == len(set(got))
        for sub in (everything, task_two, resumed):
            hub.unsubscribe(sub)
        assert hub.count == 0
        await hub.stop()

    try:
        asyncio.run(scenario())
    finally:
        rt.db.dispose()
