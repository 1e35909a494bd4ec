"""What every resource helper shares: waiting for a final state, with progress and a timeout.

A helper's one-line methods return `client.call(...)` / `client.paginate(...)` as they are, so
one class serves both clients (the async client's calls are awaitables and its pages async
iterators); only helpers made of several calls (waits, batches, uploads) have an async twin.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Callable
from dataclasses import dataclass
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


# The shortest pause between two reads of a wait: poll=0 must not spin on the server.
MIN_POLL = 0.05


@dataclass
class Waiting:
    """The steps of one wait, shared by the sync and async helpers: `read()` (a value, or an
    awaitable of one with the async client) until `done(state)`; `progress(state)` after each
    read; WaitTimeout (with `.last`) once `timeout` seconds have passed.

    The deadline is checked between reads: a read that is slow (retried, or waiting for its
    own HTTP timeout) may end a little after it. A helper builds one and hands it to
    `self._finish`, which is `Waiting.run` on a sync helper and `Waiting.arun` on an async one,
    so that one method serves both."""

    read: Callable[[], Any]
    done: Callable[[Any], bool]
    what: str
    timeout: float
    poll: float
    progress: Callable[[Any], None] | None = None

    def _after_read(self, state: Any, deadline: float) -> float | None:
        """None when the wait is over (returns state); else seconds to pause."""
        if self.progress:
            self.progress(state)
        if self.done(state):
            return None
        left = deadline - time.monotonic()
        if left <= 0:
            raise WaitTimeout(f"{self.what} not finished after {self.timeout:g}s", state)
        return min(max(self.poll, MIN_POLL), left)

    def run(self) -> Any:
        deadline = time.monotonic() + self.timeout
        while True:
            state = self.read()
            pause = self._after_read(state, deadline)
            if pause is None:
                return state
            time.sleep(pause)

    async def arun(self) -> Any:
        deadline = time.monotonic() + self.timeout
        while True:
            state = self.read()
            if inspect.isawaitable(state):
                state = await state
            pause = self._after_read(state, deadline)
            if pause is None:
                return state
            await asyncio.sleep(pause)


def wait(read, done, *, what: str, timeout: float, poll: float, progress=None) -> Any:
    """Read until `done(state)` (see Waiting)."""
    return Waiting(read, done, what, timeout, poll, progress).run()


async def await_wait(read, done, *, what: str, timeout: float, poll: float, progress=None) -> Any:
    return await Waiting(read, done, what, timeout, poll, progress).arun()


def then(value: Any, use: Callable[[Any], Any]) -> Any:
    """`use(value)`, or with the async client (value an awaitable) an awaitable of it: lets one
    method that post-processes a single call serve both clients."""
    if inspect.isawaitable(value):

        async def later() -> Any:
            return use(await value)

        return later()
    return use(value)


class Resource:
    """A helper on a client; `_finish` runs its waits (sync here, async in AsyncResource)."""

    _finish = staticmethod(Waiting.run)

    def __init__(self, client):
        self._client = client


class AsyncResource(Resource):
    _finish = staticmethod(Waiting.arun)


def counted(progress: Callable[[int, int | None], None] | None) -> Callable[[Any], None] | None:
    """A job's state reported as progress(done, total)."""
    if progress is None:
        return None
    return lambda state: progress(field(state, "done") or 0, field(state, "total"))
