"""Every place the server relies on a third-party library's private or undocumented behaviour,
gathered here so that an upgrade has one module to check. Each patch has a test in
tests/unit/patches/ that fails loudly when the library changes what the patch relies on.

No imports from the rest of the server: every layer may use this module."""

from __future__ import annotations

import functools
import re
import sys

from connexion import security as _connexion_security
from connexion import utils as _connexion_utils
from connexion.decorators import parameter as _connexion_parameter
from connexion.exceptions import BadRequestProblem
from connexion.frameworks import flask as _connexion_flask
from connexion.frameworks import starlette as _connexion_starlette
from connexion.middleware import server_error as _connexion_server_error
from connexion.middleware.exceptions import connexion_wrapper
from connexion.validators import (
    JSONRequestBodyValidator,
    MultiPartFormDataValidator,
    ParameterValidator,
)
from starlette import convertors as _starlette_convertors
from werkzeug.routing import UnicodeConverter

# -- connexion and Starlette -----------------------------------------------------------------
# Each item names what it relies on; tests/unit/patches/test_web.py checks every one of them.


@functools.cache
def _signature_of(function) -> tuple[tuple[str, ...], bool]:
    arguments, has_kwargs = _connexion_utils.inspect_function_arguments(function)
    return tuple(arguments), has_kwargs


def _cached_inspect_function_arguments(function) -> tuple[list[str], bool]:
    arguments, has_kwargs = _signature_of(function)
    return list(arguments), has_kwargs


# Integers longer than Python's int-str conversion limit (4,300 digits) made the routers'
# int() raise, a 500.
MAX_DIGITS = sys.get_int_max_str_digits() or 4300
INTEGER_REGEX = f"[+-]?[0-9]{{1,{MAX_DIGITS}}}"
NO_COLON_REGEX = "[^/:]+"


def patch_connexion_and_starlette() -> None:
    """Applied once when the app module is imported:

    - connexion 3.3 runs inspect.signature on the handler and on each security function for
      every request (about a fifth of an authenticated request's CPU here); the signatures of
      these module-level functions never change, so they are computed once. Relies on
      `connexion.decorators.parameter` and `connexion.security` calling their module-level
      name `inspect_function_arguments`.
    - Connexion routes with Starlette before Flask does: its string parameters must not
      swallow upstream KFP's `:archive`-style suffixes, or GET /experiments/x:archive would
      reach the plain GET operation instead of answering 405 (no path parameter of any surface
      contains ':'). Relies on `StringConvertor.regex` being what Starlette compiles routes
      from.
    - An integer path segment longer than the int-str limit does not match (a 404), and any
      shorter one converts and meets its schema's maximum (a 4xx of the surface). Relies on
      connexion's two `IntegerConverter.regex`.
    - An exception escaping a middleware placed before connexion's ExceptionMiddleware (the
      edge: a rate-limit store that fails, say) reaches connexion's ServerErrorMiddleware,
      which connexion builds without a handler. Starlette then calls
      `self.error_response(request, exc)` synchronously and awaits `response(scope, receive,
      send)`; connexion's `error_response` is async (wrapped by `connexion_wrapper`), so that
      is a coroutine: `TypeError: 'coroutine' object is not callable`, and uvicorn's
      plain-text 500. Here `error_response` returns an ASGI response that answers with the
      app's own error handler for the exception (`add_error_handler`: the surface's JSON
      body), else connexion's problem+json 500. Relies on that Starlette call, on connexion
      setting `scope["app"]` to its ConnexionMiddleware, and on that middleware's
      `error_handlers` list of (exception class or status, handler)."""
    _connexion_server_error.ServerErrorMiddleware.error_response = staticmethod(
        _server_error_response
    )
    _connexion_parameter.inspect_function_arguments = _cached_inspect_function_arguments
    _connexion_security.inspect_function_arguments = _cached_inspect_function_arguments
    _starlette_convertors.StringConvertor.regex = NO_COLON_REGEX
    _connexion_starlette.IntegerConverter.regex = INTEGER_REGEX
    _connexion_flask.IntegerConverter.regex = INTEGER_REGEX


_CONNEXION_ERROR_RESPONSE = _connexion_server_error.ServerErrorMiddleware.error_response


