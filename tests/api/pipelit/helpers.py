"""What the Pipelit surface's tests share: a client on `/pipelit/api/v1` with a key, a fresh
organization (its own users, workflows and lists), the socket URL."""

from __future__ import annotations

import uuid

import httpx

from tests.server import seed_database

BASE = "/pipelit/api/v1"


def pipelit(server, key: str | None = None) -> httpx.Client:
    """A client of the Pipelit surface with `key` (the shared seed's admin key by default);
    `key=""` sends no Authorization header. Redirects are not followed (307s are asserted)."""
    key = server.seed.api_key if key is None else key
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return httpx.Client(base_url=server.base_url + BASE, headers=headers, timeout=60)


def fresh_org(server):
    """A new organization on the shared server (admin, project, admin key): lists and counts
    of its own."""
    return seed_database(server.database_url)


def as_org(server, org):
    """The shared server seen through another organization's seed."""
    return type(
        "Srv", (), {"base_url": server.base_url, "seed": org, "database_url": server.database_url}
    )()


def ws_url(server, path: str = "/pipelit/ws/", token: str | None = None) -> str:
    url = server.base_url.replace("http://", "ws://", 1) + path
    return url if token is None else f"{url}?token={token}"


def slug(prefix: str = "wf") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"
