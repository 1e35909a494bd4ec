"""Pipelit's /health: {status, version, redis, database}, from the server's own checks."""

from __future__ import annotations

from ...web import health

VERSION = "0.3.16"


def get_health():
    body, _status = health.report()
    checks = body["checks"]
    ok = {"status": "ok"}
    return {
        "status": "ok" if body["status"] == "ok" else "degraded",
        "version": VERSION,
        # Pipelit reports Redis as a dependency; without one configured there is none to fail.
        "redis": checks.get("redis", ok) == ok,
        "database": checks["database"] == ok,
    }, 200
