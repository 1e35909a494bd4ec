"""A real webhook receiver for http node tests.

It records every request (method, path, headers, JSON body), answers a scripted sequence of
statuses or `Reply`s (then 200), and can delay every answer or echo the JSON body back.

    with WebhookReceiver(script=[503, 200], echo=True) as hook:
        ... call hook.url + "/path" ...
        assert hook.requests[0]["headers"]["idempotency-key"]

As a pytest fixture (a started receiver named `webhook`; set `script`, `delay` or `echo` on
it before the call):

    from tests.support.webhook_receiver import webhook_fixture  # noqa: F401
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support._server import RecordingServer, Reply


class WebhookReceiver(RecordingServer):
    def __init__(
        self, script: list[int | Reply] | None = None, echo: bool = False, delay: float = 0
    ) -> None:
        super().__init__()
        self.script: list[int | Reply] = list(script or [])
        self.echo = echo
        self.delay = delay

    def respond(self, request: dict, index: int) -> Reply:
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
