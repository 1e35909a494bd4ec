"""The guard that runs user code without a sandbox (sandbox_exec.py guard): what it runs dies
with the process that started it (a setsid() grandchild included), and it exits as its
command did."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from pipelines_server.isolation import sandbox as sandboxes

BOX = sandboxes.Sandbox(mode="none")

# A parent that starts a guarded shell (a background sleep, a setsid() one, and one in the
# foreground), prints the shell's pids and waits: killing it must kill all of them.
PARENT = """
import subprocess, sys, threading
from pipelines_server.isolation import sandbox as s
argv = s.Sandbox(mode="none").guard(["/bin/sh", "-c", sys.argv[1]])
p = subprocess.Popen(argv, start_new_session=True, stdout=sys.stdout)
p.wait()
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("how", ["pid", "group"])
def test_what_the_guard_runs_dies_with_its_parent(how):
    script = "sleep 300 & echo $!; setsid sleep 301 & echo $!; echo $$; exec sleep 302"
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, script],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    pids = [int(parent.stdout.readline()) for _ in range(3)]
    assert all(_alive(p) for p in pids)
    if how == "group":
        os.killpg(parent.pid, signal.SIGKILL)
    else:
        os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 30
    while any(_alive(p) for p in pids):
        assert time.monotonic() < deadline, [p for p in pids if _alive(p)]
        time.sleep(0.05)


@pytest.mark.parametrize(
    ("script", "code"),
    [("exit 3", 3), ("true", 0), ("kill -9 $$", -9), ("kill -15 $$", -15)],
)
def test_the_guard_exits_as_its_command_did(script, code):
    argv = BOX.guard(["/bin/sh", "-c", script])
    assert subprocess.run(argv, start_new_session=True, timeout=60).returncode == code


def test_what_the_command_left_running_is_killed_when_it_ends(tmp_path):
    pid_file = tmp_path / "pid"
    argv = BOX.guard(["/bin/sh", "-c", f"setsid sleep 303 & echo $! > {pid_file}"])
    assert subprocess.run(argv, start_new_session=True, timeout=60).returncode == 0
    pid = int(pid_file.read_text())
    deadline = time.monotonic() + 30
    while _alive(pid):
        assert time.monotonic() < deadline
        time.sleep(0.05)


def test_kill_stops_the_guard_and_everything_below_it(tmp_path):
    pid_file = tmp_path / "pid"
    argv = BOX.guard(["/bin/sh", "-c", f"setsid sleep 304 & echo $! > {pid_file}; sleep 305"])
    proc = subprocess.Popen(argv, start_new_session=True)
    deadline = time.monotonic() + 30
    while not pid_file.exists() or not pid_file.read_text().strip():
        assert time.monotonic() < deadline
        time.sleep(0.05)
    BOX.kill(proc)
    assert proc.wait(timeout=30) == -signal.SIGTERM
    assert not _alive(int(pid_file.read_text()))
