"""Several real server processes and Celery workers on one PostgreSQL database and one Redis
broker, as an operator runs them: each started with the documented commands
(`pipelines-server serve`, `pipelines-server worker --name --concurrency`), each in its own
process group so that a test can SIGTERM or SIGKILL it (and its pool children) like systemd
or the kernel would."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.server import (
    ROOT,
    Seed,
    create_pg_database,
    drop_pg_database,
    free_port,
    seed_database,
)


@dataclass
class Proc:
    name: str
    argv: list[str]
    env: dict
    log_path: Path
    process: subprocess.Popen | None = None

    def start(self) -> Proc:
        log = open(self.log_path, "ab")  # noqa: SIM115 - the process writes to it until it ends
        self.process = subprocess.Popen(
            self.argv,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            start_new_session=True,  # its own process group (a Celery worker's pool children)
        )
        log.close()
        return self

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def signal_group(self, sig: int) -> None:
        """`sig` to the process and every process of its group, as systemd's default
        KillMode=control-group does on stop (SIGTERM) or the OOM killer might (SIGKILL)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, sig)

    def wait(self, timeout: float) -> int | None:
        assert self.process is not None
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self, timeout: float = 30) -> None:
        if self.process is None:
            return
        if self.alive():
            self.signal_group(signal.SIGTERM)
            self.wait(timeout)
        self.signal_group(signal.SIGKILL)  # whatever outlived it
        with contextlib.suppress(Exception):
            self.process.wait(timeout=10)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


@dataclass
class Cluster:
    tmp: Path
    servers: int = 2
    workers: int = 2
    concurrency: int = 2
    env: dict = field(default_factory=dict)
    server_procs: list[Proc] = field(default_factory=list)
    worker_procs: list[Proc] = field(default_factory=list)
    seed: Seed | None = None
    database_url: str = ""
    base_env: dict = field(default_factory=dict)
    ports: list[int] = field(default_factory=list)

    def start(self) -> None:
        self.tmp.mkdir(parents=True, exist_ok=True)
        self.database_url = create_pg_database(os.environ["PIPELINES_TEST_DATABASE_URL"])
        self.seed = seed_database(self.database_url)
        queue = f"pipelines-scaleout-{uuid.uuid4().hex[:8]}"
        self.base_env = {
            **os.environ,
            "PIPELINES_DATA_DIR": str(self.tmp / "data"),
            "PIPELINES_DATABASE_URL": self.database_url,
            "PIPELINES_EXECUTOR": "celery",
            "PIPELINES_BROKER_URL": os.environ["PIPELINES_TEST_SCALEOUT_BROKER"],
            "PIPELINES_CELERY_QUEUE": queue,
            "PIPELINES_BOOTSTRAP": "0",
            "PIPELINES_VALIDATE_RESPONSES": "1",
            "PIPELINES_RATE_LIMIT_PER_KEY": "100000/minute",
            "PIPELINES_RATE_LIMIT_PER_IP": "100000/minute",
            "PIPELINES_RATE_LIMIT_FAILED_AUTH": "100000/minute",
            "PIPELINES_LOG_LEVEL": "info",
            "PIPELINES_OUTBOUND_ALLOW": "127.0.0.1",
            "PIPELINES_SECRET_KEY": uuid.uuid4().hex,
            **self.env,
        }
        for i in range(self.servers):
            self.start_server(i)
        for i in range(self.workers):
            self.start_worker(i)
        for i in range(self.servers):
            self.wait_healthy(i)

    # ---- processes ------------------------------------------------------------------------

    def start_server(self, i: int, env: dict | None = None) -> Proc:
        port = self.ports[i] if i < len(self.ports) else free_port()
        if i >= len(self.ports):
            self.ports.append(port)
        proc = Proc(
            f"server{i}",
            [sys.executable, "-m", "pipelines_server", "serve", "--port", str(port)],
            {**self.base_env, **(env or {})},
            self.tmp / f"server{i}.log",
        ).start()
        if i < len(self.server_procs):
            self.server_procs[i] = proc
        else:
            self.server_procs.append(proc)
        return proc

    def start_worker(self, i: int, env: dict | None = None) -> Proc:
        proc = Proc(
            f"worker{i}",
            [
                sys.executable,
                "-m",
                "pipelines_server",
                "worker",
                "--name",
                f"w{i}-{uuid.uuid4().hex[:6]}@%h",
                "--concurrency",
                str(self.concurrency),
            ],
            {**self.base_env, **(env or {})},
            self.tmp / f"worker{i}.log",
        ).start()
        if i < len(self.worker_procs):
            self.worker_procs[i] = proc
        else:
            self.worker_procs.append(proc)
        return proc

    def url(self, i: int = 0) -> str:
        return f"http://127.0.0.1:{self.ports[i]}"

    def client(self, i: int = 0, timeout: float = 30) -> httpx.Client:
        assert self.seed is not None
        return httpx.Client(
            base_url=self.url(i),
            headers={"Authorization": f"Bearer {self.seed.api_key}"},
            timeout=timeout,
        )

    def wait_healthy(self, i: int, timeout: float = 60) -> None:
        proc = self.server_procs[i]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not proc.alive():
                raise RuntimeError(f"server {i} exited early:\n{proc.log()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.url(i) + "/api/health", timeout=2).status_code == 200:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"server {i} did not start:\n{proc.log()}")

    def logs(self) -> str:
        return "\n".join(
            f"==== {p.name} ====\n{p.log()[-20000:]}" for p in self.server_procs + self.worker_procs
        )

    def close(self) -> None:
        for p in self.worker_procs + self.server_procs:
            p.stop()
        if self.database_url:
            drop_pg_database(self.database_url)


class TcpProxy:
    """A TCP forwarder to `target` (host, port) that a test can cut (`down()`: every
    connection dropped, new ones refused) and restore (`up()`): a dependency that goes away
    and comes back, on the same address."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = free_port()
        self._listener: socket.socket | None = None
        self._conns: set[socket.socket] = set()
        self._lock = threading.Lock()
        self.up()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def up(self) -> None:
        if self._listener is not None:
            return
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(128)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def down(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self._lock:
            conns, self._conns = self._conns, set()
        for c in conns:
            with contextlib.suppress(OSError):
                c.shutdown(socket.SHUT_RDWR)
            c.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._conns.update((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
