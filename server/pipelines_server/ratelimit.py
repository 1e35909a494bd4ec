"""Rate limits through the `limits` library: in memory by default, Redis when configured
(PIPELINES_REDIS_URL), so several API processes share one budget.

The sliding-window counter keeps two counters per bucket (constant time and memory), where a
moving window would keep one timestamp per request."""

from __future__ import annotations

import math
import time

from limits import RateLimitItem, parse
from limits.aio.strategies import SlidingWindowCounterRateLimiter
from limits.storage import storage_from_string

_FAILED_SET_CAP = 100_000  # addresses remembered as having failed, in memory mode


class RateLimits:
    def __init__(self, per_key: str, per_ip: str, failed_auth: str, redis_url: str = ""):
        uri = f"async+{redis_url}" if redis_url else "async+memory://"
        options = {"implementation": "redispy"} if redis_url else {}
        self.storage = (
            storage_from_string(uri, key_prefix="pipelines", **options)
            if redis_url
            else storage_from_string(uri)
        )
        self.strategy = SlidingWindowCounterRateLimiter(self.storage)
        self.per_key = parse(per_key)
        self.per_ip = parse(per_ip)
        self.failed_auth = parse(failed_auth)
        self.shared = bool(redis_url)
        # In memory the buckets are this process's own, so the addresses that ever failed
        # authentication here are the only ones that can be blocked: the check of every
        # authenticated request is then a set lookup. With Redis other processes count too.
        self._failed_here: set[str] = set()
        self._check_every_ip = self.shared  # past _FAILED_SET_CAP addresses, check them all

    async def auth_blocked(self, ip: str) -> int | None:
        """Seconds to wait when `ip` used up its failed-authentication bucket, else None."""
        if not self._check_every_ip and ip not in self._failed_here:
            return None
        return await self.blocked(self.failed_auth, "failed-auth", ip)

    async def auth_failed(self, ip: str) -> None:
        if not self._check_every_ip:
            if len(self._failed_here) >= _FAILED_SET_CAP:
                # Bounded memory: forget the set, and from now on check every address in the
                # limiter itself (forgetting without that would lift every lockout at once).
                self._check_every_ip = True
                self._failed_here.clear()
            else:
                self._failed_here.add(ip)
        await self.hit(self.failed_auth, "failed-auth", ip)

    async def _retry_after(self, item: RateLimitItem, *ids: str) -> int:
        stats = await self.strategy.get_window_stats(item, *ids)
        return max(1, math.ceil(stats.reset_time - time.time()))

    async def hit(self, item: RateLimitItem, *ids: str) -> int | None:
        """Counts one request; returns None when allowed, else the seconds to wait."""
        if await self.strategy.hit(item, *ids):
            return None
        return await self._retry_after(item, *ids)

    async def blocked(self, item: RateLimitItem, *ids: str) -> int | None:
        """Checks without counting."""
        if await self.strategy.test(item, *ids):
            return None
        return await self._retry_after(item, *ids)
