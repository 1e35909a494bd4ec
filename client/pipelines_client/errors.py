"""Errors as exception classes by status, carrying the server's own message.

Every surface words its errors differently: the native API and Pipelit send `{"detail": ...}`
(a string or a list of validation issues), the External API v1 `{"error", "message"}`, the KFP
surface `{"error", "message", "code"}`. `ApiError.message` is the server's sentence in each case.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx


class PipelinesError(Exception):
    """Base of every error this SDK raises."""


class ConnectionFailed(PipelinesError):
    """The server could not be reached, after every retry."""


class InvalidFile(PipelinesError, ValueError):
    """A file given to a helper cannot be read or is not in the expected format."""


class Ambiguous(PipelinesError, LookupError):
    """A name matches more than one thing (say, several workflows of one name)."""


class WaitTimeout(PipelinesError, TimeoutError):
    """A wait_for_* helper gave up: the thing waited for is still not in a final state."""

    def __init__(self, message: str, last: Any = None):
        super().__init__(message)
        self.last = last  # the last state read, for the caller to inspect


class ApiError(PipelinesError):
    """The server answered with an error status."""

    status: int = 0

    def __init__(self, status: int, message: str, body: Any = None, response=None):
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message
        self.body = body
        self.response = response

    @property
    def retry_after(self) -> float | None:
        return retry_after_seconds(self.response) if self.response is not None else None


class BadRequest(ApiError):
    status = 400


class Unauthorized(ApiError):
    status = 401


class Forbidden(ApiError):
    status = 403


class NotFound(ApiError):
    status = 404


class Conflict(ApiError):
    status = 409


class Gone(ApiError):
    status = 410


class PayloadTooLarge(ApiError):
    status = 413


class ValidationFailed(ApiError):
    """422: the body or parameters break the contract; `issues` lists each reason."""

    status = 422

    @property
    def issues(self) -> list:
        detail = self.body.get("detail") if isinstance(self.body, dict) else None
        if isinstance(detail, list):
            return detail
        if isinstance(self.body, dict) and isinstance(self.body.get("errors"), list):
            return self.body["errors"]
        return []


class RateLimited(ApiError):
    status = 429


class ServerError(ApiError):
    status = 500


class ServiceUnavailable(ServerError):
    status = 503


_BY_STATUS: dict[int, type[ApiError]] = {
    cls.status: cls
    for cls in (
        BadRequest,
        Unauthorized,
        Forbidden,
        NotFound,
        Conflict,
        Gone,
        PayloadTooLarge,
        ValidationFailed,
        RateLimited,
        ServiceUnavailable,
    )
}


def issue_text(issue: Any) -> str:
    """One validation issue as `where: what` (`body.graph.nodes.1.kind: ...`), whichever shape
    the surface gives it ({"loc", "msg"}, {"field", "message"}, {"path"}, {"node"})."""
    if not isinstance(issue, dict):
        return str(issue)
    where = issue.get("loc") or issue.get("field") or issue.get("path") or issue.get("node")
    text = issue.get("msg") or issue.get("message") or issue
    if isinstance(where, (list, tuple)):
        where = ".".join(str(part) for part in where)
    return f"{where}: {text}" if where else str(text)


def server_message(body: Any, fallback: str) -> str:
    """The human sentence of an error body, whichever surface sent it."""
    if isinstance(body, dict):
        detail = body.get("detail")
        if isinstance(detail, str):
            return detail
        if isinstance(detail, list) and detail:
            return "; ".join(issue_text(issue) for issue in detail)
        if isinstance(detail, dict):
            return str(detail)
        for key in ("message", "error"):
            if isinstance(body.get(key), str) and body[key]:
                return body[key]
    if isinstance(body, str) and body.strip():
        return body.strip()[:500]
    return fallback


def error_for(response: httpx.Response) -> ApiError:
    """The exception for an error response (status >= 400)."""
    try:
        body: Any = response.json()
    except ValueError:
        body = response.text
    status = response.status_code
    cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else ApiError)
    return cls(status, server_message(body, response.reason_phrase or "error"), body, response)


def raise_for_status(response: httpx.Response) -> httpx.Response:
    if response.status_code >= 400:
        raise error_for(response)
    return response


def retry_after_seconds(response: httpx.Response) -> float | None:
    """`Retry-After` as seconds: a number of seconds or an HTTP date (RFC 9110)."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
