"""`pipelines-server` / `python -m pipelines_server`: serve, migrate, bootstrap, and the
operator's commands (create-key, set-password)."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import socket
import sys
from pathlib import Path

from .settings import Settings
from .store.db import Database, migrate


def _bootstrap(settings: Settings, only_if_empty: bool) -> None:
    """Creates the first organization, admin, project and API key (when `only_if_empty`, only
    on an empty database)."""
    from .domain import orgs

    db = Database(settings.database_url)
    try:
        with db.session() as session:
            if only_if_empty and not orgs.is_empty(session):
                return
            result = orgs.bootstrap(session)
            org_id, user_email, project_id, key = (
                result.org.id,
                result.user.email,
                result.project.id,
                result.api_key,
            )
    finally:
        db.dispose()
    # Never logged: written to a file only its owner can read, and shown once on a terminal
    # (not to a service's stdout, which goes to its logs).
    path = settings.bootstrap_key_file or settings.data_dir / "bootstrap-api-key"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key + "\n")
    where = f"organization {org_id}, admin {user_email}, project {project_id}"
    if sys.stdout.isatty():
        print(
            f"\n  Bootstrap: {where}\n"
            f"  API key (shown once, store it now; also in {path}, mode 0600):\n\n    {key}\n",
            flush=True,
        )
    else:
        logging.getLogger(__name__).warning(
            "Bootstrap: %s; its API key is in %s (mode 0600): read it, then delete the file",
            where,
            path,
        )


def _check_sandbox(settings: Settings) -> None:
    """PIPELINES_SANDBOX=bwrap that does not work: refuse to start, with the reason (before
    uvicorn, whose workers would each fail with a traceback)."""
    from .isolation.sandbox import SandboxUnavailable, from_settings

    try:
        from_settings(settings)
    except SandboxUnavailable as exc:
        raise SystemExit(f"pipelines-server: {exc}") from None


def _metrics_dir(settings: Settings, role: str) -> Path:
    """A directory of its own for the Prometheus counters of this process and its children
    (multiprocess mode): <data dir>/metrics/<host>/<role>-<pid>, empty at start; the directories
    of processes that no longer run are removed. Set as PROMETHEUS_MULTIPROC_DIR, which
    prometheus-client reads when it is first imported: before the app or the worker is."""
    # Per host: the data directory may be shared between hosts (or containers, each its own
    # PID 1), and only this host's dead processes can be told apart.
    root = settings.data_dir / "metrics" / socket.gethostname()
    root.mkdir(parents=True, exist_ok=True)
    for old in root.iterdir():
        pid = old.name.rpartition("-")[2]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)
    path = root / f"{role}-{os.getpid()}"
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir()
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(path)
    return path


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _serve_metrics(port: int) -> None:
    """`worker --metrics-port` (and kfp-worker's): the counters of the worker and its pool
    children, added up, at http://0.0.0.0:<port>/metrics (prometheus-client's own server, a
    daemon thread of this process)."""
    from prometheus_client import CollectorRegistry, multiprocess, start_http_server

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    start_http_server(port, registry=registry)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pipelines-server")
    except PackageNotFoundError:  # run from a checkout without being installed
        return "unknown"


def _create_key(settings: Settings, args: argparse.Namespace) -> int:
    """A new key for an organization whose keys were lost: printed once on stdout (the operator
    asked for it on this terminal), or written to --file with mode 0600."""
    from .domain import orgs
    from .shared.errors import DomainError

    db = Database(settings.database_url)
    try:
        with db.session() as session:
            made = orgs.recovery_key(session, args.org, args.email, args.name)
            org_id, email, key = made.org.id, made.user.email, made.api_key
    except DomainError as exc:
        print(f"pipelines-server create-key: {exc.message}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    if args.file:
        path = Path(args.file)
        path.unlink(missing_ok=True)
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as fh:
            fh.write(key + "\n")
        print(f"A new API key of organization {org_id}, acting as {email}, is in {path}")
    else:
        print(key)
        print(f"(organization {org_id}, acting as {email}; shown once)", file=sys.stderr)
    return 0


def _read_password(stdin) -> str | None:
    """The new password: asked twice on a terminal (not echoed), else the first line of stdin
    (never an argument: argv is visible to every user of the machine, and kept in shell
    histories)."""
    if stdin.isatty():
        import getpass

        first = getpass.getpass("New password: ")
        if first != getpass.getpass("The same password again: "):
            print("pipelines-server set-password: the two passwords differ", file=sys.stderr)
            return None
        return first
    return stdin.readline().rstrip("\r\n")


def _set_password(settings: Settings, args: argparse.Namespace) -> int:
    """Sets the password of the active user a username or email names (e.g. the bootstrap
    admin's, so that they can sign in to the web UI)."""
    from .domain import web_sessions
    from .shared.errors import DomainError

    password = _read_password(sys.stdin)
    if password is None:
        return 1
    db = Database(settings.database_url)
    try:
        with db.session() as session:
            user = web_sessions.operator_set_password(session, args.login, password)
            email, org_id = user.email, user.org_id
    except DomainError as exc:
        print(f"pipelines-server set-password: {exc.message}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    print(f"Password set for {email} (organization {org_id}); sign in at /ui/ with this email.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pipelines-server")
    parser.add_argument("--version", action="version", version=f"pipelines-server {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="apply migrations and serve every surface")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument(
        "--workers",
        type=int,
        help="server processes (uvicorn workers; default PIPELINES_SERVE_WORKERS "
        "or 1); use PostgreSQL and Redis when running several",
    )
    sub.add_parser("migrate", help="apply database migrations (alembic upgrade head)")
    sub.add_parser("bootstrap", help="create an organization, an admin, a project and an API key")
    create_key = sub.add_parser(
        "create-key",
        help="create an API key for an organization whose keys were lost (run on the server)",
    )
    create_key.add_argument(
        "--org", type=int, help="the organization's id (optional when there is only one)"
    )
    create_key.add_argument(
        "--email", help="act as this active member (default: the oldest active admin)"
    )
    create_key.add_argument("--name", default="recovery", help="the key's name (default: recovery)")
    create_key.add_argument("--file", help="write the key to this new file (mode 0600), not stdout")
    set_password = sub.add_parser(
        "set-password",
        help="set a user's password for the web UI (read from a prompt or stdin, never argv)",
    )
    set_password.add_argument("login", help="the user's email or username")
    worker = sub.add_parser(
        "worker",
        help="run a Celery worker for machine nodes and jobs (PIPELINES_EXECUTOR=celery)",
    )
    worker.add_argument(
        "--name", help="the worker's node name, unique per host (default: pipelines-<pid>@<host>)"
    )
    worker.add_argument(
        "--concurrency", type=int, help="pool processes (default: the number of CPUs)"
    )
    kfp_worker = sub.add_parser(
        "kfp-worker",
        help="run KFP runs only (no HTTP), beside servers on the same database",
    )
    for p in (worker, kfp_worker):
        p.add_argument(
            "--metrics-port",
            type=int,
            help="serve this worker's Prometheus counters (added up over its processes) at "
            "http://0.0.0.0:PORT/metrics (default: not served)",
        )
    args = parser.parse_args(argv)

    settings = Settings.from_env()
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    if args.command == "migrate":
        migrate(settings.database_url)
        return 0
    if args.command == "bootstrap":
        migrate(settings.database_url)
        _bootstrap(settings, only_if_empty=False)
        return 0
    if args.command == "create-key":
        migrate(settings.database_url)
        return _create_key(settings, args)
    if args.command == "set-password":
        migrate(settings.database_url)
        return _set_password(settings, args)

    if args.command == "worker":
        if args.metrics_port and settings.metrics:
            _metrics_dir(settings, "worker")
            _serve_metrics(args.metrics_port)
        from .worker import run_worker as run_celery_worker

        migrate(settings.database_url)
        return run_celery_worker(settings, name=args.name, concurrency=args.concurrency)

    if args.command == "kfp-worker":
        if args.metrics_port and settings.metrics:
            _metrics_dir(settings, "kfp-worker")
            _serve_metrics(args.metrics_port)
        from .engine.credentials import CredentialStore
        from .engine.secrets import derive_key
        from .kfp.runner import run_worker

        migrate(settings.database_url)
        _check_sandbox(settings)
        key = derive_key(settings.ensure_secret_key())
        return run_worker(settings, lambda db: CredentialStore(db, key))

    workers = args.workers or settings.serve_workers
    if workers > 1 and settings.database_url.startswith("sqlite"):
        raise SystemExit(
            f"pipelines-server: {workers} server processes on SQLite would wait on each "
            "other's locks: use PostgreSQL (PIPELINES_DATABASE_URL) or one process"
        )
    # Each server process runs its share of the background work (app.process_share).
    os.environ["PIPELINES_SERVE_WORKERS"] = str(workers)
    if settings.metrics:
        _metrics_dir(settings, "serve")
    migrate(settings.database_url)
    _check_sandbox(settings)
    if settings.bootstrap:
        _bootstrap(settings, only_if_empty=True)
    settings.ensure_secret_key()
    import uvicorn

    from .edge.httpproto import uvicorn_http_options

    if os.environ.get("FORWARDED_ALLOW_IPS"):
        logging.getLogger(__name__).warning(
            "FORWARDED_ALLOW_IPS is ignored: PIPELINES_TRUSTED_PROXIES lists the proxies "
            "whose X-Forwarded-For is honoured"
        )

    uvicorn.run(
        "pipelines_server.app:asgi_app",
        **uvicorn_http_options(),
        factory=True,
        host=args.host or settings.host,
        port=args.port or settings.port,
        workers=workers,
        log_level=settings.log_level,
        access_log=False,
        # X-Forwarded-For / -Proto rewrite the client address (the rate-limit and
        # failed-authentication buckets) and scheme only when the peer is a listed proxy.
        # uvicorn's own default trusts 127.0.0.1, where a tenant's http node runs; with no
        # proxies listed the headers are not read at all.
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=",".join(settings.trusted_proxies),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
