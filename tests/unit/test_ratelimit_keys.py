"""Rate-limit buckets keyed by kind and identity alone (processes configured differently count
into one bucket), and the fall-back to per-process memory while Redis does not answer."""

from __future__ import annotations

import asyncio
import logging
import os
import time
import uuid

import pytest
from limits import parse
from limits.limits import RateLimitItemPerMinute

from pipelines_server.ratelimit import RateLimits, identity_keyed
from pipelines_server.shared.metrics import DEPENDENCY_ERRORS

CLOSED = "redis://:hunter2@127.0.0.1:1/0"  # nothing listens on port 1


def _redis_url() -> str:
    """The test Redis, or skip saying why."""
    import redis

    url = os.environ.get("PIPELINES_TEST_REDIS_URL")
    if not url:
        pytest.skip("PIPELINES_TEST_REDIS_URL is not set (make test-redis sets it)")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis not reachable at {url}: {exc}")
    return url


def test_the_key_is_the_kind_and_the_identity_not_the_limits_value():
    ip = ("ip", "192.0.2.7")
    a, b = identity_keyed("5/minute", "per-ip"), identity_keyed("500/hour", "per-ip")
    assert a.key_for(*ip) == b.key_for(*ip) == "per-ip/ip/192.0.2.7"
    assert (a.amount, a.get_expiry()) == (5, 60) and (b.amount, b.get_expiry()) == (500, 3600)
    # Another kind or another identity is another bucket.
    assert identity_keyed("5/minute", "per-key").key_for(*ip) != a.key_for(*ip)
    assert a.key_for("ip", "192.0.2.8") != a.key_for(*ip)
    # The subclass does not replace `limits`' own class for its granularity.
    assert type(parse("5/minute")) is RateLimitItemPerMinute


def test_differently_configured_limits_share_one_in_memory_bucket():
    async def scenario():
        small, large = (
            RateLimits("3/minute", "3/minute", "3/minute"),
            RateLimits("5/minute", "5/minute", "5/minute"),
        )
        large.memory = small.memory  # one store, as Redis is for every process
        ip = ("ip", "192.0.2.1")
        first = [await small.hit(small.per_ip, *ip) for _ in range(3)]
        refused_small = await small.hit(small.per_ip, *ip)
        more = [await large.hit(large.per_ip, *ip) for _ in range(3)]
        return first, refused_small, more

    first, refused_small, more = asyncio.run(scenario())
    assert first == [None, None, None]
    assert refused_small is not None and refused_small > 0
    # The 5/minute process sees the 3 hits already counted: 2 more, then refused.
    assert more[:2] == [None, None] and more[2] is not None


@pytest.mark.redis
def test_processes_configured_differently_count_into_one_redis_bucket():
    url = _redis_url()

    async def scenario():
        a = RateLimits("3/minute", "3/minute", "3/minute", url)
        b = RateLimits("5/minute", "5/minute", "5/minute", url)
        ip = ("ip", f"198.51.100.{uuid.uuid4().int % 250 + 1}-{uuid.uuid4().hex[:6]}")
        first = [await a.hit(a.per_ip, *ip) for _ in range(3)]
        refused_a = await a.hit(a.per_ip, *ip)
        more = [await b.hit(b.per_ip, *ip) for _ in range(3)]
        blocked = await b.blocked(b.per_ip, *ip)
        # The failed-authentication bucket too.
        key = ("k" + uuid.uuid4().hex,)
        for _ in range(3):
            await a.auth_failed(key[0])
        a_locked, b_locked = await a.auth_blocked(key[0]), await b.auth_blocked(key[0])
        assert a.redis_error is None and b.redis_error is None
        return first, refused_a, more, blocked, a_locked, b_locked

    first, refused_a, more, blocked, a_locked, b_locked = asyncio.run(scenario())
    assert first == [None, None, None]
    assert refused_a is not None
    assert more[:2] == [None, None], "the other process counted into a bucket of its own"
    assert more[2] is not None and blocked is not None
    assert a_locked is not None and b_locked is None  # 3 failures: a's 3, under b's 5


def test_redis_unreachable_limits_per_process_in_memory_with_one_warning(caplog):
    errors = DEPENDENCY_ERRORS.labels(dependency="redis")
    before = errors._value.get()

    async def scenario():
        limits = RateLimits("100/minute", "3/minute", "2/minute", CLOSED)
        codes = [await limits.hit(limits.per_ip, "ip", "192.0.2.9") for _ in range(5)]
        await limits.auth_failed("192.0.2.10")
        await limits.auth_failed("192.0.2.10")
        locked = await limits.auth_blocked("192.0.2.10")
        return limits, codes, locked

    with caplog.at_level(logging.WARNING, logger="pipelines_server.ratelimit"):
        limits, codes, locked = asyncio.run(scenario())
    assert codes[:3] == [None, None, None] and all(c is not None for c in codes[3:])
    assert locked is not None
    assert limits.redis_error and "hunter2" not in limits.redis_error
    warnings = [r for r in caplog.records if "Redis unreachable" in r.getMessage()]
    assert len(warnings) == 1, "one warning, not one per request"
    assert "hunter2" not in warnings[0].getMessage()
    # Tried once, then not again before the retry delay: one error counted, not one a call.
    assert errors._value.get() - before == 1


@pytest.mark.redis
def test_rate_limits_go_back_to_redis_when_it_answers_again():
    import redis

    from tests.scaleout.cluster import TcpProxy

    url = _redis_url()
    target = redis.Redis.from_url(url)
    host = target.connection_pool.connection_kwargs.get("host", "127.0.0.1")
    port = target.connection_pool.connection_kwargs.get("port", 6379)
    db = target.connection_pool.connection_kwargs.get("db", 0)
    proxy = TcpProxy((host, port))
    ip = ("ip", "203.0.113." + uuid.uuid4().hex[:8])
    limits = RateLimits(
        "100/minute", "100/minute", "100/minute", f"redis://{proxy.address}/{db}", 0.2
    )

    async def hits(n: int) -> None:
        for _ in range(n):
            assert await limits.hit(limits.per_ip, *ip) is None

    def redis_count() -> int:
        keys = target.keys(f"*{ip[1]}*")
        return sum(int(target.get(k) or 0) for k in keys)

    async def scenario():
        await hits(2)
        assert limits.redis_error is None and redis_count() == 2
        proxy.down()
        await hits(3)  # counted in memory, no error
        assert limits.redis_error is not None and redis_count() == 2
        proxy.up()
        deadline = time.monotonic() + 30
        while limits.redis_error is not None and time.monotonic() < deadline:
            await asyncio.sleep(0.25)
            await hits(1)
        assert limits.redis_error is None, "never went back to Redis"
        before = redis_count()
        await hits(2)
        assert redis_count() == before + 2

    try:
        asyncio.run(scenario())
    finally:
        proxy.down()
        for k in target.keys(f"*{ip[1]}*"):
            target.delete(k)
