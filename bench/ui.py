"""`make bench`: the web UI's workflow, task and home pages against a workflow of 10,000 tasks.

Seeds one workflow (start -> a person's form -> end) with TASKS tasks straight into the
database (the domain's bulk insert, then three node instances per task in mixed states and a
timeline for one task), starts a real server on that database, signs in with a browser
session cookie, and times server responses of:

  workflows list     GET /ui/workflows?project_id=P
  workflow page      GET /ui/workflows/W          (graph + counts of node instances by state)
  task list, page 1  GET /ui/tasks?workflow_id=W
  task list, later   GET /ui/tasks?workflow_id=W&page=150
  task page          GET /ui/tasks/T              (detail, graph, logs, timeline)
  home page          GET /ui/                     (my open work, running tasks, KFP runs)

Each is requested WARMUP times, then REQUESTS times; the median and the 95th percentile go to
bench/ui-results.md. The target is under 200 ms each. On PostgreSQL when
PIPELINES_TEST_DATABASE_URL is set, else on SQLite (the embedded default).

    python bench/ui.py [--tasks 10000] [--requests 20]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx
from sqlalchemy import insert, update

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines_server.domain import tasks as tasks_domain  # noqa: E402
from pipelines_server.domain import web_sessions  # noqa: E402
from pipelines_server.store.db import Database  # noqa: E402
from pipelines_server.store.models import (  # noqa: E402
    NodeInstance,
    Task,
    TaskEvent,
    Workflow,
    utcnow,
)
from tests.server import start_server, stop_server  # noqa: E402

ENV = {
    "PIPELINES_RATE_LIMIT_PER_KEY": "100000000/minute",
    "PIPELINES_RATE_LIMIT_PER_IP": "100000000/minute",
    "PIPELINES_VALIDATE_RESPONSES": "0",
    "PIPELINES_LOG_LEVEL": "warning",
    # The seeded states stay as seeded: nothing runs the tasks.
    "PIPELINES_ENGINE_WORKERS": "0",
}
WARMUP = 3
TARGET_MS = 200
FIELDS = [{"name": "text", "type": "short_text", "required": True}]
GRAPH = {
    "nodes": [
        {"id": "start", "kind": "start", "name": "Start"},
        {
            "id": "label",
            "kind": "subtask",
            "name": "Label",
            "config": {"fields": [{"name": "label", "type": "select", "options": ["a", "b"]}]},
        },
        {"id": "end", "kind": "end", "name": "End"},
    ],
    "edges": [{"source": "start", "target": "label"}, {"source": "label", "target": "end"}],
}
# Task i's states: most done, some waiting on the form, a few failed, the rest not started.
SHAPES = [
    ("finished", ("finished", "finished", "finished")),
    ("in_progress", ("finished", "available", "pending")),
    ("failed", ("finished", "failed", "na")),
]


def seed(database_url: str, server, n_tasks: int) -> tuple[int, int, int, str]:
    """(project_id, workflow_id, a task id, a session cookie)."""
    s = server.seed
    db = Database(database_url)
    try:
        with db.session() as session:
            wf = Workflow(
                org_id=s.org_id,
                project_id=s.project_id,
                name="UI bench",
                status="ACTIVE",
                fields=FIELDS,
                graph=GRAPH,
            )
            session.add(wf)
            session.flush()
            for i in range(20):  # other workflows for the list
                session.add(
                    Workflow(
                        org_id=s.org_id,
                        project_id=s.project_id,
                        name=f"other {i}",
                        status="DRAFT",
                        fields=[],
                        graph=GRAPH,
                    )
                )
            ids = tasks_domain.insert_tasks(
                session, wf, [{"text": f"row {i}"} for i in range(n_tasks)], created_by=s.user_id
            )
            now = utcnow()
            nodes, started = [], []
            by_status: dict[str, list[int]] = {}
            for i, task_id in enumerate(ids):
                if i % 10 == 9:
                    continue  # not started
                status, states = SHAPES[i % len(SHAPES)]
                by_status.setdefault(status, []).append(task_id)
                started.append(task_id)
                for node, state in zip(("start", "label", "end"), states, strict=True):
                    nodes.append(
                        {
                            "task_id": task_id,
                            "org_id": s.org_id,
                            "workflow_id": wf.id,
                            "node_id": node,
                            "kind": {"start": "start", "label": "subtask", "end": "end"}[node],
                            "status": state,
                            "attempt": 1,
                            "created_at": now,
                            "updated_at": now,
                        }
                    )
            session.execute(insert(NodeInstance.__table__), nodes)
            for status, task_ids in by_status.items():
                session.execute(
                    update(Task.__table__)
                    .where(Task.__table__.c.id.in_(task_ids))
                    .values(status=status, started_at=now)
                )
            task_id = by_status["finished"][0]
            session.execute(
                insert(TaskEvent.__table__),
                [
                    {
                        "org_id": s.org_id,
                        "task_id": task_id,
                        "workflow_id": wf.id,
                        "node_id": node,
                        "type": kind,
                        "data": {"attempt": 1},
                        "created_at": now,
                    }
                    for node, kind in [
                        (None, "task.started"),
                        ("start", "node.finished"),
                        ("label", "node.available"),
                        ("label", "node.claimed"),
                        ("label", "node.submitted"),
                        ("label", "node.finished"),
                        ("end", "node.finished"),
                        (None, "task.finished"),
                    ]
                ],
            )
            token = web_sessions.sign_in_key(session, s.api_key, timedelta(hours=2))
            return s.project_id, wf.id, task_id, token
    finally:
        db.dispose()


def timed(client: httpx.Client, path: str, n: int) -> list[float]:
    for _ in range(WARMUP):
        r = client.get(path)
        assert r.status_code == 200, (path, r.status_code, r.text[:500])
    out = []
    for _ in range(n):
        started = time.perf_counter()
        r = client.get(path)
        out.append((time.perf_counter() - started) * 1000)
        assert r.status_code == 200, (path, r.status_code)
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--out", default=str(ROOT / "bench" / "ui-results.md"))
    args = parser.parse_args()
    with TemporaryDirectory() as tmp:
        server = start_server(Path(tmp), env=ENV)
        try:
            started = time.perf_counter()
            project_id, wf_id, task_id, token = seed(server.database_url, server, args.tasks)
            seeded = time.perf_counter() - started
            later = max(1, (args.tasks // 50) * 3 // 4)
            pages = [
                ("Workflows list", f"/ui/workflows?project_id={project_id}"),
                ("Workflow page (graph and node counts)", f"/ui/workflows/{wf_id}"),
                ("Task list, first page", f"/ui/tasks?workflow_id={wf_id}"),
                (f"Task list, page {later}", f"/ui/tasks?workflow_id={wf_id}&page={later}"),
                ("Task page", f"/ui/tasks/{task_id}"),
                ("Home page (work, running tasks, KFP runs)", "/ui/"),
            ]
            rows = []
            with httpx.Client(
                base_url=server.base_url, cookies={"pipelines_session": token}, timeout=60
            ) as client:
                for label, path in pages:
                    ms = timed(client, path, args.requests)
                    rows.append((label, path, statistics.median(ms), p95(ms)))
                    print(f"{label:45} median {rows[-1][2]:7.1f} ms  p95 {rows[-1][3]:7.1f} ms")
            database = "PostgreSQL" if server.database_url.startswith("postgresql") else "SQLite"
        finally:
            stop_server(server)
    lines = [
        "# Web UI: workflow, task and home pages (bench/ui.py)",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {database} · Python "
        f"{platform.python_version()} · {os.cpu_count()} CPUs · one server process",
        "",
        f"One workflow of {args.tasks:,} tasks (three node instances each for 90% of them, in "
        f"mixed states), seeded in {seeded:.1f} s; server response time of each page over "
        f"{args.requests} requests after {WARMUP} warm-up requests, with a signed-in session "
        f"cookie. Target: under {TARGET_MS} ms.",
        "",
        "| page | path | median (ms) | p95 (ms) | under target |",
        "|---|---|---:|---:|---|",
        *(
            f"| {label} | `{path}` | {med:.1f} | {p:.1f} | {'yes' if p < TARGET_MS else 'NO'} |"
            for label, path, med, p in rows
        ),
        "",
    ]
    Path(args.out).write_text("\n".join(lines))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