def app_error_handler(app, exc: BaseException):
    """The handler `app` (a ConnexionMiddleware) registered for `exc`'s class or its nearest
    base class, or None."""
    handlers = getattr(app, "error_handlers", None) or ()
    for cls in type(exc).__mro__:
        for key, handler in handlers:
            if key is cls:
                return handler
    return None


def _server_error_response(request, exc: Exception):
    """connexion's ServerErrorMiddleware's `error_response`, called synchronously by
    Starlette: an ASGI response that runs the app's error handler (sync or async)."""
    handler = app_error_handler(request.scope.get("app"), exc)
    error_response = connexion_wrapper(handler) if handler else _CONNEXION_ERROR_RESPONSE

    async def respond(scope, receive, send) -> None:
        response = await error_response(request, exc)
        await response(scope, receive, send)

    return respond


class NoColonConverter(UnicodeConverter):
    """Flask's default and `string` path converter, without ':' (see above). Relies on
    werkzeug building its rule regexes from the converter's `regex` attribute."""

    regex = NO_COLON_REGEX


# -- the second router, for a 405's Allow header
_PARAM = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")


def _rule_pattern(rule: str) -> re.Pattern:
    """A Flask rule as a full-match regex. Werkzeug's matcher lets a plain `<id>` segment
    swallow a `:action` suffix, so `/experiments/<id>` would claim `/experiments/x:archive`;
    here a string parameter never contains ':' (upstream KFP's custom methods). Relies on
    werkzeug's `<converter(args):name>` rule syntax and `url_map.iter_rules()`."""
    out, pos = [], 0
    for m in _PARAM.finditer(rule):
        out.append(re.escape(rule[pos : m.start()]))
        converter = m.group(1) or "default"
        out.append(
            {"int": r"-?\d+", "float": r"-?[\d.]+", "path": r".+"}.get(converter, NO_COLON_REGEX)
        )
        pos = m.end()
    out.append(re.escape(rule[pos:]))
    return re.compile("".join(out))


@functools.lru_cache(maxsize=8)
def _route_table(flask_app) -> list[tuple[re.Pattern, frozenset, bool]]:
    return [
        (_rule_pattern(r.rule), frozenset(r.methods or ()), "<" not in r.rule)
        for r in flask_app.url_map.iter_rules()
    ]


def allowed_methods(flask_app, path: str) -> str | None:
    """The Allow header of a 405 (RFC 9110), from the routes the specs declared (connexion's
    405 does not say). A static route wins over a parametrized one (/pipelines/upload is not
    /pipelines/{pipeline_id})."""
    methods: set[str] = set()
    static: set[str] = set()
    for pattern, rule_methods, is_static in _route_table(flask_app):
        if pattern.fullmatch(path):
            methods |= rule_methods
            if is_static:
                static |= rule_methods
    methods = static or methods
    return ", ".join(sorted(methods)) if methods else None


# -- request body validators: connexion's private steps as hooks
# connexion's body validators do their work in private methods (`_parse(stream, scope)`,
# `_validate(body)`) driven by `wrap_receive(receive, *, scope)`, reading private attributes
# (`_schema`, `_required`, `_encoding`, `_validator`). These classes are the only place that
# overrides or reads them; the server subclasses their public hooks.

MISSING_BODY_DETAIL = "RequestBody is required"  # connexion's wrap_receive, no Content-Length


class JsonBodyValidatorHooks(JSONRequestBodyValidator):
    """connexion's JSON body validator with hooks: `parse_body(raw, scope)` turns the raw bytes
    into the body, `check_body(body)` validates it, and `missing_body()` is the exception for a
    required body that connexion finds absent."""

    @property
    def schema(self) -> dict:
        return self._schema

    @property
    def required(self) -> bool:
        return self._required

    @property
    def encoding(self) -> str:
        return self._encoding

    @property
    def schema_validator(self):
        """connexion's (OpenAPI-aware, `nullable` included) validator of the schema."""
        return self._validator

    async def _parse(self, stream, scope):
        return self.parse_body(b"".join([chunk async for chunk in stream]), scope)

    def _validate(self, body):
        return self.check_body(body)

    async def wrap_receive(self, receive, *, scope):
        try:
            return await super().wrap_receive(receive, scope=scope)
        except BadRequestProblem as exc:
            if type(exc) is BadRequestProblem and exc.detail == MISSING_BODY_DETAIL:
                raise self.missing_body() from None
            raise

    def parse_body(self, raw: bytes, scope):  # pragma: no cover - subclasses say
        raise NotImplementedError

    def check_body(self, body):  # pragma: no cover - subclasses say
        raise NotImplementedError

    def missing_body(self) -> Exception:  # pragma: no cover - subclasses say
        raise NotImplementedError


