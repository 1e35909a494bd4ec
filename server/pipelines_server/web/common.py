"""What every surface shares: authentication hooks for connexion, request validators that
tell body errors from parameter errors, and the translation of any exception into one
neutral HttpError that each surface then shapes into its own error body."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

import jsonschema_rs
from connexion.exceptions import (
    BadRequestProblem,
    ProblemException,
    TypeValidationError,
    UnsupportedMediaTypeProblem,
)
from connexion.validators import (
    JSONRequestBodyValidator,
    ParameterValidator,
)
from jsonschema import Draft4Validator, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..domain import keys
from ..runtime import current
from ..shared import jsonsafe
from ..shared.errors import DomainError, FieldError, RateLimited, Unauthorized
from ..shared.principal import Principal

log = logging.getLogger(__name__)


# -- neutral error ---------------------------------------------------------------------------


@dataclass
class HttpError:
    status: int
    code: str
    message: str
    retry_after: int | None = None
    errors: list[FieldError] = field(default_factory=list)
    body_validation: bool = False
    parameter_validation: bool = False


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


class BodyProblem(BadRequestProblem):
    """A request body that does not match its schema (422 on every surface)."""

    def __init__(self, detail: str, loc: tuple = ()):
        super().__init__(detail=detail)
        self.loc = loc


class MalformedBody(BadRequestProblem):
    """A body that is not valid UTF-8 or JSON: 400 on v1, 422 on the native API."""


class ParameterProblem(BadRequestProblem):
    """A path, query or header parameter that does not match its schema."""


def to_http_error(exc: BaseException) -> HttpError:
    if isinstance(exc, DomainError):
        return HttpError(
            exc.status,
            exc.code,
            exc.message,
            retry_after=getattr(exc, "retry_after", None),
            errors=exc.errors,
        )
    if isinstance(exc, BodyProblem):
        return HttpError(
            422,
            "validation_error",
            exc.detail,
            errors=[FieldError(exc.detail, loc=("body",) + tuple(exc.loc))],
            body_validation=True,
        )
    if isinstance(exc, MalformedBody):
        return HttpError(
            400,
            "invalid_request",
            exc.detail,
            errors=[FieldError(exc.detail, loc=("body",))],
            body_validation=True,
        )
    if isinstance(exc, ParameterProblem | TypeValidationError):
        return HttpError(
            400,
            "invalid_request",
            exc.detail,
            errors=[FieldError(exc.detail, loc=("parameters",))],
            parameter_validation=True,
        )
    if isinstance(exc, ProblemException):
        status = exc.status or 500
        detail = exc.detail or exc.title or "Error"
        code = _CODES.get(status, "api_error")
        if status == 401:
            code = (
                "missing_api_key" if "No authorization token" in str(detail) else "invalid_api_key"
            )
            if code == "missing_api_key":
                detail = "No API key was provided (use Authorization: Bearer or X-API-Key)"
        return HttpError(status, code, str(detail))
    if isinstance(exc, StarletteHTTPException):
        status = exc.status_code
        detail = exc.detail if isinstance(exc.detail, str) else "Error"
        if status == 404:
            detail = "Not found"
        return HttpError(status, _CODES.get(status, "api_error"), detail)
    if isinstance(exc, RuntimeError) and "outside of operation context" in str(exc):
        # Flask's router matched a path that connexion's own router did not (a path
        # parameter with a newline, say): for the API that path does not exist.
        return HttpError(404, "not_found", "Not found")
    log.error("unhandled error", exc_info=exc)
    return HttpError(500, "internal_server_error", "Internal server error")


# -- authentication ------------------------------------------------------------------------


def client_ip(scope) -> str:
    client = scope.get("client")
    return client[0] if client else "unknown"


def presented_keys(raw_headers: list[tuple[bytes, bytes]]) -> set[bytes]:
    """Every API key a request carries, read as connexion's security handlers read them
    (`Authorization` split on whitespace, its scheme compared case-insensitively; `X-API-Key`
    as is), from every copy of either header: connexion reads the first header of a name,
    a dict of the headers keeps the last."""
    found: set[bytes] = set()
    for name, value in raw_headers:
        if name == b"x-api-key":
            if value:
                found.add(value)
        elif name == b"authorization":
            parts = value.decode("latin-1").split(maxsplit=1)
            if len(parts) == 2 and parts[0].lower() == "bearer":
                found.add(parts[1].encode("latin-1"))
    return found


CONFLICTING_KEYS = (
    "The request carries different API keys (Authorization: Bearer and X-API-Key, or a "
    "repeated header); send one key, or the same key in both"
)


def _lookup(raw: str) -> tuple[Principal, bool]:
    return current().db.read(lambda conn: keys.lookup(conn, raw))


def _touch(key_id: int) -> None:
    try:
        with current().db.engine.begin() as conn:
            keys.touch(conn, key_id)
    except Exception:  # last-used is informational; never fail or log a request over it
        log.warning("could not record last use of key %s", key_id, exc_info=True)


async def authenticate(raw: str, request) -> dict:
    """The security hook of every protected operation.

    The key lookup is one indexed read and runs right here on the event loop: a thread
    handoff per request costs more than the read itself (measured with `make bench`). The
    debounced last-used write, which can wait for a database lock, goes to a thread."""
    if len(presented_keys(request.scope["headers"])) > 1:
        # connexion would accept whichever scheme succeeds while the edge counted the
        # request per IP (see middleware._bucket): one caller, one key. 401 rather than RFC
        # 6750's 400, since every protected operation declares 401 and few declare 400.
        raise Unauthorized(CONFLICTING_KEYS)
    rt = current()
    ip = client_ip(request.scope)
    retry = await rt.limits.auth_blocked(ip)
    if retry is not None:
        raise RateLimited("Too many failed authentication attempts from this address", retry)
    try:
        principal, due = _lookup(raw)
    except Unauthorized:
        await rt.limits.auth_failed(ip)
        raise
    if due:
        asyncio.get_running_loop().run_in_executor(None, _touch, principal.api_key_id)
    return {"sub": principal.user_id, "principal": principal}


async def bearer_info(token: str, request) -> dict:
    return await authenticate(token, request)


async def apikey_info(apikey: str, required_scopes=None, request=None) -> dict:
    return await authenticate(apikey, request)


def principal() -> Principal:
    from connexion.context import context

    return context["token_info"]["principal"]


# -- validators ------------------------------------------------------------------------------


def _path(error: ValidationError) -> tuple:
    return tuple(error.absolute_path)


_FAST: dict[int, tuple[dict, object]] = {}


def _fast_validator(schema: dict):
    """A compiled (Rust) Draft 4 validator for a request body schema, or None.

    It only ever says "valid": a body it rejects goes through connexion's own validator, which
    knows OpenAPI's `nullable` and writes the error message. For a batch of 5,000 tasks this
    is a few milliseconds instead of about 200."""
    cached = _FAST.get(id(schema))
    if cached is None or cached[0] is not schema:
        try:
            compiled = jsonschema_rs.Draft4Validator(schema, validate_formats=True)
        except Exception:  # a schema it cannot compile: connexion's validator does it all
            compiled = None
        cached = (schema, compiled)
        _FAST[id(schema)] = cached
    return cached[1]


def has_content_type(scope) -> bool:
    return any(name == b"content-type" for name, _ in scope.get("headers", ()))


def no_content_type() -> UnsupportedMediaTypeProblem:
    # connexion would validate such a body as the operation's first media type while the
    # handler, seeing no Content-Type, got raw bytes: say what to send instead.
    return UnsupportedMediaTypeProblem(
        detail="The request has a body but no Content-Type header; send Content-Type: "
        "application/json (multipart/form-data for a package upload)"
    )


class BodyValidator(JSONRequestBodyValidator):
    """JSON bodies: bad encoding or JSON is a 400; a schema mismatch is a 422 naming where."""

    async def _parse(self, stream, scope):
        raw = b"".join([chunk async for chunk in stream])
        if raw and not has_content_type(scope):
            raise no_content_type()
        try:
            text = raw.decode(self._encoding)
        except (UnicodeDecodeError, LookupError):
            raise MalformedBody(detail="Request body is not valid UTF-8") from None
        if not text:
            return None
        try:
            return jsonsafe.loads(text)
        except jsonsafe.BadJson as exc:
            if exc.unstorable:  # well-formed JSON whose strings no store can keep
                raise BodyProblem(exc.message, loc=exc.loc) from None
            where = ".".join(str(p) for p in exc.loc)
            raise MalformedBody(
                detail=f"Request body is not valid JSON: {where + ': ' if where else ''}"
                f"{exc.message}"
            ) from None

    async def wrap_receive(self, receive, *, scope):
        try:
            return await super().wrap_receive(receive, scope=scope)
        except BodyProblem:
            raise
        except BadRequestProblem as exc:
            if exc.detail == "RequestBody is required":
                raise BodyProblem("Request body is required") from None
            raise

    def _validate(self, body):
        if body is None:
            if self._required:
                raise BodyProblem("Request body is required")
            return None
        fast = _fast_validator(self._schema)
        if fast is not None and fast.is_valid(body):
            return None  # the compiled validator agrees: no need for the slow walk
        try:
            return self._validator.validate(body)
        except ValidationError as exc:
            where = ".".join(str(p) for p in _path(exc))
            raise BodyProblem(
                f"{where + ': ' if where else ''}{exc.message}", loc=_path(exc)
            ) from None


_VALIDATORS: dict[int, tuple[dict, Draft4Validator]] = {}


def _param_validator(schema: dict) -> Draft4Validator:
    """One compiled validator per parameter schema (the spec's schemas live as long as the
    app), instead of building one per request."""
    cached = _VALIDATORS.get(id(schema))
    if cached is None or cached[0] is not schema:
        cached = (schema, Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER))
        _VALIDATORS[id(schema)] = cached
    return cached[1]


class ParamValidator(ParameterValidator):
    @staticmethod
    def validate_parameter(parameter_type, value, param, param_name=None):
        schema = param.get("schema", param)
        if value is not None and "enum" in schema and not isinstance(value, list):
            if value not in schema["enum"]:
                name = param_name or param.get("name")
                return (
                    f"Invalid value {value!r} for {parameter_type} parameter {name!r}. "
                    "Accepted values: " + ", ".join(str(v) for v in schema["enum"])
                )
        if value is not None:
            try:
                _param_validator(schema).validate(value)
            except ValidationError as exc:
                name = param_name or param.get("name")
                return f"Invalid {parameter_type} parameter {name!r}: {exc.message}"
            return None
        return ParameterValidator.validate_parameter(parameter_type, value, param, param_name)

    def validate_request(self, request):
        try:
            super().validate_request(request)
        except BadRequestProblem as exc:
            raise ParameterProblem(detail=exc.detail) from None
