"""The health report both surfaces serve: the server's dependencies, each checked cheaply and
with a bound, the whole report cached a few seconds (a load balancer polling every second
costs one round of checks per CACHE_SECONDS, whatever the number of pollers).

    {"status": "ok" | "degraded" | "unavailable",
     "checks": {"database": {"status": "ok"},
                "redis": {"status": "unreachable", "error": "..."},   # PIPELINES_REDIS_URL set
                "broker": {"status": "ok"}}}                           # PIPELINES_EXECUTOR=celery

"unavailable" (HTTP 503) only when the database does not answer: nothing can be served.
Redis or the broker unreachable is "degraded" (HTTP 200): the server still serves (rate limits
per process, nodes and jobs stay due until the broker returns), so a load balancer keeps it.
Error texts never carry a URL's password."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from sqlalchemy import text

from ..runtime import current
from ..shared.degraded import redact

CACHE_SECONDS = 3.0
TIMEOUT_SECONDS = 2.0  # each check; the checks run side by side

OK = {"status": "ok"}

# Checks that outlive their timeout (a database that does not answer) keep a thread of this
# pool; a few threads bound them.
_pool = ThreadPoolExecutor(max_workers=6, thread_name_prefix="health")
_lock = threading.Lock()
_cache: tuple[float, dict, int] | None = None


def _error(exc: BaseException) -> str:
    text_ = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text_[0]}" if text_ else type(exc).__name__


def check_database() -> None:
    # read(): a connection found dead (a database restarted since) is retried once.
    current().db.read(lambda conn: conn.execute(text("SELECT 1")))


_redis_clients: dict[str, object] = {}


def check_redis() -> None:
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    url = current().settings.redis_url
    client = _redis_clients.get(url)
    if client is None:
        client = _redis_clients[url] = redis.Redis.from_url(
            url,
            socket_connect_timeout=TIMEOUT_SECONDS / 2,
            socket_timeout=TIMEOUT_SECONDS / 2,
            retry=Retry(NoBackoff(), 0),
        )
    client.ping()


def check_broker() -> None:
    from kombu import Connection

    settings = current().settings
    with Connection(
        settings.broker_url,
        connect_timeout=TIMEOUT_SECONDS / 2,
        transport_options={"socket_timeout": TIMEOUT_SECONDS / 2, "max_retries": 0},
    ) as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=1)


def _checks() -> dict:
    settings = current().settings
    checks = {"database": check_database}
    if settings.redis_url:
        checks["redis"] = check_redis
    if settings.executor == "celery":
        checks["broker"] = check_broker
    return checks


def _run_checks() -> tuple[dict, int]:
    settings = current().settings
    futures = {name: _pool.submit(check) for name, check in _checks().items()}
    deadline = time.monotonic() + TIMEOUT_SECONDS
    results: dict[str, dict] = {}
    for name, future in futures.items():
        try:
            future.result(timeout=max(0.0, deadline - time.monotonic()))
            results[name] = OK
        except FutureTimeout:
            results[name] = {"status": "unreachable", "error": "no answer in time"}
        except Exception as exc:  # noqa: BLE001 - any failure is the dependency's state
            message = _error(exc)
            for url in (settings.database_url, settings.redis_url, settings.broker_url):
                message = redact(message, url)
            results[name] = {"status": "unreachable", "error": message}
    if results["database"] is not OK:
        return {"status": "unavailable", "checks": results}, 503
    status = "ok" if all(r is OK for r in results.values()) else "degraded"
    return {"status": status, "checks": results}, 200


def report() -> tuple[dict, int]:
    """(body, HTTP status) of the health report, at most CACHE_SECONDS old."""
    global _cache
    with _lock:  # one round of checks at a time; the others wait for its result
        now = time.monotonic()
        if _cache is None or now - _cache[0] >= CACHE_SECONDS:
            body, status = _run_checks()
            _cache = (time.monotonic(), body, status)
        _, body, status = _cache
        return {**body, "checks": dict(body["checks"])}, status
