"""`make bench` (engine part): tasks through start -> code -> logic gate -> code -> end.

Writes bench/engine-results.json, each figure measured in one run on this machine:
  tasks_per_second      1,000 tasks created in one v1 POST until the last one finished,
                        with the default in-process pool (PIPELINES_ENGINE_WORKERS=4)
  overhead_ms_per_node  with one engine thread: (wall time - time spent in node work) /
                        automatic nodes run; node work is what the executors measured
                        (the code node's subprocess, the gate's evaluation). Target on SQLite:
                        at most 5 ms.
  celery.ratio          the same 1,000 tasks with PIPELINES_EXECUTOR=celery and one Celery
                        worker, against a bare Celery chain of the same executor functions on
                        the same broker and the same worker settings (target at most 1.5)
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx
from rich.console import Console
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines_server.store.db import Database  # noqa: E402
from tests.server import (  # noqa: E402
    postgres_reachable,
    start_server,
    stop_server,
)

console = Console()
PG_URL = os.environ.get(
    "PIPELINES_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
BROKER = os.environ.get("PIPELINES_BENCH_BROKER", "redis://127.0.0.1:6379/3")
TASKS = int(os.environ.get("PIPELINES_BENCH_ENGINE_TASKS", "1000"))
CELERY_CONCURRENCY = 2
FIRST = "def main(data):\n    return {'n': data['input']['n'], 'twice': data['input']['n'] * 2}\n"
SECOND = "def main(data):\n    return data['input']['twice'] + 1\n"
GATE = {
    "routes": [{"port": "even", "when": {"path": "input.n", "op": "in", "value": [0, 2, 4, 6, 8]}}],
    "default": "other",
}
GRAPH = {
    "nodes": [
        {"id": "start", "kind": "start"},
        {"id": "first", "kind": "code", "config": {"source": FIRST}},
        {"id": "gate", "kind": "logic_gate", "config": GATE},
        {"id": "second", "kind": "code", "config": {"source": SECOND}},
        {"id": "end", "kind": "end"},
    ],
    "edges": [
        {"source": "start", "target": "first"},
        {"source": "first", "target": "gate"},
        {"source": "gate", "target": "second", "source_port": "even"},
        {"source": "gate", "target": "second", "source_port": "other"},
        {"source": "second", "target": "end"},
    ],
}
NODES_PER_TASK = len(GRAPH["nodes"])


def run_tasks(server, count: int = TASKS, timeout: float = 1800) -> dict:
    """Creates `count` tasks in one POST and waits until every one ended."""
    headers = {"Authorization": f"Bearer {server.seed.api_key}"}
    pid = server.seed.project_id
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=300) as api:
        r = api.post(
            f"/api/projects/{pid}/workflows",
            json={"name": "bench", "fields": [{"name": "n", "type": "numeric"}], "graph": GRAPH},
        )
        r.raise_for_status()
        wf = r.json()["id"]
        api.post(f"/api/projects/{pid}/workflows/{wf}/activate").raise_for_status()
        rows = [{"fields": {"n": i % 10}} for i in range(count)]
        started = time.perf_counter()
        r = api.post(f"/api/v1/workflows/{wf}/tasks", json={"tasks": rows})
        r.raise_for_status()
    db = Database(server.database_url)
    try:
        deadline = started + timeout
        while True:
            with db.engine.connect() as conn:
                done = conn.execute(
                    text(
                        "SELECT count(*) FROM tasks WHERE workflow_id = :wf "
                        "AND status IN ('finished', 'failed')"
                    ),
                    {"wf": wf},
                ).scalar()
            if done == count:
                break
            if time.perf_counter() > deadline:
                raise RuntimeError(f"only {done} of {count} tasks ended in {timeout}s")
            time.sleep(0.05)
        wall = time.perf_counter() - started
        with db.engine.connect() as conn:
            failed = conn.execute(
                text("SELECT count(*) FROM tasks WHERE workflow_id = :wf AND status = 'failed'"),
                {"wf": wf},
            ).scalar()
            work = conn.execute(
                text(
                    "SELECT coalesce(sum(work_seconds), 0) FROM node_instances "
                    "WHERE workflow_id = :wf"
                ),
                {"wf": wf},
            ).scalar()
    finally:
        db.dispose()
    if failed:
        raise RuntimeError(f"{failed} tasks failed")
    nodes = count * NODES_PER_TASK
    return {
        "tasks": count,
        "wall_s": round(wall, 3),
        "tasks_per_second": round(count / wall, 1),
        "node_work_s": round(float(work), 3),
        "automatic_nodes": nodes,
        "overhead_ms_per_node": round((wall - float(work)) / nodes * 1000, 3),
        "overhead_ms_per_queued_node": round((wall - float(work)) / (count * 2) * 1000, 3),
    }


def bench_database(label: str, database_url: str | None, tmp: Path) -> dict:
    out = {}
    for name, env in (
        ("pool_default", {}),
        ("one_engine_thread", {"PIPELINES_ENGINE_WORKERS": "1"}),
    ):
        env = {**env, "PIPELINES_ENGINE_POLL_SECONDS": "0.05", "PIPELINES_TEST_CELERY_BROKER": ""}
        server = start_server(tmp / f"{label}-{name}", env=env)
        try:
            console.print(f"[bold]{label}[/]: {TASKS} tasks, {name} ...")
            out[name] = run_tasks(server)
            console.print(f"  {out[name]}")
        finally:
            stop_server(server)
    out["overhead_ms_per_node"] = out["one_engine_thread"]["overhead_ms_per_node"]
    out["tasks_per_second"] = out["pool_default"]["tasks_per_second"]
    return out


def bare_celery_chain(tmp: Path, count: int = TASKS) -> dict:
    """The same executor functions chained in plain Celery, on the same broker."""
    queue = f"bench-bare-{os.getpid()}"
    env = {
        **os.environ,
        "PIPELINES_BENCH_BROKER": BROKER,
        "PIPELINES_CELERY_QUEUE": queue,
        "PYTHONPATH": str(ROOT),
    }
    log = open(tmp / "bare-worker.log", "wb")  # noqa: SIM115
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "bench.bare_chain",
            "worker",
            "--loglevel=warning",
            f"--concurrency={CELERY_CONCURRENCY}",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        os.environ["PIPELINES_CELERY_QUEUE"] = queue
        os.environ["PIPELINES_BENCH_BROKER"] = BROKER
        from bench import bare_chain

        return bare_chain.run(count)
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def bench_celery(tmp: Path) -> dict:
    import redis

    try:
        redis.Redis.from_url(BROKER, socket_connect_timeout=2).ping()
    except Exception as exc:
        return {"skipped": f"broker {BROKER} not reachable: {exc}"}
    env = {
        "PIPELINES_EXECUTOR": "celery",
        "PIPELINES_BROKER_URL": BROKER,
        "PIPELINES_CELERY_QUEUE": f"bench-engine-{os.getpid()}",
        "PIPELINES_TEST_CELERY_BROKER": "",
    }
    db_label = "sqlite"
    if postgres_reachable(PG_URL) is None:
        os.environ["PIPELINES_TEST_DATABASE_URL"] = PG_URL
        db_label = "postgresql"
    # start_server starts the server's own Celery worker (PIPELINES_EXECUTOR=celery): one
    # worker, the same concurrency as the bare chain's.
    server = start_server(tmp / "celery", env=env)
    try:
        time.sleep(3)
        console.print(f"[bold]celery[/]: {TASKS} tasks through our engine ...")
        ours = run_tasks(server)
        console.print(f"  {ours}")
    finally:
        stop_server(server)
        os.environ.pop("PIPELINES_TEST_DATABASE_URL", None)
    console.print(f"[bold]celery[/]: {TASKS} bare chains ...")
    bare = bare_celery_chain(tmp)
    console.print(f"  {bare}")
    return {
        "engine": ours,
        "bare_chain": bare,
        "ratio": round(ours["wall_s"] / bare["wall_s"], 2),
        "target_max": 1.5,
        "database": db_label,
        "worker_concurrency": CELERY_CONCURRENCY,
    }


def main() -> int:
    results: dict = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "shape": "start -> code -> logic gate -> code -> end",
    }
    with TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        results["sqlite"] = bench_database("sqlite", None, tmp_path)
        why = postgres_reachable(PG_URL)
        if why is None:
            os.environ["PIPELINES_TEST_DATABASE_URL"] = PG_URL
            try:
                results["postgresql"] = bench_database("postgresql", None, tmp_path)
            finally:
                os.environ.pop("PIPELINES_TEST_DATABASE_URL", None)
        else:
            results["postgresql"] = {"skipped": why}
        results["celery"] = bench_celery(tmp_path)
    out = ROOT / "bench" / "engine-results.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    console.print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
