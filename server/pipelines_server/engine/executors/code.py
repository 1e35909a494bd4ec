"""code nodes: the author's `def main(data)` run in a Python subprocess with a time limit, a
memory limit and (sandboxed) a process limit.

The subprocess runs in the sandbox (isolation/sandbox.py, README "Security model: the sandbox"):
its own PID, IPC and network namespaces, a read-only view of only the interpreter and the
installed packages, a private /tmp as its working directory, an empty environment but PATH
and LANG, and, when the server runs as root, an unprivileged uid of its own. That is the
security boundary between organizations: the code cannot see the server's files (database,
secret key), environment, processes or sockets, and a time limit kills every process it
started (setsid() ones too: they die with the sandbox's PID namespace). With
PIPELINES_SANDBOX=none (or `auto` without a working bwrap) it runs as before the sandbox:
a separate process group in a fresh temporary directory with a minimal environment, as the
server's user, which is NOT a security boundary; such a server refuses user code while it
hosts more than one organization, unless PIPELINES_SANDBOX_ALLOW_SHARED_UNSANDBOXED=1.

The result travels on its own pipe so that stdout and stderr stay the node's log; all three
pipes are drained while the code runs, and only the first 64 KiB of each log stream is kept,
so a chatty or hostile program cannot fill the worker's memory.
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

from ...isolation import sandbox as sandboxes
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
    box = sandboxes.current()
    refused = box.refusal()
    if refused:
        raise NodeFailed(refused)
    job = {
        "source": config["source"],
        "data": data,
        "memory_mb": memory_mb,
        "paths": _SITE_PACKAGES,
    }
    if box.active:
        job["sandbox"] = {"uid": box.new_uid(), "nproc": box.max_processes}
        run = _Run(json.dumps(job).encode(), "/tmp", timeout, box)
        run.start()
        timed_out = not run.wait()
    else:
        with tempfile.TemporaryDirectory(
            prefix="pipelines-code-", ignore_cleanup_errors=True
        ) as cwd:
            run = _Run(json.dumps(job).encode(), cwd, timeout, box)
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
        if run.box.active and code is not None and code > 128:
            code = 128 - code  # bwrap's init exits 128 + N when the code died of signal N
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

    def __init__(self, job: bytes, cwd: str, timeout: float, box: sandboxes.Sandbox):
        self.job = job
        self.cwd = cwd
        self.timeout = timeout
        self.box = box
        self.returncode: int | None = None

    def start(self) -> None:
        pipes = [os.pipe() for _ in range(3)]  # stdout, stderr, result: (read end, write end)
        (out_r, out_w), (err_r, err_w), (res_r, res_w) = pipes
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
        argv = [sys.executable, "-I", "-S", RUNNER, str(res_w)]
        cwd = self.cwd
        if self.box.active:
            env["PATH"] = os.path.dirname(sys.executable) + ":/usr/local/bin:/usr/bin:/bin"
            env["HOME"] = env["TMPDIR"] = "/tmp"
            argv = self.box.wrap(argv, env=env, cwd="/tmp", ro=[RUNNER])
            env, cwd = {}, None
        else:  # no sandbox: a guard kills the code if this process dies
            argv = self.box.guard(argv)
        try:
            self.proc = subprocess.Popen(  # noqa: S603 - our runner, in the sandbox
                argv,
                stdin=subprocess.PIPE,
                stdout=out_w,
                stderr=err_w,
                pass_fds=(res_w,),
                cwd=cwd,
                env=env,
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
        left of it (its sandbox, or its process group) is killed before the process is
        reaped (so the group id cannot have been reused by then)."""
        exited = _wait_exit(self.proc.pid, self.timeout)
        self.box.kill(self.proc)
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
