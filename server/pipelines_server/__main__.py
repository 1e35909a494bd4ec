"""`pipelines-server` / `python -m pipelines_server`: serve, migrate, bootstrap."""

from __future__ import annotations

import argparse
import logging
import os
import sys

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pipelines-server")
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
    sub.add_parser(
        "kfp-worker",
        help="run KFP runs only (no HTTP), beside servers on the same database",
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

    if args.command == "worker":
        from .worker import run_worker as run_celery_worker

        migrate(settings.database_url)
        return run_celery_worker(settings, name=args.name, concurrency=args.concurrency)

    if args.command == "kfp-worker":
        from .kfp.runner import run_worker

        migrate(settings.database_url)
        _check_sandbox(settings)
        return run_worker(settings)

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
        workers=args.workers or settings.serve_workers,
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
