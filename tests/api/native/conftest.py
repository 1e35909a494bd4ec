"""What the native API tests share: a generated client, a fresh organization, the page
envelope's keys."""

from __future__ import annotations

import pytest
from pipelines_api import AuthenticatedClient

from tests.server import seed_database

PAGE_KEYS = {"items", "total", "page", "page_size", "has_more"}


def client(server, key: str | None = None) -> AuthenticatedClient:
    """The generated native client, with the shared seed's admin key unless told another."""
    return AuthenticatedClient(base_url=server.base_url + "/api", token=key or server.seed.api_key)


@pytest.fixture
def org(server):
    """A fresh organization (admin, default project, admin key) on the shared server, for
    tests whose counts or orderings what other tests create must not change."""
    return seed_database(server.database_url)


def as_org(server, org):
    """The shared server seen through another organization's seed."""
    return type("Srv", (), {"base_url": server.base_url, "seed": org})()