class FormBodyValidatorHooks(MultiPartFormDataValidator):
    """connexion's multipart/form-data validator with a hook around its parsing:
    `parse_form(stream, scope)`, which by default is connexion's own."""

    async def _parse(self, stream, scope):
        return await self.parse_form(stream, scope)

    async def parse_form(self, stream, scope):
        return await MultiPartFormDataValidator._parse(self, stream, scope)


class ParameterValidatorHooks(ParameterValidator):
    """connexion's parameter validator, saying whose error it is: connexion's
    `validate_request` checks each location's parameters in turn with
    `validate_{query,path,header,cookie}_parameter` (each returning an error text) and raises
    the first error without naming the parameter (its `validate_parameter` is called for each
    value). Here each check raises `parameter_error(location, name, error)` itself."""

    def parameter_error(self, where: str, name: str, error: str) -> Exception:
        return BadRequestProblem(detail=error)

    def _located(self, where: str, error: str | None, param: dict) -> None:
        if error:
            raise self.parameter_error(where, param["name"], error)

    def validate_query_parameter(self, param, request):
        self._located("query", super().validate_query_parameter(param, request), param)

    def validate_path_parameter(self, param, request):
        self._located("path", super().validate_path_parameter(param, request), param)

    def validate_header_parameter(self, param, request):
        self._located("header", super().validate_header_parameter(param, request), param)

    def validate_cookie_parameter(self, param, request):
        self._located("cookie", super().validate_cookie_parameter(param, request), param)


# -- exception texts connexion gives no type for


def is_missing_token(detail: str) -> bool:
    """Whether a 401 problem's detail is connexion's for a request that carries no key at all
    (the OAuthProblem type is also that of a rejected key)."""
    return "No authorization token" in str(detail)


def is_outside_operation(exc: BaseException) -> bool:
    """The RuntimeError of connexion's context proxies when Flask's router matched a path
    that connexion's own router did not (a path parameter with a newline, say)."""
    return isinstance(exc, RuntimeError) and "outside of operation context" in str(exc)


_WRONG_TYPE = re.compile(r"for (\w+) parameter '([^']*)'$")


def wrong_type_parameter(detail: str) -> tuple[str, str] | None:
    """(location, name) of the parameter a connexion TypeValidationError is about, read from
    its text ("Wrong type, expected 'integer' for query parameter 'page'"): the exception
    keeps neither."""
    m = _WRONG_TYPE.search(str(detail))
    return (m.group(1), m.group(2)) if m else None


# -- kfp.local -------------------------------------------------------------------------------
# kfp.local decides which tasks of a DAG are ParallelFor loops and which are exit-handler tasks
# with two private functions of its DAG orchestrator; the KFP runner (kfp/dag.py) walks DAGs
# itself but must decide exactly as kfp.local does, so it asks the same functions, here.


def kfp_is_parallel_for(task_spec) -> bool:
    """kfp.local's `_has_valid_iterator`: the task (a PipelineTaskSpec) is a ParallelFor
    loop with items kfp.local can iterate (a raw list or an input parameter, or an input
    artifact)."""
    from kfp.local.orchestrator.enhanced_dag_orchestrator import _has_valid_iterator

    return _has_valid_iterator(task_spec)


def kfp_is_exit_task(task_spec) -> bool:
    """kfp.local's `_has_task_final_status_input`: the task takes a PipelineTaskFinalStatus,
    which only a dsl.ExitHandler's exit task does."""
    from kfp.local.orchestrator.enhanced_dag_orchestrator import _has_task_final_status_input

    return _has_task_final_status_input(task_spec)
