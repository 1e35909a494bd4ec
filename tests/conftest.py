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


# The longest files, each one test of minutes (the native spec's fuzzing alone ran ~16 minutes on
# a loaded machine): run first. `make test` spreads files over both cores in collection order
# (xdist --dist loadfile --no-loadscope-reorder); xdist's own order, most tests first, handed
# these one-test files out last, and the other core sat idle while the last of them ran.
LONGEST_FILES = (
    "tests/contract/test_fuzz_native_workflows.py",
    "tests/contract/test_fuzz_native_data.py",
    "tests/contract/test_fuzz_native_rest.py",
    "tests/contract/test_fuzz_pipelit.py",
    "tests/contract/test_fuzz_kfp.py",
    "tests/contract/test_fuzz_external_v1.py",
)


def longest_files_first(items: list) -> None:
    """LONGEST_FILES first, then the other files by their number of tests, most first (xdist's
    own heuristic); a file's tests, and files of equal count, keep their collection order."""
    by_file: dict[str, list] = {}
    for item in items:
        by_file.setdefault(item.nodeid.split("::", 1)[0], []).append(item)

    def order(path: str) -> tuple[int, int]:
        known = LONGEST_FILES.index(path) if path in LONGEST_FILES else len(LONGEST_FILES)
        return known, -len(by_file[path])

    items[:] = [item for path in sorted(by_file, key=order) for item in by_file[path]]


def pytest_collection_modifyitems(config, items):
    longest_files_first(items)
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
