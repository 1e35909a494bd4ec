"""`make bench` (scale-out part): two API processes, two Celery workers, PostgreSQL and Redis.

Every process is started the way an operator starts it, with DEFAULT settings except what a
deployment must set (database, broker, Redis for rate limits, a shared secret key) and rate
limits raised for the bench client:
  servers   python -m pipelines_server serve --port P                      (x2)
  workers   python -m celery -A pipelines_server.worker worker -n wN@%h -c 2 -Q pipelines
            --without-gossip --without-mingle --without-heartbeat         (x2, own groups)
The broker and the rate-limit store are two private redis-server processes this script starts
(so that `INFO commandstats` counts only this bench's publishes); PostgreSQL gets a fresh
database per run.

Figures (bench/scaleout-results.json, keyed by --label, e.g. "before" / "after"; the other
labels' figures are kept):
  normal      N tasks (start -> code -> logic gate -> code -> end) created through both API
              servers (half each, v1 batches), until the last one ended: tasks per second,
              messages sent per node run (broker LPUSH+RPUSH calls / code nodes finished; kombu's
              Redis transport publishes with LPUSH, and restores unacked messages with
              RPUSH/LPUSH), queue depth peak (LLEN of the queue, sampled every 0.25 s).
  fault       the same, with one worker's whole process group SIGKILLed once a third of the
              tasks ended and restarted at once: recovery_s is the time from the kill until
              every node that was held ('claimed') at the kill instant finished.
  get         authenticated GET /api/auth/me throughput (2 client processes x 8 threads, keep-
              alive) against `serve --workers 1` and `serve --workers 2`, and their ratio.
Targets (issue 12): messages per node run <= 1.1; recovery <= 90 s with default settings.

Which code runs is whatever `pipelines_server` PYTHONPATH selects: to measure another commit,
`PYTHONPATH=<its worktree>/server:<its worktree> python bench/scaleout.py --label before`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import platform
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.engine import GRAPH  # noqa: E402 - the workflow the engine bench runs
from tests.server import (  # noqa: E402
    create_pg_database,
    free_port,
    postgres_reachable,
    seed_database,
)

PG_URL = os.environ.get(
    "PIPELINES_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
QUEUE = "pipelines"  # the default PIPELINES_CELERY_QUEUE: the broker is private to the bench
QUEUED_PER_TASK = 2  # the code nodes: the only nodes sent to Celery
GET_THREADS = 8
GET_CLIENTS = 2


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# ---- processes this script starts (and only those are ever signalled) ---------------------


class Proc:
    def __init__(self, name: str, argv: list[str], env: dict, log_path: Path):
        self.name, self.argv, self.env, self.log_path = name, argv, env, log_path
        self.process: subprocess.Popen | None = None

    def start(self) -> Proc:
        with open(self.log_path, "ab") as out:
            self.process = subprocess.Popen(
                self.argv,
                env=self.env,
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: its pool children with it
            )
        return self

    def kill_group(self, sig: int) -> None:
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, sig)

    def stop(self, timeout: float = 30) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.kill_group(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout)
        self.kill_group(signal.SIGKILL)  # whatever outlived it
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(10)


class Redis:
    """A private redis-server on a free port (no persistence)."""

    def __init__(self, tmp: Path, name: str):
        tmp.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.proc = Proc(
            name,
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(tmp),
            ],
            dict(os.environ),
            tmp / f"{name}.log",
        ).start()
        import redis

        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 20
        while True:
            try:
                self.client.ping()
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def publishes(self) -> dict:
        stats = self.client.info("commandstats")
        return {
            cmd: int(stats.get(f"cmdstat_{cmd}", {}).get("calls", 0)) for cmd in ("lpush", "rpush")
        }

    def stop(self) -> None:
        self.proc.stop(timeout=10)


def drop_database(url: str) -> None:
    import psycopg

    base, _, name = url.rpartition("/")
    admin = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Cluster:
    def __init__(self, tmp: Path, broker: Redis, limits: Redis, servers: int = 2):
        self.tmp = tmp
        tmp.mkdir(parents=True, exist_ok=True)
        self.broker, self.limits = broker, limits
        self.database_url = create_pg_database(PG_URL)
        self.seed = seed_database(self.database_url)
        self.env = {
            **os.environ,
            # What a multi-process deployment must set; everything else is the default.
            "PIPELINES_DATA_DIR": str(tmp / "data"),
            "PIPELINES_DATABASE_URL": self.database_url,
            "PIPELINES_EXECUTOR": "celery",
            "PIPELINES_BROKER_URL": broker.url,
            "PIPELINES_REDIS_URL": limits.url,
            "PIPELINES_SECRET_KEY": uuid.uuid4().hex,
            "PIPELINES_BOOTSTRAP": "0",
            # The bench client sends far more than a person would.
            "PIPELINES_RATE_LIMIT_PER_KEY": "10000000/minute",
            "PIPELINES_RATE_LIMIT_PER_IP": "10000000/minute",
        }
        self.servers: list[Proc] = []
        self.ports: list[int] = []
        self.workers: list[Proc] = []
        self.n_servers = servers

    def start_server(self, i: int, workers: int = 1) -> Proc:
        port = free_port()
        argv = [sys.executable, "-m", "pipelines_server", "serve", "--port", str(port)]
        if workers > 1:
            argv += ["--workers", str(workers)]
        proc = Proc(f"server{i}", argv, self.env, self.tmp / f"server{i}.log").start()
        self.servers.append(proc)
        self.ports.append(port)
        return proc

    def start_worker(self, i: int, tag: str = "") -> Proc:
        proc = Proc(
            f"worker{i}{tag}",
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "pipelines_server.worker",
                "worker",
                "-n",
                f"w{i}{tag}@%h",
                "-c",
                "2",
                "-Q",
                QUEUE,
                "--loglevel=warning",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            self.env,
            self.tmp / f"worker{i}{tag}.log",
        ).start()
        if i < len(self.workers):
            self.workers[i] = proc
        else:
            self.workers.append(proc)
        return proc

    def url(self, i: int) -> str:
        return f"http://127.0.0.1:{self.ports[i]}"

    def wait_healthy(self, timeout: float = 120) -> None:
        for i, proc in enumerate(self.servers):
            deadline = time.monotonic() + timeout
            while True:
                if proc.process.poll() is not None:
                    raise RuntimeError(f"{proc.name} exited: {proc.log_path.read_text()[-3000:]}")
                with contextlib.suppress(httpx.HTTPError):
                    if httpx.get(self.url(i) + "/api/health", timeout=2).status_code == 200:
                        break
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{proc.name} did not start")
                time.sleep(0.2)

    def close(self) -> None:
        for p in self.workers + self.servers:
            p.stop()
        with contextlib.suppress(Exception):
            drop_database(self.database_url)


# ---- the task run --------------------------------------------------------------------------


def _scalar(db, sql: str, **params):
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def run_tasks(cluster: Cluster, count: int, batch: int, fault: bool, timeout: float) -> dict:
    from sqlalchemy import text

    from pipelines_server.store.db import Database

    headers = {"Authorization": f"Bearer {cluster.seed.api_key}"}
    pid = cluster.seed.project_id
    with httpx.Client(base_url=cluster.url(0), headers=headers, timeout=300) as api:
        r = api.post(
            f"/api/projects/{pid}/workflows",
            json={"name": "bench", "fields": [{"name": "n", "type": "numeric"}], "graph": GRAPH},
        )
        r.raise_for_status()
        wf = r.json()["id"]
        api.post(f"/api/projects/{pid}/workflows/{wf}/activate").raise_for_status()

    broker = cluster.broker
    broker.client.config_resetstat()
    peak = {"llen": 0}
    stop_sampling = threading.Event()

    def sample() -> None:
        import redis

        client = redis.Redis.from_url(broker.url)
        while not stop_sampling.is_set():
            with contextlib.suppress(Exception):
                peak["llen"] = max(peak["llen"], int(client.llen(QUEUE)))
            stop_sampling.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    errors: list[BaseException] = []

    def create(server: int, total: int) -> None:
        try:
            with httpx.Client(base_url=cluster.url(server), headers=headers, timeout=600) as api:
                sent = 0
                while sent < total:
                    n = min(batch, total - sent)
                    rows = [{"fields": {"n": (sent + k) % 10}} for k in range(n)]
                    r = api.post(f"/api/v1/workflows/{wf}/tasks", json={"tasks": rows})
                    r.raise_for_status()
                    sent += n
        except BaseException as exc:  # noqa: BLE001 - reported by the caller
            errors.append(exc)

    halves = [count // 2, count - count // 2]
    started = time.perf_counter()
    sampler.start()
    creators = [threading.Thread(target=create, args=(i, halves[i])) for i in range(2)]
    for t in creators:
        t.start()
    db = Database(cluster.database_url)
    fault_info: dict = {}
    held: list[int] = []
    killed_at = 0.0
    try:
        deadline = started + timeout
        while True:
            if errors:
                raise RuntimeError(f"creating tasks failed: {errors[0]!r}")
            done = _scalar(
                db,
                "SELECT count(*) FROM tasks WHERE workflow_id = :wf "
                "AND status IN ('finished', 'failed')",
                wf=wf,
            )
            now = time.perf_counter()
            if fault and not killed_at and done >= count / 3:
                cluster.workers[1].kill_group(signal.SIGKILL)
                killed_at = time.perf_counter()
                with db.engine.connect() as conn:
                    held = [
                        r[0]
                        for r in conn.execute(
                            text(
                                "SELECT id FROM node_instances WHERE workflow_id = :wf "
                                "AND queue = 'auto' AND status = 'claimed'"
                            ),
                            {"wf": wf},
                        )
                    ]
                cluster.start_worker(1, tag="-restarted")
                fault_info = {"killed_after_s": round(killed_at - started, 1), "held": len(held)}
                log(f"  SIGKILLed worker 1 with {done} tasks ended; {len(held)} nodes held")
            if killed_at and not held:
                fault_info.setdefault("recovery_s", 0.0)  # it held nothing at that instant
            if killed_at and held and "recovery_s" not in fault_info:
                left = _scalar(
                    db,
                    "SELECT count(*) FROM node_instances WHERE id = ANY(:ids) "
                    "AND status NOT IN ('finished', 'failed')",
                    ids=held,
                )
                since = now - killed_at
                if since >= 5 and "held_unfinished_after_5s" not in fault_info:
                    fault_info["held_unfinished_after_5s"] = left
                if left == 0:
                    fault_info["recovery_s"] = round(since, 1)
                    log(f"  the held nodes all finished {since:.1f} s after the kill")
            if done >= count:
                break
            if now > deadline:
                raise RuntimeError(f"only {done} of {count} tasks ended in {timeout} s")
            time.sleep(0.25)
        wall = time.perf_counter() - started
        stop_sampling.set()
        if killed_at and "recovery_s" not in fault_info:
            fault_info["recovery_s"] = round(time.perf_counter() - killed_at, 1)
        failed = _scalar(
            db, "SELECT count(*) FROM tasks WHERE workflow_id = :wf AND status = 'failed'", wf=wf
        )
        runs = _scalar(
            db,
            "SELECT count(*) FROM node_instances WHERE workflow_id = :wf "
            "AND kind IN ('code', 'http', 'llm') AND status IN ('finished', 'failed')",
            wf=wf,
        )
    finally:
        stop_sampling.set()
        for t in creators:
            t.join(600)
        db.dispose()
    time.sleep(1)  # publishes of the last results are counted too
    pushes = broker.publishes()
    messages = pushes["lpush"] + pushes["rpush"]
    out = {
        "tasks": count,
        "failed_tasks": failed,
        "wall_s": round(wall, 1),
        "tasks_per_second": round(count / wall, 1),
        "node_runs": runs,
        "messages": messages,
        "broker_lpush": pushes["lpush"],
        "broker_rpush": pushes["rpush"],
        "messages_per_node_run": round(messages / runs, 2) if runs else None,
        "queue_depth_peak": peak["llen"],
    }
    if fault:
        out.update(fault_info)
    return out


def scenario(tmp: Path, count: int, batch: int, fault: bool, timeout: float) -> dict:
    broker, limits = Redis(tmp, "redis-broker"), Redis(tmp, "redis-limits")
    cluster = Cluster(tmp, broker, limits)
    try:
        for i in range(2):
            cluster.start_server(i)
        for i in range(2):
            cluster.start_worker(i)
        cluster.wait_healthy()
        time.sleep(3)  # the workers connect to the broker
        log(f"{'fault' if fault else 'normal'}: {count} tasks through 2 servers, 2 workers ...")
        result = run_tasks(cluster, count, batch, fault, timeout)
        log(f"  {result}")
        return result
    except BaseException:
        for p in cluster.workers + cluster.servers:
            with contextlib.suppress(Exception):
                log(f"---- {p.name} log tail ----\n{p.log_path.read_text()[-4000:]}")
        raise
    finally:
        cluster.close()
        broker.stop()
        limits.stop()


# ---- GET throughput ------------------------------------------------------------------------


def _get_client(url: str, key: str, seconds: float, threads: int, out) -> None:
    count = [0] * threads
    errors = [0] * threads
    stop = time.perf_counter() + seconds

    def loop(i: int) -> None:
        with httpx.Client(
            base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=30
        ) as client:
            while time.perf_counter() < stop:
                try:
                    r = client.get("/api/auth/me")
                    if r.status_code == 200:
                        count[i] += 1
                    else:
                        errors[i] += 1
                except httpx.HTTPError:
                    errors[i] += 1

    ts = [threading.Thread(target=loop, args=(i,)) for i in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    out.put((sum(count), sum(errors)))


def get_throughput(url: str, key: str, seconds: float) -> dict:
    ctx = multiprocessing.get_context("spawn")
    # Warm up: every server process opens its connections.
    ctx_q = ctx.Queue()
    warm = ctx.Process(target=_get_client, args=(url, key, 2.0, GET_THREADS, ctx_q))
    warm.start()
    ctx_q.get()
    warm.join()
    q = ctx.Queue()
    procs = [
        ctx.Process(target=_get_client, args=(url, key, seconds, GET_THREADS, q))
        for _ in range(GET_CLIENTS)
    ]
    started = time.perf_counter()
    for p in procs:
        p.start()
    results = [q.get() for _ in procs]
    for p in procs:
        p.join()
    wall = time.perf_counter() - started
    ok = sum(r[0] for r in results)
    return {
        "requests": ok,
        "errors": sum(r[1] for r in results),
        "seconds": round(wall, 1),
        "requests_per_second": round(ok / wall, 1),
    }


def get_scenario(tmp: Path, seconds: float) -> dict:
    out: dict = {
        "request": "GET /api/auth/me with an API key",
        "clients": f"{GET_CLIENTS} processes x {GET_THREADS} threads, keep-alive",
    }
    limits = Redis(tmp, "redis-get-limits")
    broker = Redis(tmp, "redis-get-broker")
    try:
        for workers in (1, 2):
            cluster = Cluster(tmp / f"get{workers}", broker, limits)
            try:
                cluster.start_server(0, workers=workers)
                cluster.wait_healthy()
                time.sleep(2)
                log(f"get: serve --workers {workers}, {seconds:.0f} s ...")
                out[f"workers_{workers}"] = get_throughput(
                    cluster.url(0), cluster.seed.api_key, seconds
                )
                log(f"  {out[f'workers_{workers}']}")
            finally:
                cluster.close()
    finally:
        limits.stop()
        broker.stop()
    one = out["workers_1"]["requests_per_second"]
    out["ratio_2_to_1"] = round(out["workers_2"]["requests_per_second"] / one, 2) if one else None
    return out


# ---- main ----------------------------------------------------------------------------------


def code_under_test() -> dict:
    import pipelines_server

    where = Path(pipelines_server.__file__).resolve().parent
    commit = subprocess.run(
        ["git", "-C", str(where), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(where), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return {"path": str(where), "commit": commit + ("+changes" if dirty else "")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=1000, help="tasks per v1 POST")
    parser.add_argument("--label", default="after", help="results key, e.g. before / after")
    parser.add_argument("--get-seconds", type=float, default=15.0)
    parser.add_argument("--timeout", type=float, default=3600.0, help="per task run")
    parser.add_argument(
        "--only", choices=("normal", "fault", "get"), action="append", help="run only these"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "scaleout-results.json")
    args = parser.parse_args()
    parts = args.only or ["normal", "fault", "get"]

    figures: dict = {
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            # The machine may be shared: the 1-minute load when the bench started.
            "load_average_at_start": round(os.getloadavg()[0], 1),
        },
        "code": code_under_test(),
        "command": (
            (f"PYTHONPATH={os.environ['PYTHONPATH']} " if os.environ.get("PYTHONPATH") else "")
            + "python bench/scaleout.py "
            + " ".join(sys.argv[1:])
        ),
        "settings": "defaults, except database, broker, Redis, secret key, raised rate limits",
    }
    log(f"code under test: {figures['code']}")
    why = postgres_reachable(PG_URL)
    if why is None and shutil.which("redis-server") is None:
        why = "redis-server not found (the bench starts private Redis servers)"
    if why is not None:
        log(f"skipped, {args.out} left as it was: {why}")
        return 0
    with TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        if "normal" in parts:
            figures["normal"] = scenario(
                tmp_path / "normal", args.tasks, args.batch, False, args.timeout
            )
        if "fault" in parts:
            figures["fault"] = scenario(
                tmp_path / "fault", args.tasks, args.batch, True, args.timeout
            )
        if "get" in parts:
            figures["get"] = get_scenario(tmp_path / "get", args.get_seconds)

    results: dict = {}
    if args.out.exists():
        results = json.loads(args.out.read_text())
    results.setdefault("shape", "start -> code -> logic gate -> code -> end")
    results.setdefault(
        "setup", "2 API processes, 2 Celery workers (-c 2), PostgreSQL, Redis broker, 2 cores"
    )
    results["targets"] = {"messages_per_node_run_max": 1.1, "recovery_s_max": 90}
    previous = results.get(args.label, {})
    results[args.label] = {**previous, **figures} if args.only else figures
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    log(f"wrote {args.out} [{args.label}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
