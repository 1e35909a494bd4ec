"""A real webhook receiver for http node tests.

It records every request (method, path, headers, JSON body), answers a scripted sequence of
statuses or `Reply`s (then 200), and can delay every answer, echo the JSON body back, or hold
every request after the first N unanswered until the test releases them.

    with WebhookReceiver(script=[503, 200], echo=True) as hook:
        ... call hook.url + "/path" ...
        assert hook.requests[0]["headers"]["idempotency-key"]

As a pytest fixture (a started receiver named `webhook`; set `script`, `delay` or `echo` on
it before the call):

    from tests.support.webhook_receiver import webhook_fixture  # noqa: F401
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from tests.support._server import RecordingServer, Reply

HOLD_LIMIT_SECONDS = 300.0  # a held request is answered after this even without release()


class WebhookReceiver(RecordingServer):
    def __init__(
        self,
        script: list[int | Reply] | None = None,
        echo: bool = False,
        delay: float = 0,
        hold_after: int | None = None,
    ) -> None:
        super().__init__()
        self.script: list[int | Reply] = list(script or [])
        self.echo = echo
        self.delay = delay
        # Requests past the first `hold_after` wait, unanswered, until release(): a test can
        # then know for certain that calls are in flight (their nodes held by a worker).
        self.hold_after = hold_after
        self._released = threading.Event()

    def release(self) -> None:
        """Answers every held request, and every later one at once."""
        self._released.set()

    def stop(self) -> None:
        self._released.set()
        super().stop()

    def respond(self, request: dict, index: int) -> Reply:
        if self.hold_after is not None and index >= self.hold_after:
            self._released.wait(HOLD_LIMIT_SECONDS)
        step = self.script[index] if index < len(self.script) else 200
        if isinstance(step, Reply):
            return step
        body: dict = {"received": index + 1}
        if self.echo:
            body["echo"] = request["json"]
        return Reply(status=step, body=body, delay=self.delay)


@pytest.fixture(name="webhook")
def webhook_fixture() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as receiver:
        yield receiver


__all__ = ["Reply", "WebhookReceiver", "webhook_fixture"]
