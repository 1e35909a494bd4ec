"""The first process of a KFP task's sandbox: `python -I -S sandbox_exec.py UID NPROC MEMORY_MB
ENV_JSON -- COMMAND...`. It drops to UID (when >= 0: the server runs as root, and bwrap kept
only CAP_SETUID/CAP_SETGID for this step), sets RLIMIT_NPROC (processes and threads of that
uid; root would ignore it) and RLIMIT_AS (when MEMORY_MB > 0), then execs COMMAND with the
component's own environment variables (ENV_JSON, or @PATH: a JSON file read before the drop)
added. Those variables are the pipeline
author's (LD_PRELOAD among them, possibly), so they must reach nothing that runs before the
drop: this process itself starts with the server's fixed, minimal environment. Standard
library only, and as little as possible of it: it runs once per task.

Without a sandbox (PIPELINES_SANDBOX=none), `python -I -S sandbox_exec.py guard PARENT_PID --
COMMAND...` is the first process of a task instead (KFP components, code nodes): nothing
kills a plain process when the server or worker that started it dies (SIGKILL, the OOM
killer, a crash), so the guard stands in for bwrap's init and --die-with-parent. It asks the
kernel for SIGTERM when its parent dies (PR_SET_PDEATHSIG) and to receive the orphans of its
descendants (PR_SET_CHILD_SUBREAPER, so a setsid() or double-forked process stays within
reach), runs COMMAND as its child in its own process group, and when its parent dies, when
it is sent SIGTERM, or when COMMAND ends, kills every process left below it; it then exits
as COMMAND did (the same code, or the same signal).
"""

import json
import os
import resource
import signal
import sys
import time

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36


def drop(uid: int, nproc: int, memory_mb: int) -> None:
    if uid >= 0:
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)  # and with it every capability is gone
    if nproc > 0:
        resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (the children of each of its threads, and theirs); also
    what isolation/sandbox.py reads when it kills what a worker process started."""
    found: list[int] = []
    todo = [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{parent}/task/{tid}/children") as f:
                    kids = [int(x) for x in f.read().split()]
            except (OSError, ValueError):
                continue
            found += kids
            todo += kids
    return found


def _kill_below(me: int, seconds: float = 5.0) -> None:
    """SIGKILLs every process below this one and reaps them, until none is left (orphans
    of the killed ones come back to this subreaper and are killed in turn)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        below = descendants(me)
        for pid in below:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                pid = -1
            if pid <= 0:
                break
        if not below and not _has_children():
            return
        time.sleep(0.01)


def _has_children() -> bool:
    try:
        os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        return False
    return True


def guard(parent: int, command: list[str]) -> None:
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    me = os.getpid()

    def stop(*_args) -> None:
        _kill_below(me)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(me, signal.SIGTERM)
        os._exit(128 + signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request took effect
        sys.exit(128 + signal.SIGTERM)
    child = os.fork()
    if child == 0:
        try:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.execvp(command[0], command)
        except OSError as exc:
            sys.stderr.write(f"cannot run {command[0]}: {exc}\n")
        os._exit(127)
    while True:
        pid, status = os.waitpid(-1, 0)  # orphans below are reaped here too
        if pid == child:
            break
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _kill_below(me)
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig != signal.SIGKILL:
            signal.signal(sig, signal.SIG_DFL)
        os.kill(me, sig)
        os._exit(128 + sig)
    os._exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 1)


def main() -> None:
    if sys.argv[1:2] == ["guard"]:
        parent, sep, *command = sys.argv[2:]
        if sep != "--" or not command:
            sys.exit("usage: sandbox_exec.py guard PARENT_PID -- COMMAND...")
        guard(int(parent), command)
        return
    uid, nproc, memory_mb, env_json, sep, *command = sys.argv[1:]
    if sep != "--" or not command:
        sys.exit("usage: sandbox_exec.py UID NPROC MEMORY_MB ENV_JSON -- COMMAND...")
    if env_json.startswith("@"):  # a file (secret values stay off command lines)
        with open(env_json[1:], encoding="utf-8") as f:
            env_json = f.read()
    drop(int(uid), int(nproc), int(memory_mb))
    env = dict(os.environ)
    env.update(json.loads(env_json))
    try:
        os.execvpe(command[0], command, env)
    except OSError as exc:
        sys.stderr.write(f"sandbox: cannot run {command[0]}: {exc}\n")
        sys.exit(127)


if __name__ == "__main__":
    main()
