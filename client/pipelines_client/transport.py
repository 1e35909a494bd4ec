"""Retries with backoff under every request of the SDK.

The SDK's httpx clients (and so the generated clients built on them) send through
`RetryTransport` / `AsyncRetryTransport`:

- a request that was never sent (connection refused, connect or pool timeout), and a 429 or
  503 reply, are retried for every method, with exponential backoff and jitter, waiting what
  the server's `Retry-After` asks when it sends one (bounded by `max_wait`);
- a request that may have reached the server (a read timeout, a dropped connection) is sent
  again only when repeating it is safe: a GET/HEAD/OPTIONS/PUT/DELETE, or a POST that carries
  an `Idempotency-Key` (the server replays its first reply instead of doing the work twice).
  Any other POST raises `ConnectionFailed`: it may or may not have happened.

The transport never invents a key: the server honours one only on its creating routes (the
spec's `IdempotencyKey` parameter), and a key on any other POST would make a re-send look safe
when it is not. `Client.call` gives each such operation a fresh key per logical call, kept
across that call's retries.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx

from .errors import ConnectionFailed, retry_after_seconds

RETRY_STATUSES = frozenset({429, 503})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
# Failures in which the request was never sent: always safe to send again.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Failures in which it may have been processed: only an idempotent request is sent again.
MAYBE_SENT = (
    httpx.ReadTimeout,
    httpx.WriteTimeout,
    httpx.WriteError,
    httpx.RemoteProtocolError,
    httpx.ReadError,
)


@dataclass
class RetryPolicy:
    """How many times and how long to retry. `retries=0` sends each request once."""

    retries: int = 4
    backoff: float = 0.5  # first wait in seconds, doubled each retry
    max_backoff: float = 30.0
    max_wait: float = 120.0  # the longest Retry-After honoured; beyond it the error is raised
    jitter: float = 0.25  # +- this fraction of each backoff
    on_retry: Callable[[int, httpx.Request, str, float], None] | None = None
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    # The async transport's wait: a coroutine function, so that waiting never blocks the loop.
    asleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, repr=False)

    def delay(self, attempt: int, response: httpx.Response | None) -> float | None:
        """Seconds to wait before retry number `attempt` (1-based); None to give up."""
        if attempt > self.retries:
            return None
        if response is not None:
            asked = retry_after_seconds(response)
            if asked is not None:
                return asked if asked <= self.max_wait else None
        base = min(self.max_backoff, self.backoff * (2 ** (attempt - 1)))
        return max(0.0, base * (1 + random.uniform(-self.jitter, self.jitter)))


def _repeatable(request: httpx.Request) -> bool:
    return request.method in SAFE_METHODS or "idempotency-key" in request.headers


def _reason(response: httpx.Response | None, error: Exception | None) -> str:
    if response is not None:
        return f"HTTP {response.status_code}"
    return f"{type(error).__name__}: {error}"


class _Retrying:
    """The decision shared by the sync and async transports."""

    def __init__(self, policy: RetryPolicy):
        self.policy = policy

    def next_wait(
        self,
        attempt: int,
        request: httpx.Request,
        response: httpx.Response | None,
        error: Exception | None,
    ) -> float | None:
        if error is not None:
            if isinstance(error, MAYBE_SENT) and not _repeatable(request):
                return None
        elif response is None or response.status_code not in RETRY_STATUSES:
            return None
        wait = self.policy.delay(attempt, response)
        if wait is not None and self.policy.on_retry:
            self.policy.on_retry(attempt, request, _reason(response, error), wait)
        return wait


class RetryTransport(httpx.BaseTransport):
    def __init__(self, policy: RetryPolicy | None = None, inner: httpx.BaseTransport | None = None):
        self.retrying = _Retrying(policy or RetryPolicy())
        self.inner = inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()  # a body sent again must be whole
        attempt = 0
        while True:
            attempt += 1
            response = error = None
            try:
                response = self.inner.handle_request(request)
            except (*NOT_SENT, *MAYBE_SENT) as exc:
                error = exc
            wait = self.retrying.next_wait(attempt, request, response, error)
            if wait is None:
                if error is not None:
                    raise ConnectionFailed(f"{request.method} {request.url}: {error}") from error
                return response
            if response is not None:
                response.close()
            self.retrying.policy.sleep(wait)

    def close(self) -> None:
        self.inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    def __init__(
        self, policy: RetryPolicy | None = None, inner: httpx.AsyncBaseTransport | None = None
    ):
        self.retrying = _Retrying(policy or RetryPolicy())
        self.inner = inner or httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        attempt = 0
        while True:
            attempt += 1
            response = error = None
            try:
                response = await self.inner.handle_async_request(request)
            except (*NOT_SENT, *MAYBE_SENT) as exc:
                error = exc
            wait = self.retrying.next_wait(attempt, request, response, error)
            if wait is None:
                if error is not None:
                    raise ConnectionFailed(f"{request.method} {request.url}: {error}") from error
                return response
            if response is not None:
                await response.aclose()
            await self.retrying.policy.asleep(wait)

    async def aclose(self) -> None:
        await self.inner.aclose()
