from __future__ import annotations

import os

import pytest

from tests.server import (
    celery_broker,
    drop_templates,
    postgres_reachable,
    postgres_url,
    start_server,
    stop_server,
)


def _share_the_default_ssl_context() -> None:
    """One SSL context for every httpx client of the test process that asks for the default
    one. httpx builds a new context per client, loading certifi's CA bundle: ~35 ms of CPU,
    and the tests make thousands of clients (helpers, generated and SDK clients, each
    httpx.get), all of them of http:// servers: it was a third of the CPU of the API tests'
    own process. A shared context is what a long-lived client has anyway; clients given their
    own context or verify=False are unchanged."""
    from httpx._transports import default

    create = default.create_ssl_context
    shared: dict = {}

    def create_ssl_context(verify=True, cert=None, trust_env=True):
        if verify is not True or cert is not None or not trust_env:
            return create(verify=verify, cert=cert, trust_env=trust_env)
        where = (os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
        if where not in shared:
            shared[where] = create(verify=verify, cert=cert, trust_env=trust_env)
        return shared[where]

    default.create_ssl_context = create_ssl_context


_share_the_default_ssl_context()


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


def pytest_sessionfinish(session, exitstatus):
    drop_templates()


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
