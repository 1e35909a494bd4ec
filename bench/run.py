"""`make bench`: the foundation's benchmarks, as ratios measured in one run.

Writes bench/results.json. For SQLite and (when reachable) PostgreSQL:
  bulk_insert_ratio   one POST of 5,000 valid tasks / a bare SQLAlchemy Core bulk insert of the
                      same rows (target <= 3)
  deep_page_ratio     a v1 task-list page past 100,000 tasks / the first page (target <= 1.5)
  status_rps_ratio    authenticated task-status GET rps / unauthenticated health rps, with
                      concurrent clients (target >= 0.5)
and the absolute health rps with 1 and 2 server processes.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import threading
import time
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx
from rich.console import Console
from sqlalchemy import insert, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines_server.domain.tasks import encode_cursor  # noqa: E402
from pipelines_server.store.db import Database  # noqa: E402
from pipelines_server.store.models import Task, Workflow, utcnow  # noqa: E402
from tests.server import (  # noqa: E402
    postgres_reachable,
    start_server,
    stop_server,
)

console = Console()
PG_URL = os.environ.get(
    "PIPELINES_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
FIELDS = [
    {"name": "text", "type": "long_text", "required": True},
    {"name": "lang", "type": "select", "options": ["fr", "de"], "required": True},
    {"name": "n", "type": "numeric"},
]
ROWS = [
    {"text": f"row {i} " + "lorem ipsum " * 4, "lang": "fr" if i % 2 else "de", "n": i}
    for i in range(5000)
]
DEEP = 100_000
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "8"))
RPS_SECONDS = 5.0
ENV = {
    "PIPELINES_RATE_LIMIT_PER_KEY": "100000000/minute",
    "PIPELINES_RATE_LIMIT_PER_IP": "100000000/minute",
    "PIPELINES_VALIDATE_RESPONSES": "0",
    "PIPELINES_LOG_LEVEL": "warning",
}


def timed(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def make_workflow(api: httpx.Client, project_id: int) -> int:
    wf = api.post(f"/api/projects/{project_id}/workflows", json={"name": "bench", "fields": FIELDS})
    wf.raise_for_status()
    wf_id = wf.json()["id"]
    api.post(f"/api/projects/{project_id}/workflows/{wf_id}/activate").raise_for_status()
    return wf_id


def rps(url: str, headers: dict, seconds: float = RPS_SECONDS) -> float:
    count = 0
    errors = 0
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker():
        nonlocal count, errors
        with httpx.Client(headers=headers, timeout=30) as c:
            while time.perf_counter() < stop:
                ok = c.get(url).status_code == 200
                with lock:
                    count += ok
                    errors += not ok

    threads = [threading.Thread(target=worker) for _ in range(CONCURRENCY)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise RuntimeError(f"{errors} failed requests against {url}")
    return count / (time.perf_counter() - start)


def compare_rps(
    a: tuple[str, dict], b: tuple[str, dict], rounds: int = 6
) -> tuple[float, float, float]:
    """Alternates the two loads in short back-to-back rounds and keeps the medians, and the
    median of the per-round ratios b/a, so that the machine's drift weighs on both alike."""
    rps(a[0], a[1], 1.0)  # warm-up
    rps(b[0], b[1], 1.0)
    first, second = [], []
    for _ in range(rounds):
        first.append(rps(*a, RPS_SECONDS / 3))
        second.append(rps(*b, RPS_SECONDS / 3))
    ratio = statistics.median(y / x for x, y in zip(first, second, strict=True))
    return statistics.median(first), statistics.median(second), ratio


