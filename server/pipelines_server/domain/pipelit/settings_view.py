"""Pipelit's settings page over this server's real configuration.

`config` shows the server's own settings in Pipelit's keys, never a secret: the database and
Redis URLs have their password, and query parameters that hold a secret (`password`,
`sslpassword`, `sslkey`...), replaced by `***`. The mapping: `pipelit_dir` is the data
directory, `sandbox_mode` is PIPELINES_SANDBOX, `log_level` PIPELINES_LOG_LEVEL (upper case),
`log_file` is empty (the server logs to its standard error), `platform_base_url` is
PIPELINES_PUBLIC_URL, `cors_allow_all_origins` is false (the server sends no CORS headers),
`zombie_execution_threshold_seconds` is PIPELINES_NODE_LEASE_SECONDS (a running step whose
heartbeat is older than that is taken over).

The server's configuration is its PIPELINES_* environment, shared by every organization;
an organization's admin cannot change it through this page. PATCH records the values asked
for (per organization, URLs redacted before they are stored), reports none as hot-reloaded
and every one as `restart_required` (it takes effect when the operator sets the matching
environment variable and restarts), and answers them back under `requested`.

`environment` is probed for real: the bubblewrap sandbox (isolation/sandbox.py), the
runtimes and shell tools on PATH, the container the server runs in."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...isolation import sandbox as sandbox_mod
from ...shared.principal import Principal
from ...store.models import PipelitSetting

CONFIG_KEYS = (
    "pipelit_dir",
    "sandbox_mode",
    "database_url",
    "redis_url",
    "log_level",
    "log_file",
    "platform_base_url",
    "cors_allow_all_origins",
    "zombie_execution_threshold_seconds",
)
WRITABLE = tuple(k for k in CONFIG_KEYS if k != "pipelit_dir")
URL_KEYS = ("database_url", "redis_url")
TIER1_TOOLS = ("bash", "python3", "pip3", "cat", "ls", "cp", "mv", "mkdir", "rm", "chmod",
               "grep", "sed", "head", "tail", "wc")  # fmt: skip
TIER2_TOOLS = ("find", "sort", "awk", "xargs", "tee", "curl", "wget", "git", "tar", "unzip",
               "jq", "node", "npm")  # fmt: skip


SECRET_QUERY_PARAMS = ("pass", "secret", "token", "sslkey", "key", "auth", "credential")


def _secret_param(name: str) -> bool:
    """`password`, `sslpassword`, `sslkey`, `token`, `secret`... (libpq's and redis-py's
    parameters that hold a secret or point at one)."""
    lowered = name.lower()
    return any(word in lowered for word in SECRET_QUERY_PARAMS)


def _redact_query(query: str) -> str:
    if not query:
        return query
    pairs = parse_qsl(query, keep_blank_values=True)
    if not any(_secret_param(k) for k, _ in pairs):
        return query
    return urlencode([(k, "***" if _secret_param(k) else v) for k, v in pairs], safe="*/:")


def redact_url(url: str) -> str:
    """`url` with its password, and any query parameter that holds a secret (`password`,
    `sslpassword`, `sslkey`...), replaced by `***` (user, host, port, path and the other
    parameters kept)."""
    if not url:
        return url
    try:
        parts = urlsplit(url)
        password = parts.password
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return "***"
    query = _redact_query(parts.query)
    if query != parts.query:  # rewritten in the text itself: urlunsplit can alter a path
        head, _, rest = url.partition("?")
        url = f"{head}?{query}" + rest[len(parts.query) :]
    if not password:
        return url
    if ":" in host:
        host = f"[{host}]"
    if port:
        host = f"{host}:{port}"
    return urlunsplit(urlsplit(url)._replace(netloc=f"{parts.username or ''}:***@{host}"))


def config(settings) -> dict:
    return {
        "pipelit_dir": str(settings.data_dir),
        "sandbox_mode": settings.sandbox,
        "database_url": redact_url(settings.database_url),
        "redis_url": redact_url(settings.redis_url),
        "log_level": (settings.log_level or "info").upper(),
        "log_file": "",
        "platform_base_url": settings.public_url,
        "cors_allow_all_origins": False,
        "zombie_execution_threshold_seconds": int(settings.node_lease_seconds),
    }


def requested(session: Session, principal: Principal) -> dict:
    rows = session.scalars(select(PipelitSetting).where(PipelitSetting.org_id == principal.org_id))
    return {r.key: r.value for r in rows if r.key in WRITABLE}


def record(session: Session, principal: Principal, settings, changes: dict) -> dict:
    """Stores the organization's requested values; the reply of PATCH /settings/."""
    keys = [k for k in WRITABLE if k in changes]
    for key in keys:
        value = changes[key]
        if key in URL_KEYS and isinstance(value, str):
            value = redact_url(value)
        row = session.get(PipelitSetting, (principal.org_id, key))
        if row is None:
            session.add(PipelitSetting(org_id=principal.org_id, key=key, value=value))
        else:
            row.value = value
    session.flush()
    return {
        "config": config(settings),
        "hot_reloaded": [],
        "restart_required": keys,
        "requested": requested(session, principal),
    }


