"""Working around a dependency that is down (Redis, the broker): its warnings throttled, so
that an outage is one line a minute and not one per request, and its URL's password kept
out of every message."""

from __future__ import annotations

import math
import threading
import time
from urllib.parse import unquote, urlsplit


class Every:
    """At most one `allow()` per `seconds` (the first call is allowed)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._last = -math.inf
        self._lock = threading.Lock()

    def allow(self) -> bool:
        with self._lock:
            now = time.monotonic()
            if now - self._last < self.seconds:
                return False
            self._last = now
            return True


def redact(text: str, url: str) -> str:
    """`text` without the password of `url`, as written in it or decoded (an error message
    may quote either)."""
    password = urlsplit(url).password if url else None
    if not password:
        return text
    for form in {password, unquote(password)}:
        if form:
            text = text.replace(form, "***")
    return text
