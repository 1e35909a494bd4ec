"""Real servers for tests: a uvicorn process on a free port, over a fresh database.

PIPELINES_TEST_DATABASE_URL selects PostgreSQL (each server gets a throwaway database there);
otherwise each server gets its own SQLite file. Migrations run exactly as in production, once
per test process into a template database that each seeded server's fresh database is a copy
of (a server started with seed=False gets an empty database and migrates it itself).
PIPELINES_TEST_CELERY_BROKER runs every server with PIPELINES_EXECUTOR=celery and a real
Celery worker of its own (its own queue on that broker) beside it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def postgres_url() -> str | None:
    return os.environ.get("PIPELINES_TEST_DATABASE_URL") or None


def postgres_reachable(url: str) -> str | None:
    """None when reachable, else why not."""
    import psycopg

    try:
        with psycopg.connect(url.replace("+psycopg", ""), connect_timeout=3):
            return None
    except Exception as exc:  # noqa: BLE001 - any failure means "skip"
        return str(exc).strip().splitlines()[0]


def _admin_conninfo(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def create_pg_database(url: str, template: str | None = None) -> str:
    """A new database on the server of `url`: empty, or a copy of the database `template`."""
    import psycopg

    name = "pl_test_" + uuid.uuid4().hex[:12]
    copy = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(_admin_conninfo(url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"{copy}')
    base, _, _ = url.rpartition("/")
    return f"{base}/{name}"


def drop_pg_database(url: str) -> None:
    import psycopg

    base, _, name = url.rpartition("/")
    admin = os.environ["PIPELINES_TEST_DATABASE_URL"]
    with psycopg.connect(_admin_conninfo(admin), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_templates: dict[str, str] = {}


def migrated_database(tmp: Path) -> str:
    """A fresh database at the newest schema: a copy of this process's template, which the
    first call migrates (16 migrations were ~0.3 s of every seeded server's start)."""
    from pipelines_server.store.db import migrate

    pg = postgres_url()
    if pg:
        if pg not in _templates:
            template = create_pg_database(pg)
            migrate(template)
            _templates[pg] = template
        return create_pg_database(pg, template=_templates[pg].rpartition("/")[2])
    if "sqlite" not in _templates:
        where = Path(tempfile.mkdtemp(prefix="pipelines-template-"))
        migrate(f"sqlite:///{where / 'template.db'}")
        _templates["sqlite"] = str(where / "template.db")
    path = tmp / "pipelines.db"
    # SQLite's own copy: consistent whatever the template's journal mode left beside it.
    with contextlib.closing(sqlite3.connect(_templates["sqlite"])) as src:
        with contextlib.closing(sqlite3.connect(path)) as dst:
            src.backup(dst)
    return f"sqlite:///{path}"


@atexit.register
def drop_templates() -> None:
    """The templates of this process, gone (at the end of the test session, and at exit)."""
    while _templates:
        kind, template = _templates.popitem()
        if kind == "sqlite":
            shutil.rmtree(Path(template).parent, ignore_errors=True)
        else:
            drop_pg_database(template)


@dataclass
class Seed:
    org_id: int
    user_id: int
    project_id: int
    api_key: str


@dataclass
class Server:
    base_url: str
    database_url: str
    data_dir: Path
    process: subprocess.Popen
    log_path: Path
    env: dict = field(default_factory=dict)
    seed: Seed | None = None
    worker: subprocess.Popen | None = None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.worker is not None:
            stop_process_group(self.worker)
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(
    tmp: Path, env: dict | None = None, database_url: str | None = None, seed: bool = True
) -> Server:
    tmp.mkdir(parents=True, exist_ok=True)
    if database_url is None and seed:
        database_url = migrated_database(tmp)
    elif database_url is None:
        pg = postgres_url()
        database_url = create_pg_database(pg) if pg else f"sqlite:///{tmp / 'pipelines.db'}"
    port = free_port()
    full_env = {
        **os.environ,
        "PIPELINES_DATA_DIR": str(tmp),
        "PIPELINES_DATABASE_URL": database_url,
        "PIPELINES_PORT": str(port),
        "PIPELINES_BOOTSTRAP": "0",
        "PIPELINES_VALIDATE_RESPONSES": "1",
        "PIPELINES_RATE_LIMIT_PER_KEY": "100000/minute",
        "PIPELINES_RATE_LIMIT_PER_IP": "100000/minute",
        "PIPELINES_RATE_LIMIT_FAILED_AUTH": "100000/minute",
        "PIPELINES_CLI_LOGIN_STARTS_PER_MINUTE": "100000",
        "PIPELINES_CLI_LOGIN_INTERVAL_SECONDS": "1",
        "PIPELINES_LOG_LEVEL": "warning",
        # The local webhook and LLM servers of the tests listen here; a test of the default
        # policy starts its server with env={"PIPELINES_OUTBOUND_ALLOW": ""}.
        "PIPELINES_OUTBOUND_ALLOW": "127.0.0.1",
        **celery_env(port),
        **(env or {}),
    }
    seeded = None
    if seed:
        seeded = seed_database(database_url)
    log_path = tmp / f"server-{port}.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pipelines_server", "serve"],
            env=full_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
    server = Server(f"http://127.0.0.1:{port}", database_url, tmp, proc, log_path, full_env, seeded)
    if full_env.get("PIPELINES_EXECUTOR") == "celery":
        server.worker = start_celery_worker(full_env, tmp / f"worker-{port}.log")
    deadline = time.monotonic() + 180  # generous: a loaded machine starts slowly
    with httpx.Client(timeout=2) as http:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited early:\n{server.log()}")
            with contextlib.suppress(httpx.HTTPError):
                if http.get(server.base_url + "/api/health").status_code == 200:
                    return server
            # Often enough to notice the server is up soon after it is, a connection refused
            # costs next to nothing.
            time.sleep(0.05)
    server.stop()
    raise RuntimeError(f"server did not start:\n{server.log()}")


