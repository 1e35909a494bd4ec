"""The in-memory failed-authentication bookkeeping stays bounded without lifting lockouts."""

from __future__ import annotations

import asyncio

from pipelines_server import ratelimit
from pipelines_server.ratelimit import RateLimits


def test_a_lockout_survives_the_remembered_addresses_overflowing(monkeypatch):
    monkeypatch.setattr(ratelimit, "_FAILED_SET_CAP", 3)

    async def scenario() -> tuple[int | None, int | None, int | None]:
        limits = RateLimits("100/minute", "100/minute", "2/minute")
        for _ in range(3):
            await limits.auth_failed("10.0.0.1")
        locked = await limits.auth_blocked("10.0.0.1")
        for n in range(2, 10):  # more failing addresses than the set remembers
            await limits.auth_failed(f"10.0.0.{n}")
        still = await limits.auth_blocked("10.0.0.1")
        fresh = await limits.auth_blocked("10.9.9.9")
        return locked, still, fresh

    locked, still, fresh = asyncio.run(scenario())
    assert locked is not None
    assert still is not None, "forgetting the remembered addresses lifted a lockout"
    assert fresh is None
