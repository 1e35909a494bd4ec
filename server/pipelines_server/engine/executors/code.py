"""code nodes: the author's `def main(data)` run in a Python subprocess with a time limit and
a memory limit.

The subprocess is a separate process group in a fresh temporary directory with a minimal
environment (PATH, LANG), so a timeout kills everything the code started and nothing of the
server's environment (database URL, secret key) is inherited. It is NOT a security boundary:
the code runs as the server's user. The result travels on its own pipe so that stdout and
stderr stay the node's log; all three pipes are drained while the code runs, and only the
first 64 KiB of each log stream is kept, so a chatty or hostile program cannot fill the
worker's memory.
"""

from __future__ import annotations

import json
import os
import select
import signal
import site
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from .base import NodeContext, NodeFailed, NodeResult

RUNNER = str(Path(__file__).with_name("code_runner.py"))
DEFAULT_TIMEOUT_SECONDS = 10.0
DEFAULT_MEMORY_MB = 256  # RLIMIT_AS of the whole process; the interpreter alone uses ~15 MB
LOG_CAP = 64 * 1024  # bytes kept of stdout, and of stderr
RESULT_CAP = 16 * 1024 * 1024  # bytes of the JSON of main()'s return value
_DRAIN_GRACE = 2.0  # seconds to wait for the pipes to close once the process is gone

# -I: no PYTHON* variables, no user site, no script directory on sys.path. -S: no site
# processing (.pth files cost ~20 ms per run); the site-packages directories are passed to
# the runner instead, so the code can still import what is installed.
_SITE_PACKAGES = [p for p in site.getsitepackages() if os.path.isdir(p)]


def execute(config: dict, ctx: NodeContext) -> NodeResult:
    timeout = float(config.get("timeout_seconds") or DEFAULT_TIMEOUT_SECONDS)
    memory_mb = int(config.get("memory_mb") or DEFAULT_MEMORY_MB)
    data = {
        "input": ctx.input,
        "task": ctx.task_fields,
        "nodes": ctx.outputs,
        "item": ctx.item,
        "index": ctx.index,
    }
    job = json.dumps(
        {
            "source": config["source"],
            "data": data,
            "memory_mb": memory_mb,
            "paths": _SITE_PACKAGES,
        }
    ).encode()
    with tempfile.TemporaryDirectory(prefix="pipelines-code-", ignore_cleanup_errors=True) as cwd:
        run = _Run(job, cwd, timeout)
        run.start()
        timed_out = not run.wait()
    log = _join_log(run.stdout, run.stderr)
    if timed_out:
        raise NodeFailed(f"timed out after {timeout:g} s", log=log)
    return _outcome(run, memory_mb, log)


def _outcome(run: _Run, memory_mb: int, log: str) -> NodeResult:
    raw = run.result.data
    if run.result.dropped:
        raise NodeFailed(f"the result of main() is larger than {RESULT_CAP} bytes", log=log)
    if not raw:
        code = run.returncode
        if code is not None and code < 0:
            name = _signal_name(-code)
            raise NodeFailed(
                f"the code was killed by {name} (memory limit {memory_mb} MB exceeded?)", log=log
            )
        raise NodeFailed(f"the code exited with status {code} before main() returned", log=log)
    try:
        result: dict[str, Any] = json.loads(raw)
    except ValueError:
        raise NodeFailed("the code wrote an unreadable result", log=log) from None
    if result.get("ok"):
        return NodeResult(output=result.get("value"), log=log)
    if result.get("kind") == "memory":
        raise NodeFailed(
            f"MemoryError: the code exceeded its memory limit of {memory_mb} MB", log=log
        )
    raise NodeFailed(str(result.get("error") or "the code failed"), log=log)


class _Capped:
    """Drains one pipe in a thread, keeping the first `cap` bytes and counting the rest."""

    def __init__(self, fd: int, cap: int):
        self.fd = fd
        self.cap = cap
        self.chunks: list[bytes] = []
        self.kept = 0
        self.dropped = 0
        self.thread = threading.Thread(target=self._drain, daemon=True)

    def _drain(self) -> None:
        try:
            while chunk := os.read(self.fd, 65536):
                room = self.cap - self.kept
                if room > 0:
                    self.chunks.append(chunk[:room])
                    self.kept += min(room, len(chunk))
                self.dropped += max(0, len(chunk) - max(room, 0))
        except OSError:
            pass
        finally:
            os.close(self.fd)

    @property
    def data(self) -> bytes:
        return b"".join(self.chunks)

    def text(self, label: str) -> str:
        text = self.data.decode("utf-8", errors="replace")
        if self.dropped:
            text += f"\n[... {self.dropped} more bytes of {label} truncated]\n"
        return text


class _Run:
    """One subprocess, its pipes, and the wait for it."""

    def __init__(self, job: bytes, cwd: str, timeout: float):
        self.job = job
        self.cwd = cwd
        self.timeout = timeout
        self.returncode: int | None = None

    def start(self) -> None:
        pipes = [os.pipe() for _ in range(3)]  # stdout, stderr, result: (read end, write end)
        (out_r, out_w), (err_r, err_w), (res_r, res_w) = pipes
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-I", "-S", RUNNER, str(res_w)],
                stdin=subprocess.PIPE,
                stdout=out_w,
                stderr=err_w,
                pass_fds=(res_w,),
                cwd=self.cwd,
                env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"},
                start_new_session=True,  # its own process group: a timeout kills all of it
            )
        except BaseException:
            for fd in (out_r, out_w, err_r, err_w, res_r, res_w):
                os.close(fd)
            raise
        for fd in (out_w, err_w, res_w):  # the child's ends: EOF comes when it is gone
            os.close(fd)
        # The readers own the read ends from here on and close them at EOF.
        self.stdout = _Capped(out_r, LOG_CAP)
        self.stderr = _Capped(err_r, LOG_CAP)
        self.result = _Capped(res_r, RESULT_CAP)
        for reader in (self.stdout, self.stderr, self.result):
            reader.thread.start()
        self.writer = threading.Thread(target=self._feed, daemon=True)
        self.writer.start()

    def _feed(self) -> None:
        stdin = self.proc.stdin
        assert stdin is not None
        try:
            stdin.write(self.job)
            stdin.close()
        except OSError:  # the code died before reading its input
            pass

    def wait(self) -> bool:
        """Waits for the process; False when it ran out of time. Either way, whatever is
        left of its process group is killed before the process is reaped (so the group id
        cannot have been reused by then)."""
        exited = _wait_exit(self.proc.pid, self.timeout)
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.returncode = self.proc.wait()
        deadline = time.monotonic() + _DRAIN_GRACE
        for thread in (self.writer, self.stdout.thread, self.stderr.thread, self.result.thread):
            thread.join(max(0.0, deadline - time.monotonic()))
        return exited


def _wait_exit(pid: int, timeout: float) -> bool:
    """Waits until `pid` exits without reaping it; False on timeout."""
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):  # not Linux >= 5.3: poll without reaping
        return _poll_exit(pid, timeout)
    try:
        ready, _, _ = select.select([pidfd], [], [], timeout)
        return bool(ready)
    finally:
        os.close(pidfd)


def _poll_exit(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    delay = 0.001
    while True:
        info = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        if info is not None:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
        delay = min(delay * 2, 0.05)


def _join_log(stdout: _Capped, stderr: _Capped) -> str:
    out, err = stdout.text("stdout"), stderr.text("stderr")
    if out and err and not out.endswith("\n"):
        out += "\n"
    return out + err


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
