"""User code that tries to leave its sandbox, run the same way by a code node and by a KFP
component (tests/api/engine/test_sandbox.py, tests/compat/test_kfp_sandbox.py).

Every source here defines `main(data)`; a code node calls it with its data, the KFP component
`run_source` (tests/compat/sandbox_pipelines.py) execs the same source and calls it with None.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

PROBE = """
import json, os, socket

def probe(t):
    out = {}

    def attempt(name, fn):
        try:
            out[name] = "LEAK: " + repr(fn())[:300]
        except Exception as exc:
            out[name] = "denied: " + type(exc).__name__

    pids = sorted(set(t["pids"] + [1]))
    for pid in pids:
        attempt(f"cwd:{pid}", lambda pid=pid: os.readlink(f"/proc/{pid}/cwd"))
        attempt(f"cwd-list:{pid}", lambda pid=pid: os.listdir(f"/proc/{pid}/cwd/"))
        attempt(f"root:{pid}", lambda pid=pid: os.listdir(f"/proc/{pid}/root/"))
        attempt(f"environ:{pid}", lambda pid=pid: open(f"/proc/{pid}/environ", "rb").read())
    for path in t["files"]:
        attempt(f"file:{path}", lambda path=path: open(path, "rb").read(16))
    for port in t["ports"]:
        def connect(port=port):
            with socket.create_connection(("127.0.0.1", port), timeout=3):
                return "connected"
        attempt(f"tcp:{port}", connect)
    out["environment"] = dict(os.environ)
    return out

def main(data):
    return probe(json.loads(TARGETS))
"""


def probe_source(targets: dict) -> str:
    return PROBE + f"\nTARGETS = {json.dumps(targets)!r}\n"


def targets(server, extra_pids: list[int] = ()) -> dict:
    """What the probe must not reach on this server: its process, its database file, its
    secret key, its data directory, PostgreSQL and its own port."""
    files = [
        str(server.data_dir / "secret_key"),
        str(server.log_path),
        str(Path(__file__).resolve().parents[2] / "pyproject.toml"),  # the repository
    ]
    if server.database_url.startswith("sqlite:///"):
        files.append(server.database_url.removeprefix("sqlite:///"))
    assert all(Path(f).exists() for f in files), files  # the test means something
    port = int(server.base_url.rsplit(":", 1)[1])
    ports = [port]
    if _reachable(5432):
        ports.append(5432)
    return {
        "pids": [server.process.pid, *extra_pids],
        "files": files,
        "data_dir": str(server.data_dir),
        "ports": ports,
    }


def _reachable(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            return True
    except OSError:
        return False


def assert_contained(result: dict, targets: dict, marker: str) -> None:
    attempts = {k: v for k, v in result.items() if k != "environment"}
    leaks = {k: v for k, v in attempts.items() if not v.startswith("denied")}
    assert not leaks, leaks
    # Every target was tried (not skipped by a probe that failed early).
    for f in targets["files"]:
        assert f"file:{f}" in attempts
    for p in targets["ports"]:
        assert f"tcp:{p}" in attempts
    env = json.dumps(result["environment"])
    assert marker not in env
    assert "PIPELINES_" not in env  # no setting (database URL, secret key) either


SETSID = """
import subprocess, sys, time

def main(data):
    # A child in a session of its own, that would outlive a process-group kill. It says so
    # once it runs, and the parent writes that to the log before it waits for its end: the
    # log then proves the child was alive when the node's time limit came, on any machine.
    child = subprocess.Popen(
        [sys.executable, "-c",
         "import os, sys, time; os.setsid(); print('ready', flush=True); time.sleep(600)",
         MARKER],
        start_new_session=True, stdout=subprocess.PIPE,
    )
    child.stdout.readline()
    print(STARTED, flush=True)
    time.sleep(600)
"""

STARTED = "SETSID-CHILD-STARTED"


def setsid_source(marker: str) -> str:
    return SETSID + f"\nMARKER = {marker!r}\nSTARTED = {STARTED!r}\n"


FORK_BOMB = """
import os, time

def main(data):
    forked = 0
    try:
        while forked < 100000:
            if os.fork() == 0:
                time.sleep(600)
                os._exit(0)
            forked += 1
    except OSError as exc:
        return {"forked": forked, "error": f"{type(exc).__name__}: {exc}"}
    return {"forked": forked, "error": None}
"""


def processes_with(marker: str) -> list[int]:
    """Host processes whose command line holds `marker` (zombies have none)."""
    found = []
    needle = marker.encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                if needle in f.read():
                    found.append(int(entry))
        except OSError:
            continue
    return found
