"""What every resource helper shares: waiting for a final state, with progress and a timeout.

A helper's one-line methods return `client.call(...)` / `client.paginate(...)` as they are, so
one class serves both clients (the async client's calls are awaitables and its pages async
iterators); only helpers made of several calls (waits, batches, uploads) have an async twin.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from ..core import field
from ..errors import WaitTimeout

Progress = Callable[..., None] | None


def status_of(state: Any, name: str = "status") -> str | None:
    value = field(state, name)
    value = getattr(value, "value", value)
    return None if value is None else str(value)


def unset(value: Any) -> Any:
    """None as the generated clients' UNSET (an argument left out)."""
    from pipelines_api.types import UNSET

    return UNSET if value is None else value


def wait(
    read: Callable[[], Any],
    done: Callable[[Any], bool],
    *,
    what: str,
    timeout: float,
    poll: float,
    progress: Callable[[Any], None] | None = None,
) -> Any:
    """Read until `done(state)`; `progress(state)` after each read; WaitTimeout past `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        state = read()
        if progress:
            progress(state)
        if done(state):
            return state
        if time.monotonic() >= deadline:
            raise WaitTimeout(f"{what} not finished after {timeout:g}s", state)
        time.sleep(min(poll, max(0.0, deadline - time.monotonic())))


async def await_wait(
    read: Callable[[], Awaitable[Any]],
    done: Callable[[Any], bool],
    *,
    what: str,
    timeout: float,
    poll: float,
    progress: Callable[[Any], None] | None = None,
) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        state = await read()
        if progress:
            progress(state)
        if done(state):
            return state
        if time.monotonic() >= deadline:
            raise WaitTimeout(f"{what} not finished after {timeout:g}s", state)
        await asyncio.sleep(min(poll, max(0.0, deadline - time.monotonic())))


def counted(progress: Callable[[int, int | None], None] | None) -> Callable[[Any], None] | None:
    """A job's state reported as progress(done, total)."""
    if progress is None:
        return None
    return lambda state: progress(field(state, "done") or 0, field(state, "total"))
