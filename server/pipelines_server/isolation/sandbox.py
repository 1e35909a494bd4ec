"""The sandbox user code runs in: code nodes and KFP components, under bubblewrap (`bwrap`).

What one sandbox is (see README, "Security model: the sandbox"):

- its own PID, IPC, UTS, cgroup and (unless PIPELINES_SANDBOX_NETWORK=1) network
  namespaces, so it sees only its own processes (/proc is its own: /proc/<server>/cwd does
  not exist there), reaches no socket of the host (not PostgreSQL, not the server's port),
  and when its first process (bwrap's init) dies the kernel kills every process in it, the
  ones that called setsid() included;
- a read-only root that holds only what an interpreter needs: /usr and the /lib* and /bin
  links, a few files of /etc, the interpreter's prefix (sys.base_prefix) and the venv's
  bin/ and lib/ (not the repository around it, not the data directory); a private /tmp
  (tmpfs, size-capped); for a KFP task its own folder writable and its input artifacts
  read-only. Nothing is copied: every piece is a bind mount, so a sandbox costs a few ms;
- an empty environment plus what the caller passes (PATH, LANG, HOME, ...);
- when the server runs as root: no capabilities, and the code runs as an unprivileged uid
  of its own (a random uid in a high range, picked per sandbox), so that RLIMIT_NPROC, which
  root ignores, caps the sandbox's processes and threads. The drop happens inside the
  sandbox, in our own first Python code (code_runner.py, or sandbox_exec.py for KFP), which
  is why bwrap keeps CAP_SETUID/CAP_SETGID for that one step; bwrap sets no_new_privs, so a
  setuid binary cannot win them back. As a non-root user, bwrap makes a user namespace of
  its own, the code keeps the server's uid mapped inside it, and RLIMIT_NPROC counts the
  processes of that namespace.

PIPELINES_SANDBOX chooses: `bwrap` (required: the server refuses to start if bwrap does not
work), `none` (no sandbox), `auto` (default: bwrap if a probe `bwrap ... true` works at
start-up, else none with a loud warning). Without a sandbox, user code is refused while the
database holds more than one organization, unless PIPELINES_SANDBOX_ALLOW_SHARED_UNSANDBOXED=1
(`refusal()`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import random
import select
import signal
import subprocess
import sys
import sysconfig
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .sandbox_exec import descendants

log = logging.getLogger(__name__)

MODES = ("auto", "bwrap", "none")
SANDBOX_EXEC = str(Path(__file__).with_name("sandbox_exec.py"))
UID_LOW, UID_HIGH = 1_100_000_000, 1_200_000_000  # per-sandbox uids (root servers only)
NETWORK_NOTE = (
    "network is disabled in the sandbox (PIPELINES_SANDBOX_NETWORK=0): a package that is "
    "not installed on the server cannot be downloaded"
)
_ETC_ALWAYS = (
    "/etc/ld.so.cache",
    "/etc/ld.so.conf",
    "/etc/ld.so.conf.d",
    "/etc/localtime",
    "/etc/ssl",
    "/etc/ca-certificates",
    "/etc/pki",
    "/etc/mime.types",
)
_ETC_NETWORK = (
    "/etc/resolv.conf",
    "/etc/hosts",
    "/etc/nsswitch.conf",
    "/etc/gai.conf",
    "/etc/host.conf",
    "/etc/services",
    "/etc/protocols",
    "/etc/pip.conf",
)
_KILL_WAIT = 5.0  # seconds to wait for a killed sandbox's processes to be gone


class SandboxUnavailable(RuntimeError):
    """PIPELINES_SANDBOX=bwrap, but bwrap does not work here."""


@dataclass
class Sandbox:
    mode: str = "auto"  # what was asked for
    bwrap: str = "/usr/bin/bwrap"
    network: bool = False
    allow_shared: bool = False
    max_processes: int = 256
    tmp_mb: int = 1024
    active: bool = False  # bwrap is used
    reason: str = ""  # why not, when not
    count_orgs: Callable[[], int] | None = None
    _root: bool = field(default_factory=lambda: os.geteuid() == 0)
    _base: list[str] = field(default_factory=list)
    _system: list[str] = field(default_factory=list)  # what the sandbox's own binds hold

    # -- set-up --

    def probe(self) -> None:
        """Resolves `active`: runs `bwrap <the usual options> true` once."""
        if self.mode not in MODES:
            raise ValueError(
                f"PIPELINES_SANDBOX must be one of {', '.join(MODES)}, not {self.mode!r}"
            )
        if self.mode == "none":
            self.active, self.reason = False, "PIPELINES_SANDBOX=none"
            return
        self._base = self._base_args()
        why = self._try()
        if why is None:
            self.active, self.reason = True, ""
            return
        self.active, self.reason = False, why
        if self.mode == "bwrap":
            raise SandboxUnavailable(
                f"PIPELINES_SANDBOX=bwrap, but the sandbox does not work: {why}. Install "
                "bubblewrap (or set PIPELINES_SANDBOX_BWRAP to its path), or set "
                "PIPELINES_SANDBOX=auto|none to run user code without a sandbox."
            )

    def _try(self) -> str | None:
        if not os.path.exists(self.bwrap):
            return f"{self.bwrap} does not exist (PIPELINES_SANDBOX_BWRAP)"
        true = "/usr/bin/true" if os.path.exists("/usr/bin/true") else "/bin/true"
        try:
            done = subprocess.run(  # noqa: S603 - our own probe
                self.wrap([true], env={}),
                capture_output=True,
                timeout=20,
                stdin=subprocess.DEVNULL,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"{self.bwrap} could not run: {exc}"
        if done.returncode != 0:
            err = done.stderr.decode(errors="replace").strip()[:500]
            return f"{self.bwrap} failed (exit {done.returncode}): {err}"
        return None

    def warn_if_unsandboxed(self) -> None:
        if self.active:
            return
        shared = (
            "User code of several organizations is ALLOWED to run side by side "
            "(PIPELINES_SANDBOX_ALLOW_SHARED_UNSANDBOXED=1): any organization can read "
            "every other's data."
            if self.allow_shared
            else "While the database holds more than one organization, code nodes and KFP "
            "runs are REFUSED (PIPELINES_SANDBOX_ALLOW_SHARED_UNSANDBOXED=1 overrides)."
        )
        log.warning(
            "\n"
            "************************************************************************\n"
            "* USER CODE RUNS WITHOUT A SANDBOX (%s).\n"
            "* Code nodes and KFP components run as this server's user, with its\n"
            "* files, network and processes in reach: they can read the database\n"
            "* file and the secret key (and so decrypt every organization's\n"
            "* credentials), connect to the database and to this server, and leave\n"
            "* processes behind. Install bubblewrap (bwrap) to sandbox them.\n"
            "* %s\n"
            "************************************************************************",
            self.reason,
            shared,
        )

    # -- policy --

    def refusal(self) -> str | None:
        """Why user code must not run now (None when it may): no sandbox, no override, and
        more than one organization in the database."""
        if self.active or self.allow_shared or self.count_orgs is None:
            return None
        try:
            count = self.count_orgs()
        except Exception:  # noqa: BLE001 - if we cannot tell, refuse
            log.exception("counting organizations failed")
            count = 2
        if count <= 1:
            return None
        return (
            f"User code is refused: this server runs it without a sandbox ({self.reason}) "
            "and hosts more than one organization, so one organization's code could read "
            "another's data and credentials. Install bubblewrap, or set "
            "PIPELINES_SANDBOX_ALLOW_SHARED_UNSANDBOXED=1 if every organization may see "
            "every other's."
        )

    # -- the command --

    def _base_args(self) -> list[str]:
        args = [
            self.bwrap,
            "--unshare-pid",
            "--unshare-ipc",
            "--unshare-uts",
            "--unshare-cgroup-try",
            "--die-with-parent",
            "--new-session",
            "--clearenv",
            "--hostname",
            "sandbox",
        ]
        if not self.network:
            args.append("--unshare-net")
        if self._root:
            # As root bwrap keeps every capability unless told otherwise: keep only the two
            # our first code needs to drop to the sandbox's own uid (with no user-controlled
            # input, environment or library reaching that step), and none after it.
            args += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
        else:
            args.append("--unshare-user")
        ro: list[str] = []
        links: list[tuple[str, str]] = []
        for top in ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
            if os.path.islink(top):
                links.append((os.readlink(top), top))
            elif os.path.isdir(top):
                ro.append(top)
        etc = _ETC_ALWAYS + (_ETC_NETWORK if self.network else ())
        ro += [p for p in etc if os.path.exists(p)]
        ro += _python_paths()
        ro.append(SANDBOX_EXEC)
        ro = _outermost(ro)
        self._system = [*ro, *(link for _, link in links), "/proc", "/dev", "/tmp"]
        args += _dirs_for(ro)
        for path in ro:
            args += ["--ro-bind", path, path]
        for target, link in links:
            args += ["--symlink", target, link]
        args += ["--proc", "/proc", "--dev", "/dev"]
        args += ["--perms", "1777", "--size", str(self.tmp_mb * 1024 * 1024), "--tmpfs", "/tmp"]
        return args

    def wrap(
        self,
        argv: list[str],
        *,
        env: dict[str, str],
        cwd: str = "/tmp",
        ro: Iterable[str] = (),
        rw: Iterable[str] = (),
        mounts: Iterable[tuple[str, str, bool]] = (),
    ) -> list[str]:
        """The bwrap command line that runs `argv` in a sandbox. `ro` and `rw` are host paths
        seen at the same place; `mounts` are (host path, path in the sandbox, writable?)
        binds at another place (KFP volumes, secrets, the workspace)."""
        if not self._base:
            self._base = self._base_args()
        args = list(self._base)
        ro = [p for p in ro if os.path.exists(p)]
        rw = list(rw)
        mounts = list(mounts)
        args += _dirs_for([*ro, *rw, *(target for _, target, _ in mounts)])
        for path in rw:
            args += ["--bind", path, path]
        for path in ro:
            args += ["--ro-bind", path, path]
        for source, target, writable in mounts:
            args += ["--bind" if writable else "--ro-bind", source, target]
        args += ["--remount-ro", "/"]
        for key, value in env.items():
            args += ["--setenv", key, value]
        args += ["--chdir", cwd, "--", *argv]
        return args

    def mount_conflict(self, target: str, own: Iterable[str] = ()) -> str | None:
        """Why a caller's mount at `target` must not be made (None: it may): it would cover,
        or lie inside, what the sandbox binds itself (the interpreter, the libraries, the
        first process's code, /proc, /dev, /tmp) or the caller's `own` paths (a task's folder
        and inputs). Covering those would let the mounted files run before the uid drop or
        hide the task's own folder."""
        if not self._base:
            self._base = self._base_args()
        target = os.path.normpath(target)
        for path in [*self._system, *own]:
            path = os.path.normpath(path)
            if target == path or _inside(target, path) or _inside(path, target):
                return f"{target} would cover {path}, which the sandbox needs"
        return None

    def new_uid(self) -> int | None:
        """The uid a sandbox drops to (root servers only; None: keep the uid)."""
        if not (self.active and self._root):
            return None
        return random.randrange(UID_LOW, UID_HIGH)

    def shared_uid(self, key: int) -> int | None:
        """The uid sandboxes that share storage (an organization's KFP volumes and run
        workspaces: `key` is the organization's id) drop to, so that what one writes the
        next can change (root servers only; None: keep the uid). Above the per-sandbox
        range, so never one of those."""
        if not (self.active and self._root):
            return None
        return UID_HIGH + key

    def exec_prefix(
        self, uid: int | None, memory_mb: int = 0, env: dict[str, str] | str | None = None
    ) -> list[str]:
        """What runs before an arbitrary command in a sandbox (KFP tasks): drops to `uid`,
        sets the process and memory limits, then execs the command with `env` (the
        component's own variables, which must not reach the pre-drop step) added. `env`
        may instead be "@<path>": a JSON file (in the sandbox) read before the drop, for
        values that must not be on a command line (secrets)."""
        return [
            _interpreter(),
            "-I",
            "-S",
            SANDBOX_EXEC,
            str(uid if uid is not None else -1),
            str(self.max_processes),
            str(memory_mb),
            env if isinstance(env, str) else json.dumps(env or {}),
            "--",
        ]

    def guard(self, argv: list[str]) -> list[str]:
        """The command line that runs `argv` without a sandbox but still dies with this
        process (sandbox_exec.py's guard: PR_SET_PDEATHSIG, a subreaper that kills what is
        left below it). Start it with start_new_session=True, from a thread that outlives
        the process (the kernel's parent-death signal follows the thread that forked), and
        stop it with kill()."""
        return [_interpreter(), "-I", "-S", SANDBOX_EXEC, "guard", str(os.getpid()), "--", *argv]

    # -- the end --

    def kill(self, proc: subprocess.Popen) -> None:
        """Kills everything `proc` started (a bwrap, or without a sandbox a process group),
        and waits (a few seconds at most) until the sandbox's processes are gone: killing
        the sandbox's init makes the kernel kill every process of its PID namespace, and its
        exit is only reported once they are all gone. A guard (`guard()`) is asked first
        (SIGTERM): it kills every process below it, those that left its process group
        included, then exits."""
        if _guarded(proc) and proc.returncode is None:
            with contextlib.suppress(OSError):
                fd = os.pidfd_open(proc.pid)
                try:
                    signal.pidfd_send_signal(fd, signal.SIGTERM)
                    select.select([fd], [], [], _KILL_WAIT)
                finally:
                    os.close(fd)
        inits = _children(proc.pid) if self.active else []
        fds = []
        for pid in inits:
            with contextlib.suppress(OSError):
                fds.append(os.pidfd_open(pid))
        for fd in fds:
            with contextlib.suppress(OSError):
                signal.pidfd_send_signal(fd, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        deadline = time.monotonic() + _KILL_WAIT
        try:
            for fd in fds:
                select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        finally:
            for fd in fds:
                os.close(fd)


def _guarded(proc: subprocess.Popen) -> bool:
    args = proc.args
    return isinstance(args, list) and args[3:5] == [SANDBOX_EXEC, "guard"]


def kill_descendants(pid: int) -> None:
    """SIGKILLs every process below `pid` (a Celery pool child's: the user processes of the
    node it runs, when the node is handed back or its lease is lost)."""
    for child in descendants(pid):
        with contextlib.suppress(OSError):
            os.kill(child, signal.SIGKILL)


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except (OSError, ValueError):
        return []


def _interpreter() -> str:
    """The real interpreter binary (a venv's bin/python is a symlink to it)."""
    return os.path.realpath(sys.executable)


def _python_paths() -> list[str]:
    """What the interpreter and the installed packages need: the base prefix, and a venv's
    pyvenv.cfg, bin/ and lib*/ (not the directory around the venv)."""
    paths = {os.path.realpath(sys.base_prefix), os.path.dirname(_interpreter())}
    if sys.prefix != sys.base_prefix:
        for name in ("pyvenv.cfg", "bin", "lib", "lib64"):
            p = os.path.join(sys.prefix, name)
            if os.path.exists(p):
                paths.add(p if not os.path.islink(p) else os.path.realpath(p))
    for key in ("purelib", "platlib", "stdlib", "platstdlib"):
        p = sysconfig.get_paths().get(key)
        if p and os.path.isdir(p):
            paths.add(os.path.realpath(p))
    return sorted(p for p in paths if p and p != "/")


def _inside(path: str, folder: str) -> bool:
    return path.startswith(folder.rstrip("/") + "/")


def _outermost(paths: Iterable[str]) -> list[str]:
    """The paths not inside another of them (binding /usr binds /usr/lib too)."""
    out: list[str] = []
    for p in sorted(set(paths)):
        if not any(p == o or p.startswith(o.rstrip("/") + "/") for o in out):
            out.append(p)
    return out


def _dirs_for(paths: Iterable[str]) -> list[str]:
    """`--perms 0755 --dir` for every ancestor of the mount points that bwrap would create
    itself: bwrap copies the mode of the host's directory, and /root is 0700 (the sandbox's
    uid could not reach an interpreter under it)."""
    anc: set[str] = set()
    for p in paths:
        parent = os.path.dirname(p.rstrip("/"))
        while parent not in ("/", ""):
            anc.add(parent)
            parent = os.path.dirname(parent)
    args: list[str] = []
    for d in sorted(anc):
        top = "/" + d.strip("/").split("/")[0]
        if top in ("/usr", "/lib", "/lib64", "/bin"):
            continue
        args += ["--perms", "0755", "--dir", d]
    return args


_current: Sandbox | None = None
_lock = threading.Lock()


def from_settings(settings, count_orgs: Callable[[], int] | None = None) -> Sandbox:
    box = Sandbox(
        mode=settings.sandbox,
        bwrap=settings.sandbox_bwrap,
        network=settings.sandbox_network,
        allow_shared=settings.sandbox_allow_shared_unsandboxed,
        max_processes=settings.sandbox_max_processes,
        tmp_mb=settings.sandbox_tmp_mb,
        count_orgs=count_orgs,
    )
    box.probe()
    return box


def configure(settings, db=None, *, warn: bool = True) -> Sandbox:
    """Probes the sandbox for this process (raises SandboxUnavailable when
    PIPELINES_SANDBOX=bwrap does not work) and installs it for `current()`."""
    global _current
    box = from_settings(settings, _org_counter(db) if db is not None else None)
    if warn:
        box.warn_if_unsandboxed()
    with _lock:
        _current = box
    return box


def current() -> Sandbox:
    """This process's sandbox (configured from the environment on first use)."""
    global _current
    with _lock:
        if _current is None:
            from ..settings import Settings

            _current = from_settings(Settings.from_env())
        return _current


def _org_counter(db) -> Callable[[], int]:
    def count() -> int:
        from sqlalchemy import text

        with db.engine.connect() as conn:
            return len(conn.execute(text("SELECT id FROM organizations LIMIT 2")).all())

    return count
