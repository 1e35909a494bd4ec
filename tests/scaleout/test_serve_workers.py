"""`pipelines-server serve --workers 2` (PIPELINES_SERVE_WORKERS=2) on PostgreSQL: both
processes answer on the one port, /metrics adds up the requests of both (whichever process
answers the scrape), and the configured background threads are divided between them, not
run by each."""

from __future__ import annotations

import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.parser import text_string_to_metric_families

HEALTH = {"operation": "get_health", "status": "200", "surface": "native"}


def health_count(text: str) -> float:
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            if s.name == "pipelines_http_requests_total" and s.labels == HEALTH:
                return s.value
    return 0.0


def scrape(c) -> str:
    r = httpx.get(c.url(0) + "/metrics", timeout=30)
    assert r.status_code == 200, r.text
    return r.text


def per_process_counts(metrics_dir: Path, tmp: Path) -> dict[str, float]:
    """GET /api/health answered, by server process (one counter file per process)."""
    out = {}
    for f in metrics_dir.glob("counter_*.db"):
        one = tmp / f.stem
        one.mkdir(exist_ok=True)
        shutil.copy(f, one / f.name)
        reg = CollectorRegistry()
        MultiProcessCollector(reg, path=str(one))
        out[f.stem] = health_count(generate_latest(reg).decode())
    return out


def gauge(text: str, name: str, **labels) -> float:
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            if s.name == name and s.labels == labels:
                return s.value
    raise AssertionError(f"{name}{labels} not in /metrics")


def test_two_processes_on_one_port_count_together_and_share_the_background_work(cluster, tmp_path):
    c = cluster(
        servers=1,
        workers=0,
        env={
            "PIPELINES_SERVE_WORKERS": "2",
            "PIPELINES_ENGINE_WORKERS": "4",
            "PIPELINES_JOB_WORKERS": "2",
            "PIPELINES_UPLOAD_WORKERS": "2",
            "PIPELINES_KFP_RUNS": "2",
        },
    )
    (metrics_dir,) = (c.tmp / "data" / "metrics").glob(f"*/serve-{c.server_procs[0].pid}")

    # Both processes run (each wrote its counters), whichever got the health checks.
    def both_started():
        return len(list(metrics_dir.glob("counter_*.db"))) == 2

    deadline = time.monotonic() + 60
    while not both_started():
        assert time.monotonic() < deadline, f"no second process:\n{c.logs()}"
        time.sleep(0.3)

    before = health_count(scrape(c))
    sent = 0

    def one(_):
        # A connection of its own each: the kernel hands it to either process.
        with httpx.Client(base_url=c.url(0), timeout=30) as client:
            return client.get("/api/health").status_code

    # Requests until both processes have answered some (generous deadline, no timing).
    deadline = time.monotonic() + 120
    with ThreadPoolExecutor(8) as pool:
        while True:
            statuses = list(pool.map(one, range(40)))
            assert statuses == [200] * 40
            sent += 40
            counts = per_process_counts(metrics_dir, tmp_path)
            if len(counts) == 2 and all(v > 0 for v in counts.values()):
                break
            assert time.monotonic() < deadline, f"one process answered all: {counts}"

    # One scrape (answered by one process) counts the requests both answered.
    for _ in range(4):
        assert health_count(scrape(c)) - before == sent

    # The configured totals are divided (2 + 2 engine threads, ...), not run by each (8).
    text = scrape(c)
    assert gauge(text, "pipelines_background_threads", kind="engine") == 4
    assert gauge(text, "pipelines_background_threads", kind="jobs") == 2
    assert gauge(text, "pipelines_background_threads", kind="uploads") == 2
    assert gauge(text, "pipelines_background_threads", kind="kfp_runs") == 2
    assert gauge(text, "pipelines_database_up") == 1


def test_several_processes_on_sqlite_are_refused(tmp_path):
    import os
    import subprocess
    import sys

    from tests.server import ROOT

    env = {
        **os.environ,
        "PIPELINES_DATA_DIR": str(tmp_path),
        "PIPELINES_DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}",
        "PIPELINES_BOOTSTRAP": "0",
    }
    done = subprocess.run(
        [sys.executable, "-m", "pipelines_server", "serve", "--workers", "2", "--port", "1"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "use PostgreSQL" in done.stderr