# -- environment --------------------------------------------------------------------------------


def detect_container() -> str | None:
    if os.environ.get("KUBERNETES_SERVICE_HOST"):
        return "kubernetes"
    if os.path.exists("/.dockerenv"):
        return "docker"
    if os.environ.get("container") == "podman" or os.path.exists("/run/.containerenv"):
        return "podman"
    try:
        cgroup = Path("/proc/1/cgroup").read_text(errors="replace")
    except OSError:
        return None
    for marker in ("kubepods", "docker", "containerd"):
        if marker in cgroup:
            return "kubernetes" if marker == "kubepods" else marker
    return None


def _runtime(command: str) -> dict:
    path = shutil.which(command)
    out = {"available": path is not None, "path": path, "version": None}
    if path:
        try:
            done = subprocess.run(  # noqa: S603 - a fixed runtime's --version
                [path, "--version"], capture_output=True, timeout=3, stdin=subprocess.DEVNULL
            )
            text = (done.stdout or done.stderr).decode(errors="replace").strip()
            out["version"] = text.splitlines()[0] if text else None
        except (OSError, subprocess.TimeoutExpired):
            pass
    return out


def gate(os_name: str, container: str | None, bwrap: bool) -> dict:
    """Upstream's setup gate: code must run sandboxed (bubblewrap) or in a container."""
    if os_name == "Darwin" and not container:
        reason = "macOS requires Docker or another container runtime to sandbox code execution."
        return {"passed": False, "blocked_reason": reason}
    if os_name == "Linux" and not bwrap and not container:
        reason = "bwrap is required for sandboxed execution. Install with `apt install bubblewrap`."
        return {"passed": False, "blocked_reason": reason}
    return {"passed": True, "blocked_reason": None}


def _bwrap_works(settings) -> bool:
    """Whether bubblewrap works here (a fresh probe, whatever PIPELINES_SANDBOX says)."""
    active = sandbox_mod.current()
    if active.active:
        return True
    box = sandbox_mod.Sandbox(
        mode="auto",
        bwrap=settings.sandbox_bwrap,
        max_processes=settings.sandbox_max_processes,
        tmp_mb=settings.sandbox_tmp_mb,
    )
    try:
        box.probe()
    except (sandbox_mod.SandboxUnavailable, ValueError, OSError):
        return False
    return box.active


def build_environment(settings) -> dict:
    os_name = platform.system()
    container = detect_container()
    bwrap = _bwrap_works(settings)
    used = sandbox_mod.current().active
    tools = {
        t: {"available": shutil.which(t) is not None, "tier": 1 if t in TIER1_TOOLS else 2}
        for t in (*TIER1_TOOLS, *TIER2_TOOLS)
    }
    return {
        "os": os_name,
        "arch": platform.machine(),
        "container": container,
        "bwrap_available": bwrap,
        # The sandbox binds the host's system folders read-only: it needs no root filesystem
        # of its own, so it is ready when the sandbox is in use.
        "rootfs_ready": used,
        "sandbox_mode": "bwrap" if used else "none",
        "capabilities": {
            "runtimes": {name: _runtime(name) for name in ("python3", "node", "pip3")},
            "shell_tools": tools,
            # Not probed: whether sandboxed code may reach the network (PIPELINES_SANDBOX_NETWORK).
            "network": {"dns": settings.sandbox_network, "http": settings.sandbox_network},
        },
        "tier1_met": used or all(tools[t]["available"] for t in TIER1_TOOLS),
        "tier2_warnings": [t for t in TIER2_TOOLS if not tools[t]["available"]],
        "gate": gate(os_name, container, bwrap),
    }


_cached: dict | None = None
_lock = threading.Lock()


def environment(settings, refresh: bool = False) -> dict:
    """The environment report, probed once per process (again when `refresh`)."""
    global _cached
    with _lock:
        if _cached is None or refresh:
            _cached = build_environment(settings)
        return _cached
