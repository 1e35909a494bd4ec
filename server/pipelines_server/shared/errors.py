"""Domain errors: one vocabulary for every surface.

Each surface's error handler maps these onto its own body shape and status code; the
domain itself never knows about HTTP frameworks.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class FieldError:
    """One problem with one input, e.g. a task row's field."""

    message: str
    field_name: str | None = None
    index: int | None = None
    loc: tuple[str | int, ...] = ()


class DomainError(Exception):
    status = 400
    code = "invalid_request"

    def __init__(self, message: str, errors: list[FieldError] | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or []


class BadRequest(DomainError):
    status, code = 400, "invalid_request"


class Unauthorized(DomainError):
    status = 401

    def __init__(self, message: str, code: str = "invalid_api_key"):
        super().__init__(message)
        self.code = code


class Forbidden(DomainError):
    status, code = 403, "forbidden"


class NotFound(DomainError):
    status, code = 404, "not_found"


class Conflict(DomainError):
    status, code = 409, "api_error"


class PayloadTooLarge(DomainError):
    status, code = 413, "payload_too_large"


class ValidationFailed(DomainError):
    status, code = 422, "validation_error"


class RateLimited(DomainError):
    status, code = 429, "rate_limit_exceeded"

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class Unavailable(DomainError):
    status, code = 503, "service_unavailable"
