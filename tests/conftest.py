from __future__ import annotations

import pytest

from tests.server import (
    celery_broker,
    postgres_reachable,
    postgres_url,
    start_server,
    stop_server,
)


def _broker_unreachable(url: str) -> str | None:
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except Exception as exc:  # any failure means: skip, and say why
        return f"{type(exc).__name__}: {exc}"
    return None


def pytest_report_header(config):
    pg = postgres_url()
    return f"database: {'PostgreSQL ' + pg if pg else 'SQLite (one file per test server)'}"


def pytest_collection_modifyitems(config, items):
    broker = celery_broker()
    if broker:
        why = _broker_unreachable(broker)
        if why:
            skip = pytest.mark.skip(reason=f"Celery broker not reachable at {broker}: {why}")
            for item in items:
                item.add_marker(skip)
    pg = postgres_url()
    if pg:
        why = postgres_reachable(pg)
        if why:
            skip = pytest.mark.skip(reason=f"PostgreSQL not reachable at {pg}: {why}")
            for item in items:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """One shared server for tests that do not change its settings."""
    srv = start_server(tmp_path_factory.mktemp("server"))
    yield srv
    stop_server(srv)


@pytest.fixture
def make_server(tmp_path):
    """A dedicated server with extra PIPELINES_* settings: make_server(env={...})."""
    started = []

    def make(env: dict | None = None, **kwargs):
        srv = start_server(tmp_path / f"srv{len(started)}", env=env, **kwargs)
        started.append(srv)
        return srv

    yield make
    for srv in started:
        stop_server(srv)
