"""The live event stream (Server-Sent Events at /api/events) as an iterator of dicts
{"id", "type", "data"}, resuming after a dropped connection with Last-Event-ID: a reconnecting
reader misses nothing and sees nothing twice.

A reconnect waits first (the client's retry backoff, doubled per failure in a row), whether the
connection dropped, the server could not be reached (a restart) or it ended the stream with
`stream.closed`; `reconnects` failures in a row without an event in between end the stream
with ConnectionFailed."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Iterator

import httpx

from ..errors import ConnectionFailed

PATH = "/api/events"
CLOSED = "stream.closed"


class SseParser:
    """Lines of a text/event-stream in, complete messages out (the WHATWG rules we need)."""

    def __init__(self):
        self._reset()

    def _reset(self) -> None:
        self.id: str | None = None
        self.event: str | None = None
        self.data: list[str] = []

    def feed(self, line: str) -> dict | None:
        if line == "":
            if not self.data and self.event is None:
                return None
            raw = "\n".join(self.data)
            try:
                data = json.loads(raw) if raw else None
            except ValueError:
                data = raw
            message = {"id": self.id, "type": self.event or "message", "data": data}
            self._reset()
            return message
        if line.startswith(":"):
            return None  # a keep-alive comment
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "id":
            self.id = value
        elif name == "event":
            self.event = value
        elif name == "data":
            self.data.append(value)
        return None


class _Resume:
    """What survives a reconnect: the last event id, the time left, the failures in a row."""

    def __init__(self, after, max_seconds, attempts, policy):
        self.last_id = None if after is None else str(after)
        self.deadline = None if max_seconds is None else time.monotonic() + max_seconds
        self.attempts = attempts
        self.policy = policy
        self.failures = 0

    def params(self, task_id, workflow_id) -> dict | None:
        params = {}
        if task_id is not None:
            params["task_id"] = task_id
        if workflow_id is not None:
            params["workflow_id"] = workflow_id
        if self.last_id is not None:
            params["after"] = self.last_id
        if self.deadline is not None:
            left = self.deadline - time.monotonic()
            if left <= 0:
                return None
            params["max_seconds"] = round(left, 3)
        return params

    def headers(self) -> dict:
        return {"Last-Event-ID": self.last_id} if self.last_id is not None else {}

    def seen(self, message: dict) -> None:
        self.failures = 0
        if message["id"] is not None:
            self.last_id = message["id"]

    def dropped(self, error: Exception | None) -> float:
        """One more failure in a row: the seconds to wait before reconnecting, or
        ConnectionFailed past the budget."""
        self.failures += 1
        if self.failures > self.attempts:
            raise ConnectionFailed(f"the event stream kept dropping: {error}") from error
        wait = min(self.policy.max_backoff, self.policy.backoff * 2 ** (self.failures - 1))
        if self.deadline is not None:
            wait = min(wait, max(0.0, self.deadline - time.monotonic()))
        return wait


class _Connection:
    """The lines of one connection in, its events out; notes a server's `stream.closed`."""

    def __init__(self, state: _Resume):
        self.state = state
        self.parser = SseParser()
        self.closed_by_server = False

    def feed(self, line: str) -> dict | None:
        message = self.parser.feed(line)
        if message is None:
            return None
        if message["type"] == CLOSED:
            self.closed_by_server = True
            return None
        self.state.seen(message)
        return message

    def ended_by_max_seconds(self) -> bool:
        """A clean end without `stream.closed` is `max_seconds` running out, when given."""
        return not self.closed_by_server and self.state.deadline is not None


# A connection that broke, or a server that could not be reached (after the transport's own
# retries): both are reconnected, within the budget.
DROPPED = (httpx.RemoteProtocolError, httpx.ReadError, httpx.ReadTimeout, ConnectionFailed)


def _timeout() -> httpx.Timeout:
    # Keep-alives come every 15 s: a read that waits 60 s means the connection is gone.
    return httpx.Timeout(30.0, read=60.0)


class Events:
    def __init__(self, client):
        self._client = client

    def _start(self, after, max_seconds, reconnects) -> _Resume:
        return _Resume(after, max_seconds, reconnects, self._client.retry)

    def stream(
        self,
        *,
        task_id: int | None = None,
        workflow_id: int | None = None,
        after: int | None = None,
        max_seconds: float | None = None,
        reconnects: int = 5,
    ) -> Iterator[dict]:
        """Events as they happen (after `after` when given, else from now). Ends after
        `max_seconds` (over every reconnect); without it, runs until the caller stops."""
        state = self._start(after, max_seconds, reconnects)
        while (params := state.params(task_id, workflow_id)) is not None:
            connection = _Connection(state)
            error = None
            try:
                with self._client.http.stream(
                    "GET", PATH, params=params, headers=state.headers(), timeout=_timeout()
                ) as response:
                    for line in response.iter_lines():
                        if (message := connection.feed(line)) is not None:
                            yield message
                        elif connection.closed_by_server:
                            break
            except DROPPED as exc:
                error = exc
            else:
                if connection.ended_by_max_seconds():
                    return
            self._client.retry.sleep(state.dropped(error))


class AsyncEvents(Events):
    async def stream(
        self,
        *,
        task_id: int | None = None,
        workflow_id: int | None = None,
        after: int | None = None,
        max_seconds: float | None = None,
        reconnects: int = 5,
    ) -> AsyncIterator[dict]:
        state = self._start(after, max_seconds, reconnects)
        while (params := state.params(task_id, workflow_id)) is not None:
            connection = _Connection(state)
            error = None
            try:
                async with self._client.http.stream(
                    "GET", PATH, params=params, headers=state.headers(), timeout=_timeout()
                ) as response:
                    async for line in response.aiter_lines():
                        if (message := connection.feed(line)) is not None:
                            yield message
                        elif connection.closed_by_server:
                            break
            except DROPPED as exc:
                error = exc
            else:
                if connection.ended_by_max_seconds():
                    return
            await self._client.retry.asleep(state.dropped(error))