def bench_database(label: str, database_url: str | None, tmp: Path) -> dict:
    console.rule(f"[bold]{label}")
    srv = start_server(tmp / label, env=ENV, database_url=database_url)
    try:
        auth = {"Authorization": f"Bearer {srv.seed.api_key}"}
        api = httpx.Client(base_url=srv.base_url, headers=auth, timeout=300)
        db = Database(srv.database_url)
        wf_id = make_workflow(api, srv.seed.project_id)
        with db.session() as s:
            wf = s.get(Workflow, wf_id)
            org_id = wf.org_id
        payload = {"tasks": [{"fields": r} for r in ROWS]}
        body = json.dumps(payload).encode()

        def post_batch():
            r = api.post(
                f"/api/v1/workflows/{wf_id}/tasks",
                content=body,
                headers={"Content-Type": "application/json"},
            )
            assert r.status_code == 200 and r.json()["success_count"] == 5000, r.text[:300]

        def core_insert():
            now = utcnow()
            with db.engine.begin() as conn:
                conn.execute(
                    insert(Task.__table__),
                    [
                        {
                            "org_id": org_id,
                            "workflow_id": wf_id,
                            "status": "pending",
                            "fields": r,
                            "created_at": now,
                            "updated_at": now,
                        }
                        for r in ROWS
                    ],
                )

        with console.status(f"{label}: 5,000-task POST vs Core bulk insert"):
            post_batch()  # warm-up
            core_insert()
            api_s = timed(post_batch, 5)
            core_s = timed(core_insert, 5)

        with console.status(f"{label}: seeding {DEEP:,} tasks for the deep page"):
            deep_wf = make_workflow(api, srv.seed.project_id)
            now = utcnow()
            rows = [
                {
                    "org_id": org_id,
                    "workflow_id": deep_wf,
                    "status": "pending",
                    "fields": {"text": "x", "lang": "fr"},
                    "created_at": now,
                    "updated_at": now,
                }
                for _ in range(10_000)
            ]
            for _ in range(DEEP // 10_000 + 1):
                with db.engine.begin() as conn:
                    conn.execute(insert(Task.__table__), rows)
            with db.session() as s:
                ids = list(
                    s.scalars(
                        select(Task.id)
                        .where(Task.workflow_id == deep_wf)
                        .order_by(Task.id.desc())
                        .offset(DEEP)
                        .limit(1)
                    )
                )
            cursor = encode_cursor(ids[0])
        first_url = f"/api/v1/workflows/{deep_wf}/tasks?limit=50"
        deep_url = f"{first_url}&cursor={cursor}"
        with console.status(f"{label}: first page vs page past {DEEP:,}"):
            for url in (first_url, deep_url):
                assert api.get(url).status_code == 200
            first_s = timed(lambda: api.get(first_url).raise_for_status(), 40)
            deep_s = timed(lambda: api.get(deep_url).raise_for_status(), 40)

        with console.status(f"{label}: task-status rps vs health rps ({CONCURRENCY} clients)"):
            task_id = api.post(
                f"/api/v1/workflows/{wf_id}/tasks", json={"tasks": [{"fields": ROWS[0]}]}
            ).json()["task_ids"][0]
            health_rps, status_rps, rps_ratio = compare_rps(
                (srv.base_url + "/api/v1/health", {}),
                (srv.base_url + f"/api/v1/workflows/{wf_id}/tasks/{task_id}", auth),
            )
        api.close()
        db.dispose()
    finally:
        stop_server(srv)
    result = {
        "bulk_insert": {
            "api_post_5000_s": round(api_s, 4),
            "core_insert_5000_s": round(core_s, 4),
            "ratio": round(api_s / core_s, 2),
            "target_max": 3.0,
        },
        "deep_page": {
            "first_page_s": round(first_s, 5),
            "deep_page_s": round(deep_s, 5),
            "tasks_before_deep_page": DEEP,
            "ratio": round(deep_s / first_s, 2),
            "target_max": 1.5,
        },
        "status_vs_health_rps": {
            "task_status_rps": round(status_rps, 1),
            "health_rps": round(health_rps, 1),
            "ratio": round(rps_ratio, 2),
            "target_min": 0.5,
            "concurrent_clients": CONCURRENCY,
        },
    }
    console.print_json(data=result)
    return result


def bench_processes(tmp: Path) -> dict:
    out = {}
    for workers in (1, 2):
        console.rule(f"health rps, {workers} server process(es)")
        env = {**ENV, "PIPELINES_SERVE_WORKERS": str(workers)}
        srv = start_server(tmp / f"proc{workers}", env=env)
        try:
            rps(srv.base_url + "/api/v1/health", {}, 1.0)  # warm every process
            out[f"{workers}_process"] = round(rps(srv.base_url + "/api/v1/health", {}), 1)
        finally:
            stop_server(srv)
    console.print_json(data=out)
    return out


def main() -> int:
    results: dict = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "measured_at": utcnow().isoformat(),
    }
    with TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        results["sqlite"] = bench_database("sqlite", None, tmp_path)
        why = postgres_reachable(PG_URL)
        if why is None:
            os.environ["PIPELINES_TEST_DATABASE_URL"] = PG_URL
            from tests.server import create_pg_database

            results["postgresql"] = bench_database(
                "postgresql", create_pg_database(PG_URL), tmp_path
            )
            del os.environ["PIPELINES_TEST_DATABASE_URL"]
        else:
            console.print(f"[yellow]PostgreSQL skipped: {why}")
            results["postgresql"] = {"skipped": why}
        results["health_rps_by_processes"] = bench_processes(tmp_path)
    out = ROOT / "bench" / "results.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    console.print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
