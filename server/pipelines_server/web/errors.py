"""Any exception raised while serving a request, as one neutral HttpError that each surface
then shapes into its own error body."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from connexion.exceptions import BadRequestProblem, ProblemException, TypeValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..patches import is_missing_token, is_outside_operation, wrong_type_parameter
from ..shared.errors import DomainError, FieldError

log = logging.getLogger(__name__)


@dataclass
class HttpError:
    status: int
    code: str
    message: str
    retry_after: int | None = None
    errors: list[FieldError] = field(default_factory=list)
    body_validation: bool = False
    parameter_validation: bool = False
    # The validator's own words for a refused request (which check, on what value), for a
    # surface that names the kind of failure (Pipelit's FastAPI-style 422 list).
    problem: RequestProblem | None = None


_CODES = {
    400: "invalid_request",
    401: "invalid_api_key",
    403: "forbidden",
    404: "not_found",
    405: "invalid_request",
    406: "invalid_request",
    409: "api_error",
    413: "payload_too_large",
    415: "invalid_request",
    422: "validation_error",
    429: "rate_limit_exceeded",
    500: "internal_server_error",
    503: "service_unavailable",
}


class RequestProblem(BadRequestProblem):
    """A request the validators refuse, located: `loc` is the path in the body for a body
    problem, (location, name) for a parameter."""

    reply = (400, "invalid_request")
    in_body = True

    def __init__(
        self,
        detail: str,
        loc: tuple = (),
        validator: str | None = None,
        validator_value: object = None,
        instance: object = None,
        schema: dict | None = None,
    ):
        super().__init__(detail=detail)
        self.loc = loc
        # What failed, as jsonschema names it ("required", "enum", "minLength", ...; "type"
        # for a parameter that is not of its type, "json" for a body that does not parse),
        # the schema's value for it, the value refused, and the schema that refused it.
        self.validator = validator
        self.validator_value = validator_value
        self.instance = instance
        self.schema = schema or {}


class BodyProblem(RequestProblem):
    """A request body that does not match its schema (422 on every surface)."""

    reply = (422, "validation_error")


class MalformedBody(RequestProblem):
    """A body that is not valid UTF-8 or JSON: 400 on v1, 422 on the native API."""


class ParameterProblem(RequestProblem):
    """A path, query or header parameter that does not match its schema; `loc` names it,
    e.g. ("query", "status")."""

    in_body = False

    def __init__(self, detail: str, loc: tuple = ("parameters",), **why):
        super().__init__(detail, loc, **why)


def to_http_error(exc: BaseException) -> HttpError:
    if isinstance(exc, DomainError):
        return HttpError(
            exc.status,
            exc.code,
            exc.message,
            retry_after=getattr(exc, "retry_after", None),
            errors=exc.errors,
        )
    if isinstance(exc, TypeValidationError):  # connexion's, for a parameter of the wrong type
        exc = ParameterProblem(exc.detail, wrong_type_parameter(exc.detail) or ("parameters",))
    if isinstance(exc, RequestProblem):
        status, code = exc.reply
        loc = ("body", *exc.loc) if exc.in_body else tuple(exc.loc)
        return HttpError(
            status,
            code,
            exc.detail,
            errors=[FieldError(exc.detail, loc=loc)],
            body_validation=exc.in_body,
            parameter_validation=not exc.in_body,
            problem=exc,
        )
    if isinstance(exc, ProblemException):
        status = exc.status or 500
        detail = exc.detail or exc.title or "Error"
        code = _CODES.get(status, "api_error")
        if status == 401:
            code = "missing_api_key" if is_missing_token(detail) else "invalid_api_key"
            if code == "missing_api_key":
                detail = "No API key was provided (use Authorization: Bearer or X-API-Key)"
        return HttpError(status, code, str(detail))
    if isinstance(exc, StarletteHTTPException):
        status = exc.status_code
        detail = exc.detail if isinstance(exc.detail, str) else "Error"
        if status == 404:
            detail = "Not found"
        return HttpError(status, _CODES.get(status, "api_error"), detail)
    if is_outside_operation(exc):
        # Flask's router matched a path that connexion's own router did not (a path
        # parameter with a newline, say): for the API that path does not exist.
        return HttpError(404, "not_found", "Not found")
    log.error("unhandled error", exc_info=exc)
    return HttpError(500, "internal_server_error", "Internal server error")
