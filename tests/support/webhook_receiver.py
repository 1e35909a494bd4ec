"""A real webhook receiver for http node tests: records requests, answers a scripted
sequence of statuses (then 200), and optionally echoes the JSON body back."""

from __future__ import annotations

import time

from tests.support._server import RecordingServer


class WebhookReceiver(RecordingServer):
    def __init__(self, script: list[int] | None = None, echo: bool = False, delay: float = 0):
        super().__init__()
        self.script = list(script or [])
        self.echo = echo
        self.delay = delay

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def respond(self, request: dict, index: int) -> tuple[int, object]:
        if self.delay:
            time.sleep(self.delay)
        status = self.script[index] if index < len(self.script) else 200
        reply: dict = {"received": index + 1}
        if self.echo:
            reply["echo"] = request["json"]
        return status, reply
