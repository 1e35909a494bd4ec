"""Scale-out tests: run by `make test-scaleout` (part of `make test`), which points them at
PostgreSQL (PIPELINES_TEST_DATABASE_URL) and a Redis broker (PIPELINES_TEST_SCALEOUT_BROKER).
Without both, or when either is unreachable, every test here is skipped with the reason."""

from __future__ import annotations

import os

import pytest

from tests.server import postgres_reachable


def _why_skipped() -> str | None:
    pg = os.environ.get("PIPELINES_TEST_DATABASE_URL")
    broker = os.environ.get("PIPELINES_TEST_SCALEOUT_BROKER")
    if not pg or not broker:
        return (
            "scale-out tests need PostgreSQL and a Redis broker: run `make test-scaleout` "
            "(PIPELINES_TEST_DATABASE_URL and PIPELINES_TEST_SCALEOUT_BROKER)"
        )
    why = postgres_reachable(pg)
    if why:
        return f"PostgreSQL not reachable at {pg}: {why}"
    import redis

    try:
        redis.Redis.from_url(broker, socket_connect_timeout=2).ping()
    except Exception as exc:  # noqa: BLE001 - any failure means: skip, and say why
        return f"Redis broker not reachable at {broker}: {type(exc).__name__}: {exc}"
    return None


def pytest_collection_modifyitems(config, items):
    why = _why_skipped()
    if why is None:
        return
    here = os.path.dirname(__file__)
    skip = pytest.mark.skip(reason=why)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(skip)


@pytest.fixture
def cluster(tmp_path):
    """cluster(servers=2, workers=2, env={...}) -> a Cluster on one fresh PostgreSQL database;
    everything it started is stopped (and the database dropped) after the test."""
    from .cluster import Cluster

    made: list[Cluster] = []

    def make(**kwargs) -> Cluster:
        c = Cluster(tmp_path / f"cluster{len(made)}", **kwargs)
        made.append(c)
        c.start()
        return c

    yield make
    for c in made:
        c.close()
