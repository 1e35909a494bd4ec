"""The HTTP protocol uvicorn serves with: its httptools protocol, with a bound on the bytes a
request may send before its headers end.

httptools (uvicorn[standard]) has no header size limit of its own: a client could send
megabytes of headers and the server would buffer them all. The edge middleware answers a
request whose headers exceed PIPELINES_MAX_HEADER_BYTES with a 431 in its surface's error body;
this protocol stops reading a request head long before it grows large enough to matter (that
limit plus 64 KiB for the request line and the read size), answering the same 431 itself and
closing the connection. Without httptools uvicorn's h11 protocol is used, bounded by its own
`h11_max_incomplete_event_size` (answered with h11's plain-text 400)."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from ..settings import Settings
from . import surfaces

SLACK_BYTES = 64 * 1024


def header_limit() -> int:
    return Settings.from_env().max_header_bytes


def head_limit(max_header_bytes: int) -> int:
    return max_header_bytes + SLACK_BYTES


try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # pragma: no cover - uvicorn without httptools
    HttpToolsProtocol = None


def uvicorn_http_options() -> dict:
    """The `http` (and h11) options for uvicorn.run."""
    if HttpToolsProtocol is None:  # pragma: no cover
        return {"http": "h11", "h11_max_incomplete_event_size": head_limit(header_limit())}
    return {"http": BoundedHeadProtocol}


if HttpToolsProtocol is not None:

    class BoundedHeadProtocol(HttpToolsProtocol):
        _limit: int | None = None

        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            if BoundedHeadProtocol._limit is None:
                BoundedHeadProtocol._limit = head_limit(header_limit())
            self._in_head = True
            self._head_bytes = 0

        def on_headers_complete(self) -> None:
            self._in_head = False
            self._head_bytes = 0
            super().on_headers_complete()

        def on_message_complete(self) -> None:
            super().on_message_complete()
            self._in_head = True

        def data_received(self, data: bytes) -> None:
            if self._in_head:
                room = self._limit - self._head_bytes
                self._head_bytes += len(data)
                if self._head_bytes > self._limit:
                    # Parse what fits (the request line, so that the answer takes the error
                    # shape of the URL's surface), then refuse the rest.
                    if room > 0:
                        super().data_received(data[:room])
                    if self._in_head:
                        self._reject()
                        return
                    data = data[room:]  # the head ended within the limit after all
            super().data_received(data)

        def _reject(self) -> None:
            if self.transport.is_closing():
                return
            if self.cycle is not None and not self.cycle.response_complete:
                self.transport.close()  # a response is still being written: just hang up
                return
            try:
                path = urlsplit(self.url.decode("latin-1")).path
            except Exception:  # noqa: BLE001 - a request line too mangled to read
                path = ""
            status, body, headers = error_for(path, header_limit())
            payload = json.dumps(body).encode()
            lines = [
                f"HTTP/1.1 {status} Request Header Fields Too Large",
                "content-type: application/json",
                f"content-length: {len(payload)}",
                "connection: close",
                *(f"{k.lower()}: {v}" for k, v in headers.items()),
            ]
            self.transport.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + payload)
            self.transport.close()


def too_large_error(limit: int):
    from ..web.errors import HttpError

    return HttpError(
        431,
        "request_header_fields_too_large",
        f"Request headers exceed the limit of {limit} bytes",
    )


def error_for(path: str, limit: int) -> tuple[int, dict, dict[str, str]]:
    """(status, body, headers) of the 431 in the error shape of the surface `path` is on."""
    surface = surfaces.find(path)
    status, body, headers = surfaces.shape(surface, too_large_error(limit))
    return status, body, {**(surface.headers if surface else {}), **headers}
