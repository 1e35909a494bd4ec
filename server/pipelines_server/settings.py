"""One settings object, read from PIPELINES_* environment variables.

Every setting has a default that makes `make serve` work on a laptop; README lists them all.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _env(name: str, default: str) -> str:
    value = os.environ.get(name)
    return default if value is None or value == "" else value


def _int(name: str, default: int) -> int:
    return int(_env(name, str(default)))


def _float(name: str, default: float) -> float:
    return float(_env(name, str(default)))


def _optional_int(name: str) -> int | None:
    value = _env(name, "auto")
    return None if value.lower() == "auto" else int(value)


def _bool(name: str, default: bool) -> bool:
    return _env(name, "1" if default else "0").lower() in ("1", "true", "yes", "on")


def parse_trusted_proxies(value: str) -> tuple[str, ...]:
    """PIPELINES_TRUSTED_PROXIES: comma-separated IP addresses and CIDR networks, normalized.

    uvicorn quietly keeps an entry it cannot parse as a literal that matches nothing, so a
    typo would silently turn the proxy off (or a host-bits CIDR like 10.0.0.1/8 would); here
    a bad entry stops the server at start with its name."""
    out: list[str] = []
    for item in value.split(","):
        item = item.strip()
        if not item:
            continue
        try:
            if "/" in item:
                out.append(str(ipaddress.ip_network(item, strict=False)))
            else:
                out.append(str(ipaddress.ip_address(item)))
        except ValueError:
            raise ValueError(
                f"PIPELINES_TRUSTED_PROXIES: {item!r} is not an IP address or CIDR network"
            ) from None
    return tuple(out)


@dataclass
class Settings:
    data_dir: Path = field(default_factory=lambda: PROJECT_ROOT / "var")
    database_url: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    serve_workers: int = 1
    public_url: str = ""
    trusted_proxies: tuple[str, ...] = ()
    secret_key: str = ""
    redis_url: str = ""
    max_body_bytes: int = 32 * 1024 * 1024
    max_header_bytes: int = 32 * 1024
    rate_limit_per_key: str = "600/minute"
    rate_limit_per_ip: str = "120/minute"
    rate_limit_failed_auth: str = "30/minute"
    upload_workers: int = 2
    job_workers: int = 2
    job_lease_seconds: float = 30.0
    upload_url_min_seconds: int = 3600
    upload_url_max_seconds: int = 12 * 3600
    upload_bytes_per_second: int = 256 * 1024
    upload_max_bytes: int = 5 * 1024**3
    archive_max_entries: int = 10_000
    archive_max_total_bytes: int = 2 * 1024**3
    archive_max_file_bytes: int = 512 * 1024**2
    archive_max_ratio: int = 200
    executor: str = "inprocess"
    engine_workers: int = 4
    org_max_running: int | None = None  # None: half the slots of the process that claims
    broker_url: str = "redis://127.0.0.1:6379/0"
    celery_queue: str = "pipelines"
    node_lease_seconds: float = 30.0  # renewed while the node runs (heartbeat)
    claim_lease_seconds: float = 1800.0
    redispatch_seconds: float = 30.0  # a sent node not picked up after this may be sent again
    sweep_seconds: float = 5.0  # how often the one sweeper looks for nodes to re-send
    shutdown_grace_seconds: float = 20.0  # SIGTERM: finish in-flight work for this long
    db_pool_size: int = 5  # PostgreSQL connections a process keeps per pool (two pools)
    db_max_overflow: int = 5  # and may open beyond that under load, per pool
    metrics: bool = True  # GET /metrics (Prometheus text format)
    bootstrap_key_file: Path | None = None  # default: <data dir>/bootstrap-api-key
    engine_poll_seconds: float = 0.5
    kfp_runs: int = 2
    kfp_parallelism: int = 4
    kfp_pipeline_root: Path | None = None
    kfp_volumes_root: Path | None = None  # kfp-kubernetes volumes (CreatePVC, mount_pvc)
    kfp_skip_installed_pip: bool = True
    kfp_task_timeout_seconds: float = 0.0
    kfp_lease_seconds: float = 60.0
    kfp_auto_namespaces: bool = False  # an unknown KFP namespace becomes a project on first use
    sandbox: str = "auto"
    sandbox_bwrap: str = "/usr/bin/bwrap"
    sandbox_network: bool = False
    sandbox_allow_shared_unsandboxed: bool = False
    sandbox_max_processes: int = 256
    sandbox_tmp_mb: int = 1024
    kfp_task_memory_mb: int = 0
    outbound_allow: str = ""  # CIDRs and host names http and llm nodes may reach anyway
    events_poll_seconds: float = 0.1
    events_key_check_seconds: float = 2.0
    events_heartbeat_seconds: float = 15.0
    events_max_streams: int = 10_000
    bootstrap: bool = True
    validate_responses: bool = False
    log_level: str = "info"
    job_step_rows: int = 500  # rows a job handles per step (transaction, checkpoint)
    export_inline_max_rows: int = 10_000  # export-tasks answered as one JSON body up to this
    cli_login_ttl_seconds: int = 600  # a CLI login session's lifetime
    cli_login_interval_seconds: int = 5  # the poll cadence a CLI login session asks for
    cli_login_starts_per_minute: int = 10  # CLI login sessions one client address may start
    project_file_max_bytes: int = 100 * 1024**2  # largest project file the upload URL accepts
    project_file_url_seconds: int = 3600  # lifetime of a project file's upload/download URL
    project_file_gc_grace_seconds: float = 3600.0  # enqueue-gc: bytes removed after this
    project_file_gc_sweep_seconds: float = 30.0  # how often the one GC sweeper looks
    pipelit_prefix: str = "/pipelit"  # the Pipelit surface: <prefix>/api/v1, <prefix>/ws/
    pipelit_org: str = ""  # its organization (id or name); default: the first one
    pipelit_gateway_token: str = ""  # POST /inbound's bearer token; unset: inbound refused
    pipelit_schedule_sweep_seconds: float = 1.0  # how often due Pipelit schedules are fired
    pipelit_ws_ping_seconds: float = 30.0  # a quiet Pipelit socket is pinged after this
    pipelit_ws_pong_seconds: float = 10.0  # and closed when no pong follows within this
    ui: bool = True  # the web UI at / and /ui (off: / answers the JSON index, /ui is 404)
    ui_session_hours: float = 12.0  # a signed-in browser's lifetime
    ui_cookie_secure: str = "auto"  # the session cookie's Secure flag: auto (on https), on, off
    ui_streams_per_user: int = 20  # open /ui/events streams per user and server process

    @classmethod
    def from_env(cls) -> Settings:
        data_dir = Path(_env("PIPELINES_DATA_DIR", str(PROJECT_ROOT / "var"))).resolve()
        s = cls(
            data_dir=data_dir,
            database_url=_env("PIPELINES_DATABASE_URL", f"sqlite:///{data_dir / 'pipelines.db'}"),
            host=_env("PIPELINES_HOST", "127.0.0.1"),
            port=_int("PIPELINES_PORT", 8000),
            serve_workers=_int("PIPELINES_SERVE_WORKERS", 1),
            public_url=_env("PIPELINES_PUBLIC_URL", ""),
            trusted_proxies=parse_trusted_proxies(_env("PIPELINES_TRUSTED_PROXIES", "")),
            secret_key=_env("PIPELINES_SECRET_KEY", ""),
            redis_url=_env("PIPELINES_REDIS_URL", ""),
            max_body_bytes=_int("PIPELINES_MAX_BODY_BYTES", 32 * 1024 * 1024),
            max_header_bytes=_int("PIPELINES_MAX_HEADER_BYTES", 32 * 1024),
            rate_limit_per_key=_env("PIPELINES_RATE_LIMIT_PER_KEY", "600/minute"),
            rate_limit_per_ip=_env("PIPELINES_RATE_LIMIT_PER_IP", "120/minute"),
            rate_limit_failed_auth=_env("PIPELINES_RATE_LIMIT_FAILED_AUTH", "30/minute"),
            upload_workers=_int("PIPELINES_UPLOAD_WORKERS", 2),
            job_workers=_int("PIPELINES_JOB_WORKERS", 2),
            job_lease_seconds=_float("PIPELINES_JOB_LEASE_SECONDS", 30.0),
            upload_url_min_seconds=_int("PIPELINES_UPLOAD_URL_MIN_SECONDS", 3600),
            upload_url_max_seconds=_int("PIPELINES_UPLOAD_URL_MAX_SECONDS", 12 * 3600),
            upload_bytes_per_second=_int("PIPELINES_UPLOAD_BYTES_PER_SECOND", 256 * 1024),
            upload_max_bytes=_int("PIPELINES_UPLOAD_MAX_BYTES", 5 * 1024**3),
            archive_max_entries=_int("PIPELINES_ARCHIVE_MAX_ENTRIES", 10_000),
            archive_max_total_bytes=_int("PIPELINES_ARCHIVE_MAX_TOTAL_BYTES", 2 * 1024**3),
            archive_max_file_bytes=_int("PIPELINES_ARCHIVE_MAX_FILE_BYTES", 512 * 1024**2),
            archive_max_ratio=_int("PIPELINES_ARCHIVE_MAX_RATIO", 200),
            executor=_env("PIPELINES_EXECUTOR", "inprocess"),
            engine_workers=_int("PIPELINES_ENGINE_WORKERS", 4),
            org_max_running=_optional_int("PIPELINES_ORG_MAX_RUNNING"),
            broker_url=_env("PIPELINES_BROKER_URL", "redis://127.0.0.1:6379/0"),
            celery_queue=_env("PIPELINES_CELERY_QUEUE", "pipelines"),
            node_lease_seconds=_float("PIPELINES_NODE_LEASE_SECONDS", 30.0),
            claim_lease_seconds=_float("PIPELINES_CLAIM_LEASE_SECONDS", 1800.0),
            redispatch_seconds=_float("PIPELINES_REDISPATCH_SECONDS", 30.0),
            sweep_seconds=_float("PIPELINES_SWEEP_SECONDS", 5.0),
            shutdown_grace_seconds=_float("PIPELINES_SHUTDOWN_GRACE_SECONDS", 20.0),
            db_pool_size=_int("PIPELINES_DB_POOL_SIZE", 5),
            db_max_overflow=_int("PIPELINES_DB_MAX_OVERFLOW", 5),
            metrics=_bool("PIPELINES_METRICS", True),
            bootstrap_key_file=Path(
                _env("PIPELINES_BOOTSTRAP_KEY_FILE", str(data_dir / "bootstrap-api-key"))
            ),
            engine_poll_seconds=_float("PIPELINES_ENGINE_POLL_SECONDS", 0.5),
            kfp_runs=_int("PIPELINES_KFP_RUNS", 2),
            kfp_parallelism=_int("PIPELINES_KFP_PARALLELISM", 4),
            kfp_pipeline_root=Path(
                _env("PIPELINES_KFP_PIPELINE_ROOT", str(data_dir / "kfp-artifacts"))
            ).resolve(),
            kfp_volumes_root=Path(
                _env("PIPELINES_KFP_VOLUMES_ROOT", str(data_dir / "kfp-volumes"))
            ).resolve(),
            kfp_skip_installed_pip=_bool("PIPELINES_KFP_SKIP_INSTALLED_PIP", True),
            kfp_task_timeout_seconds=_float("PIPELINES_KFP_TASK_TIMEOUT_SECONDS", 0.0),
            kfp_lease_seconds=_float("PIPELINES_KFP_LEASE_SECONDS", 60.0),
            kfp_auto_namespaces=_bool("PIPELINES_KFP_AUTO_NAMESPACES", False),
            sandbox=_env("PIPELINES_SANDBOX", "auto").lower(),
            sandbox_bwrap=_env("PIPELINES_SANDBOX_BWRAP", "/usr/bin/bwrap"),
            sandbox_network=_bool("PIPELINES_SANDBOX_NETWORK", False),
            sandbox_allow_shared_unsandboxed=_bool(
                "PIPELINES_SANDBOX_ALLOW_SHARED_UNSANDBOXED", False
            ),
            sandbox_max_processes=_int("PIPELINES_SANDBOX_MAX_PROCESSES", 256),
            sandbox_tmp_mb=_int("PIPELINES_SANDBOX_TMP_MB", 1024),
            kfp_task_memory_mb=_int("PIPELINES_KFP_TASK_MEMORY_MB", 0),
            outbound_allow=_env("PIPELINES_OUTBOUND_ALLOW", ""),
            events_poll_seconds=_float("PIPELINES_EVENTS_POLL_SECONDS", 0.1),
            events_key_check_seconds=_float("PIPELINES_EVENTS_KEY_CHECK_SECONDS", 2.0),
            events_heartbeat_seconds=_float("PIPELINES_EVENTS_HEARTBEAT_SECONDS", 15.0),
            events_max_streams=_int("PIPELINES_EVENTS_MAX_STREAMS", 10_000),
            bootstrap=_bool("PIPELINES_BOOTSTRAP", True),
            validate_responses=_bool("PIPELINES_VALIDATE_RESPONSES", False),
            log_level=_env("PIPELINES_LOG_LEVEL", "info"),
            job_step_rows=max(1, _int("PIPELINES_JOB_STEP_ROWS", 500)),
            export_inline_max_rows=_int("PIPELINES_EXPORT_INLINE_MAX_ROWS", 10_000),
            cli_login_ttl_seconds=max(60, _int("PIPELINES_CLI_LOGIN_TTL_SECONDS", 600)),
            cli_login_interval_seconds=max(1, _int("PIPELINES_CLI_LOGIN_INTERVAL_SECONDS", 5)),
            cli_login_starts_per_minute=max(1, _int("PIPELINES_CLI_LOGIN_STARTS_PER_MINUTE", 10)),
            project_file_max_bytes=_int("PIPELINES_PROJECT_FILE_MAX_BYTES", 100 * 1024**2),
            project_file_url_seconds=max(1, _int("PIPELINES_PROJECT_FILE_URL_SECONDS", 3600)),
            project_file_gc_grace_seconds=max(
                0.0, _float("PIPELINES_PROJECT_FILE_GC_GRACE_SECONDS", 3600.0)
            ),
            project_file_gc_sweep_seconds=max(
                0.05, _float("PIPELINES_PROJECT_FILE_GC_SWEEP_SECONDS", 30.0)
            ),
            pipelit_prefix="/" + _env("PIPELINES_PIPELIT_PREFIX", "/pipelit").strip("/"),
            pipelit_org=_env("PIPELINES_PIPELIT_ORG", ""),
            pipelit_gateway_token=_env("PIPELINES_PIPELIT_GATEWAY_TOKEN", ""),
            pipelit_schedule_sweep_seconds=max(
                0.05, _float("PIPELINES_PIPELIT_SCHEDULE_SWEEP_SECONDS", 1.0)
            ),
            pipelit_ws_ping_seconds=max(0.05, _float("PIPELINES_PIPELIT_WS_PING_SECONDS", 30.0)),
            pipelit_ws_pong_seconds=max(0.05, _float("PIPELINES_PIPELIT_WS_PONG_SECONDS", 10.0)),
            ui=_bool("PIPELINES_UI", True),
            ui_session_hours=max(0.01, _float("PIPELINES_UI_SESSION_HOURS", 12.0)),
            ui_cookie_secure=_env("PIPELINES_UI_COOKIE_SECURE", "auto").strip().lower(),
            ui_streams_per_user=max(1, _int("PIPELINES_UI_STREAMS_PER_USER", 20)),
        )
        return s

    def __post_init__(self) -> None:
        if self.executor not in ("inprocess", "celery"):
            raise ValueError(
                f"PIPELINES_EXECUTOR must be 'inprocess' or 'celery', not {self.executor!r}"
            )
        if self.sandbox not in ("auto", "bwrap", "none"):
            raise ValueError(
                f"PIPELINES_SANDBOX must be 'auto', 'bwrap' or 'none', not {self.sandbox!r}"
            )
        if self.org_max_running is not None and self.org_max_running < 0:
            raise ValueError("PIPELINES_ORG_MAX_RUNNING must be 'auto', 0 (no limit) or more")

    def org_cap(self, slots: int) -> int:
        """Machine nodes one organization may hold at once (0: no limit), for a process that
        runs `slots` of them at a time: PIPELINES_ORG_MAX_RUNNING, by default half of them."""
        if self.org_max_running is not None:
            return self.org_max_running
        return max(1, slots // 2)

    @property
    def pipeline_root(self) -> Path:
        return self.kfp_pipeline_root or self.data_dir / "kfp-artifacts"

    @property
    def volumes_root(self) -> Path:
        return self.kfp_volumes_root or self.data_dir / "kfp-volumes"

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    @property
    def project_files_dir(self) -> Path:
        return self.data_dir / "project-files"

    def ensure_secret_key(self) -> str:
        """The signing key for upload URLs: PIPELINES_SECRET_KEY, else a random key kept in
        the data directory (created once, mode 0600) so that URLs survive a restart."""
        if self.secret_key:
            return self.secret_key
        path = self.data_dir / "secret_key"
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(32))
        self.secret_key = path.read_text().strip()
        return self.secret_key