def celery_broker() -> str | None:
    return os.environ.get("PIPELINES_TEST_CELERY_BROKER") or None


def celery_env(port: int) -> dict:
    broker = celery_broker()
    if not broker:
        return {}
    return {
        "PIPELINES_EXECUTOR": "celery",
        "PIPELINES_BROKER_URL": broker,
        "PIPELINES_CELERY_QUEUE": f"pipelines-test-{port}-{uuid.uuid4().hex[:6]}",
    }


def start_celery_worker(env: dict, log_path: Path) -> subprocess.Popen:
    """A real Celery worker (`make worker` runs the same command) on this server's queue."""
    log = open(log_path, "wb")  # noqa: SIM115 - the worker writes to it until stopped
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "pipelines_server.worker",
            "worker",
            "--loglevel=warning",
            "--concurrency=2",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
        start_new_session=True,  # its own process group: stopping it stops its pool children
    )


def stop_process_group(proc: subprocess.Popen, timeout: float = 15) -> None:
    """SIGTERM to the process and every process of its group (a Celery worker's pool
    children), SIGKILL to what is left after `timeout`: nothing outlives a test."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # children that outlived their parent
    proc.wait()


def seed_database(database_url: str) -> Seed:
    """Migrate and bootstrap an organization, an admin, a project and a key."""
    from pipelines_server.domain import orgs
    from pipelines_server.store.db import Database, migrate

    migrate(database_url)
    db = Database(database_url)
    try:
        with db.session() as session:
            b = orgs.bootstrap(session)
            return Seed(b.org.id, b.user.id, b.project.id, b.api_key)
    finally:
        db.dispose()


def stop_server(server: Server) -> None:
    server.stop()
    if server.database_url.startswith("postgresql"):
        drop_pg_database(server.database_url)
