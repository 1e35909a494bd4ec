"""`make bench`: the main API's work-in/results-out figures (issue 11), measured in one run.

Writes bench/main-api-results.json. On SQLite (the embedded default):
  create_tasks_ratio     one POST /api/.../create-tasks of 5,000 rows / a bare SQLAlchemy
                         Core bulk insert of the same rows (target <= 3, as for v1)
  dataset_import         a 100,000-row CSV imported (upload + job to completion): rows per
                         second, and the server process's peak RSS growth over its RSS
                         before the upload (target < 100 MB)
  export_tasks           100,000 tasks exported as CSV through the streamed POST
                         .../export-tasks: rows per second and peak RSS growth (< 100 MB)
  experiment             3 variants x 1,000 tasks: seconds from the POST to every task of
                         every variant created, and tasks created per second

Memory is read from /proc/<pid>/status (VmRSS) of the server process, sampled every 20 ms
from a thread of this script while the operation runs.
"""

from __future__ import annotations

import csv
import json
import os
import platform
import statistics
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx
from rich.console import Console
from sqlalchemy import insert

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines_server.store.db import Database  # noqa: E402
from pipelines_server.store.models import Task, Workflow, utcnow  # noqa: E402
from tests.server import start_server, stop_server  # noqa: E402

console = Console()
ENV = {
    "PIPELINES_RATE_LIMIT_PER_KEY": "100000000/minute",
    "PIPELINES_RATE_LIMIT_PER_IP": "100000000/minute",
    "PIPELINES_VALIDATE_RESPONSES": "0",
    "PIPELINES_LOG_LEVEL": "warning",
    # Tasks are created, not run: the figures are about getting work in and results out.
    "PIPELINES_ENGINE_WORKERS": "0",
}
FIELDS = [
    {"name": "text", "type": "long_text", "required": True},
    {"name": "lang", "type": "select", "options": ["fr", "de"], "required": True},
    {"name": "n", "type": "numeric"},
]
ROWS = [
    {"text": f"row {i} " + "lorem ipsum " * 4, "lang": "fr" if i % 2 else "de", "n": i}
    for i in range(5000)
]
IMPORT_ROWS = 100_000
EXPORT_TASKS = 100_000
VARIANTS, PER_VARIANT = 3, 1000
MB = 1024 * 1024


def rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


class PeakRss:
    """Samples a process's RSS while the block runs; `growth` is peak minus the start."""

    def __init__(self, pid: int):
        self.pid, self.base, self.peak = pid, rss(pid), 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, rss(self.pid))

    def __enter__(self):
        self.peak = self.base
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss(self.pid))

    @property
    def growth_mb(self) -> float:
        return round((self.peak - self.base) / MB, 1)


def timed(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def make_workflow(api: httpx.Client, project_id: int, graph: dict | None = None) -> int:
    body = {"name": "bench", "fields": FIELDS, **({"graph": graph} if graph else {})}
    r = api.post(f"/api/projects/{project_id}/workflows", json=body)
    r.raise_for_status()
    wf_id = r.json()["id"]
    api.post(f"/api/projects/{project_id}/workflows/{wf_id}/activate").raise_for_status()
    return wf_id


def wait_job(api: httpx.Client, url: str, timeout: float = 1800) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = api.get(url).raise_for_status().json()
        if body["status"] in ("completed", "completed_with_partial_results", "failed", "cancelled"):
            return body
        time.sleep(0.05)
    raise TimeoutError(url)


def bench_create_tasks(api, db, srv) -> dict:
    wf_id = make_workflow(api, srv.seed.project_id)
    with db.session() as s:
        org_id = s.get(Workflow, wf_id).org_id
    body = json.dumps({"tasks": [{"fields": r} for r in ROWS]}).encode()
    url = f"/api/projects/{srv.seed.project_id}/workflows/{wf_id}/create-tasks"

    def post():
        r = api.post(url, content=body, headers={"Content-Type": "application/json"})
        assert r.status_code == 200 and r.json()["success_count"] == 5000, r.text[:300]

    def core():
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

    post()
    core()
    api_s, core_s = timed(post, 5), timed(core, 5)
    return {
        "api_post_5000_s": round(api_s, 4),
        "core_insert_5000_s": round(core_s, 4),
        "ratio": round(api_s / core_s, 2),
        "target_max": 3.0,
    }


def bench_dataset_import(api, srv, tmp: Path) -> dict:
    path = tmp / "import.csv"
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "question", "answer", "score", "lang"])
        for i in range(IMPORT_ROWS):
            w.writerow(
                [
                    i,
                    f"question {i} " + "lorem ipsum " * 3,
                    f"answer {i}",
                    i % 97 / 10,
                    "fr" if i % 3 else "de",
                ]
            )
    size_mb = round(path.stat().st_size / MB, 1)
    with PeakRss(srv.process.pid) as mem:
        start = time.perf_counter()
        with path.open("rb") as f:
            r = api.post(
                "/api/datasets/import/file",
                files={"file": ("import.csv", f, "text/csv")},
                data={"name": "bench import"},
            )
        r.raise_for_status()
        job = wait_job(api, f"/api/datasets/import/jobs/{r.json()['job_id']}")
        seconds = time.perf_counter() - start
    assert job["status"] == "completed", job
    return {
        "rows": IMPORT_ROWS,
        "file_mb": size_mb,
        "seconds": round(seconds, 2),
        "rows_per_second": round(IMPORT_ROWS / seconds),
        "peak_rss_growth_mb": mem.growth_mb,
        "target_max_growth_mb": 100,
    }


