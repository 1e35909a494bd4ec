"""A threaded HTTP server on 127.0.0.1 (a free port) that records every request and answers
what a subclass decides. Real sockets, so the code under test runs its real HTTP stack."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted answer. A `body` of bytes is sent as it is; anything else as JSON (with
    content type application/json unless `content_type` says otherwise, then as text)."""

    status: int = 200
    body: Any = None
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (tests of timeouts)

    def encode(self) -> tuple[bytes, str]:
        if isinstance(self.body, bytes):
            return self.body, self.content_type or "application/octet-stream"
        if self.content_type and "json" not in self.content_type:
            return str(self.body if self.body is not None else "").encode(), self.content_type
        return json.dumps(self.body).encode(), self.content_type or "application/json"


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A client that timed out and hung up while a delayed answer was pending is expected.
        pass


class RecordingServer:
    """Records {"method", "path", "headers" (lower-case names), "json", "body"} of every
    request in `requests`, in arrival order. Start it with `with` (or start()/stop())."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._closing = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                text = raw.decode("utf-8", errors="replace")
                try:
                    parsed = json.loads(raw) if raw else None
                except ValueError:
                    parsed = None
                request = {
                    "method": self.command,
                    "path": self.path,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "json": parsed,
                    "body": text,
                }
                with outer._arrived:
                    outer.requests.append(request)
                    index = len(outer.requests) - 1
                    outer._arrived.notify_all()
                reply = outer.respond(request, index)
                if not isinstance(reply, Reply):
                    status, body = reply
                    reply = Reply(status=status, body=body)
                if reply.delay and outer._closing.wait(reply.delay):
                    return  # shutting down
                data, content_type = reply.encode()
                self.send_response(reply.status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

        self._httpd = _HTTPServer(("127.0.0.1", 0), Handler)
        self.port: int = self._httpd.server_address[1]
        # A short poll interval: shutdown() waits up to one interval, once per test.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._started = False

    @property
    def url(self) -> str:
        """The server's root URL, without a trailing slash."""
        return f"http://127.0.0.1:{self.port}"

    def respond(self, request: dict, index: int) -> Reply | tuple[int, Any]:
        raise NotImplementedError

    def wait_for(self, count: int, timeout: float = 10.0) -> list[dict]:
        """The requests, once at least `count` have arrived (AssertionError after timeout)."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self.requests) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{len(self.requests)} requests arrived, expected {count}")
                self._arrived.wait(left)
            return list(self.requests)

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()

    def start(self) -> RecordingServer:
        if not self._started:
            self._started = True
            self._thread.start()
        return self

    def stop(self) -> None:
        self._closing.set()
        if self._started:
            self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
