"""Rate limits through the `limits` library: in memory by default, Redis when configured
(PIPELINES_REDIS_URL), so several API processes share one budget.

The sliding-window counter keeps two counters per bucket (constant time and memory), where a
moving window would keep one timestamp per request.

A bucket is keyed by the limit's kind (per key, per IP, failed authentication) and the
identity alone, never by the limit's value: processes configured differently (a rolling
change of PIPELINES_RATE_LIMIT_*) still count into one bucket, each judging it against its
own limit.

Redis unreachable: the limits go on per process, in memory (not fail-open: a client is still
limited, by each process separately, so N processes allow up to N times the budget). One
WARNING a minute at most, `pipelines_dependency_errors{dependency="redis"}` counted per failed
call, and Redis is tried again every few seconds (by one request; the others stay in memory
meanwhile), never once per request. Every Redis call is bounded by short timeouts."""

from __future__ import annotations

import asyncio
import functools
import logging
import math
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from limits import RateLimitItem, parse
from limits.aio.strategies import SlidingWindowCounterRateLimiter
from limits.errors import StorageError
from limits.limits import safe_string
from limits.storage import storage_from_string
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from .shared.degraded import Every, redact
from .shared.metrics import DEPENDENCY_ERRORS

log = logging.getLogger(__name__)
T = TypeVar("T")

_FAILED_SET_CAP = 100_000  # addresses remembered as having failed, in memory mode
REDIS_TIMEOUT_SECONDS = 1.0  # connect, read, and the whole call (a slow Redis is a down Redis)
REDIS_RETRY_SECONDS = 5.0  # after a failure, the next try of Redis
WARN_EVERY_SECONDS = 60.0  # at most one "Redis unreachable" warning per this many seconds


@functools.cache
def _identity_keyed(cls: type[RateLimitItem]) -> type[RateLimitItem]:
    # A subclass without its own GRANULARITY: `limits` does not register it in place of `cls`.
    def key_for(self, *identifiers) -> str:
        return "/".join([self.namespace, *(safe_string(i) for i in identifiers)])

    return type(f"IdentityKeyed{cls.__name__}", (cls,), {"key_for": key_for})


def identity_keyed(limit: str, kind: str) -> RateLimitItem:
    """The limit `limit` ("100/minute") whose buckets are keyed `kind/identity...`: the amount
    and the period are not part of the key (`limits` puts them there by default)."""
    item = parse(limit)
    return _identity_keyed(type(item))(item.amount, item.multiples, namespace=kind)


class RateLimits:
    def __init__(
        self,
        per_key: str,
        per_ip: str,
        failed_auth: str,
        redis_url: str = "",
        retry_seconds: float = REDIS_RETRY_SECONDS,
    ):
        self.memory = SlidingWindowCounterRateLimiter(storage_from_string("async+memory://"))
        self.redis: SlidingWindowCounterRateLimiter | None = None
        self.redis_url = redis_url
        if redis_url:
            storage = storage_from_string(
                f"async+{redis_url}",
                key_prefix="pipelines",
                implementation="redispy",
                wrap_exceptions=True,
                socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
                socket_timeout=REDIS_TIMEOUT_SECONDS,
                retry=Retry(NoBackoff(), 0),  # no retries inside a request: we fail over
            )
            self.redis = SlidingWindowCounterRateLimiter(storage)
        self.per_key = identity_keyed(per_key, "per-key")
        self.per_ip = identity_keyed(per_ip, "per-ip")
        self.failed_auth = identity_keyed(failed_auth, "failed-auth")
        self.shared = bool(redis_url)
        self.retry_seconds = retry_seconds
        # Redis state: None while it answers, else why it did not (and when to try again).
        self.redis_error: str | None = None
        self._retry_at = 0.0
        self._warnings = Every(WARN_EVERY_SECONDS)
        # In memory the buckets are this process's own, so the addresses that ever failed
        # authentication here are the only ones that can be blocked: the check of every
        # authenticated request is then a set lookup. With Redis other processes count too.
        self._failed_here: set[str] = set()
        self._check_every_ip = self.shared  # past _FAILED_SET_CAP addresses, check them all

    async def _run(self, op: Callable[[SlidingWindowCounterRateLimiter], Awaitable[T]]) -> T:
        """`op` against Redis while it answers, else against this process's memory."""
        if self.redis is not None:
            now = time.monotonic()
            if self.redis_error is None or now >= self._retry_at:
                # One request tries Redis again; the others meanwhile stay in memory.
                self._retry_at = now + self.retry_seconds
                try:
                    result = await asyncio.wait_for(op(self.redis), REDIS_TIMEOUT_SECONDS)
                except Exception as exc:  # noqa: BLE001 - whatever Redis did, serve from memory
                    self._redis_failed(exc)
                else:
                    if self.redis_error is not None:
                        self.redis_error = None
                        log.warning("Redis answers again: rate limits are shared again")
                    return result
        return await op(self.memory)

    def _redis_failed(self, exc: BaseException) -> None:
        DEPENDENCY_ERRORS.labels(dependency="redis").inc()
        if isinstance(exc, StorageError):  # limits' wrapper: say what Redis said
            exc = exc.storage_error
        self.redis_error = redact(f"{type(exc).__name__}: {exc}".strip(), self.redis_url)
        if self._warnings.allow():
            log.warning(
                "Redis unreachable (%s): rate limits are counted per process, in memory, "
                "until it answers again (tried every %g s)",
                self.redis_error,
                self.retry_seconds,
            )

    async def auth_blocked(self, ip: str) -> int | None:
        """Seconds to wait when `ip` used up its failed-authentication bucket, else None."""
        if not self._check_every_ip and ip not in self._failed_here:
            return None
        return await self.blocked(self.failed_auth, ip)

    async def auth_failed(self, ip: str) -> int | None:
        """Counts a failed (or, for the web UI's sign-in forms, an attempted) authentication;
        returns None when it was within the limit, else the seconds to wait."""
        if not self._check_every_ip:
            if len(self._failed_here) >= _FAILED_SET_CAP:
                # Bounded memory: forget the set, and from now on check every address in the
                # limiter itself (forgetting without that would lift every lockout at once).
                self._check_every_ip = True
                self._failed_here.clear()
            else:
                self._failed_here.add(ip)
        return await self.hit(self.failed_auth, ip)

    @staticmethod
    async def _retry_after(
        strategy: SlidingWindowCounterRateLimiter, item: RateLimitItem, ids: tuple[str, ...]
    ) -> int:
        stats = await strategy.get_window_stats(item, *ids)
        return max(1, math.ceil(stats.reset_time - time.time()))

    async def hit(self, item: RateLimitItem, *ids: str) -> int | None:
        """Counts one request; returns None when allowed, else the seconds to wait."""

        async def op(strategy: SlidingWindowCounterRateLimiter) -> int | None:
            if await strategy.hit(item, *ids):
                return None
            return await self._retry_after(strategy, item, ids)

        return await self._run(op)

    async def blocked(self, item: RateLimitItem, *ids: str) -> int | None:
        """Checks without counting."""

        async def op(strategy: SlidingWindowCounterRateLimiter) -> int | None:
            if await strategy.test(item, *ids):
                return None
            return await self._retry_after(strategy, item, ids)

        return await self._run(op)