def bench_export(api, db, srv) -> dict:
    wf_id = make_workflow(api, srv.seed.project_id)
    with db.session() as s:
        org_id = s.get(Workflow, wf_id).org_id
    now = utcnow()
    chunk = [
        {
            "org_id": org_id,
            "workflow_id": wf_id,
            "status": "pending",
            "fields": {"text": "lorem ipsum " * 4, "lang": "fr", "n": 1},
            "created_at": now,
            "updated_at": now,
        }
        for _ in range(10_000)
    ]
    for _ in range(EXPORT_TASKS // 10_000):
        with db.engine.begin() as conn:
            conn.execute(insert(Task.__table__), chunk)
    url = f"/api/projects/{srv.seed.project_id}/workflows/{wf_id}/export-tasks"
    with PeakRss(srv.process.pid) as mem:
        start = time.perf_counter()
        lines = 0
        with api.stream("POST", url, json={"format": "csv"}, headers={"Accept": "text/csv"}) as r:
            r.raise_for_status()
            for chunk_bytes in r.iter_bytes():
                lines += chunk_bytes.count(b"\n")
        seconds = time.perf_counter() - start
    assert lines >= EXPORT_TASKS, lines
    return {
        "tasks": EXPORT_TASKS,
        "seconds": round(seconds, 2),
        "rows_per_second": round(EXPORT_TASKS / seconds),
        "peak_rss_growth_mb": mem.growth_mb,
        "target_max_growth_mb": 100,
    }


def bench_experiment(api, srv) -> dict:
    wf_id = make_workflow(api, srv.seed.project_id)
    base = f"/api/projects/{srv.seed.project_id}/workflows/{wf_id}"
    body = {
        "name": "bench",
        "count": PER_VARIANT,
        "tasks": [{"fields": r} for r in ROWS[:10]],
        "variants": [{"name": f"v{i}", "configOverrides": {}} for i in range(VARIANTS)],
    }
    start = time.perf_counter()
    r = api.post(f"{base}/experiments", json=body)
    r.raise_for_status()
    exp_id = r.json()["experiment_id"]
    deadline = time.monotonic() + 1800
    while time.monotonic() < deadline:
        status = api.get(f"{base}/experiments/{exp_id}").raise_for_status().json()
        created = sum(v.get("tasks_created") or 0 for v in status.get("variants") or [])
        if created >= VARIANTS * PER_VARIANT:
            break
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    return {
        "variants": VARIANTS,
        "tasks_per_variant": PER_VARIANT,
        "seconds_to_all_tasks_created": round(seconds, 2),
        "tasks_per_second": round(VARIANTS * PER_VARIANT / seconds),
    }


def main() -> int:
    results: dict = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "measured_at": datetime.now(UTC).isoformat(),
    }
    with TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        srv = start_server(tmp / "srv", env=ENV)
        try:
            api = httpx.Client(
                base_url=srv.base_url,
                headers={"Authorization": f"Bearer {srv.seed.api_key}"},
                timeout=600,
            )
            db = Database(srv.database_url)
            steps = [
                ("create_tasks", lambda: bench_create_tasks(api, db, srv)),
                ("dataset_import", lambda: bench_dataset_import(api, srv, tmp)),
                ("export_tasks", lambda: bench_export(api, db, srv)),
                ("experiment", lambda: bench_experiment(api, srv)),
            ]
            for name, step in steps:
                with console.status(name):
                    try:
                        results[name] = step()
                    except Exception as exc:  # one figure failing must not hide the others
                        results[name] = {"error": f"{type(exc).__name__}: {exc}"[:500]}
                console.print(name, results[name])
            db.dispose()
            api.close()
        finally:
            stop_server(srv)
    out = ROOT / "bench" / "main-api-results.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    console.print(f"wrote {out}")
    return (
        0
        if all(
            "error" not in v
            for k, v in results.items()
            if isinstance(v, dict) and k not in ("machine",)
        )
        else 1
    )


if __name__ == "__main__":
    raise SystemExit(main())
