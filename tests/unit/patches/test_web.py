"""One test per connexion/Starlette/werkzeug patch in pipelines_server.patches: each fails
loudly when an upgrade changes what the patch relies on."""

from __future__ import annotations

import asyncio
import inspect
import types

import pytest
from connexion import context as connexion_context
from connexion import security as connexion_security
from connexion import utils as connexion_utils
from connexion.decorators import parameter as connexion_parameter
from connexion.exceptions import BadRequestProblem, OAuthProblem, TypeValidationError
from connexion.frameworks import flask as connexion_flask
from connexion.frameworks import starlette as connexion_starlette
from connexion.middleware import routing as connexion_routing
from connexion.validators import (
    JSONRequestBodyValidator,
    MultiPartFormDataValidator,
    ParameterValidator,
)
from flask import Flask
from starlette import convertors as starlette_convertors
from starlette.routing import compile_path
from werkzeug.exceptions import NotFound
from werkzeug.routing import Map, Rule

from pipelines_server import patches

patches.patch_connexion_and_starlette()


def _run(coro):
    return asyncio.run(coro)


def test_signature_cache_replaces_the_name_connexion_calls_per_request():
    # connexion looks the function up by its module-level name in both modules, and it still
    # answers (argument names, has **kwargs).
    for module in (connexion_parameter, connexion_security):
        source = inspect.getsource(module)
        assert "inspect_function_arguments(" in source, module.__name__
        assert module.inspect_function_arguments is patches._cached_inspect_function_arguments

    def handler(a, b=1, **kw):
        pass

    assert connexion_utils.inspect_function_arguments(handler) == (["a", "b"], True)
    assert patches._cached_inspect_function_arguments(handler) == (["a", "b"], True)


def test_starlette_string_parameters_exclude_colons():
    # Starlette compiles its route regexes from StringConvertor.regex.
    assert starlette_convertors.CONVERTOR_TYPES["str"].regex == patches.NO_COLON_REGEX
    regex, _, _ = compile_path("/experiments/{experiment_id}")
    assert regex.match("/experiments/abc")
    assert regex.match("/experiments/abc:archive") is None


def test_integer_converters_bound_the_digits_both_routers_accept():
    # connexion registers its own IntegerConverters for its Starlette router and its Flask
    # app; their `regex` decides which integer path segments match.
    routing = " ".join(inspect.getsource(connexion_routing).split())
    assert 'register_url_convertor( "int", starlette_utils.IntegerConverter()' in routing
    assert connexion_starlette.IntegerConverter.regex == patches.INTEGER_REGEX
    assert connexion_flask.IntegerConverter.regex == patches.INTEGER_REGEX
    starlette_convertors.register_url_convertor("int", connexion_starlette.IntegerConverter())
    regex, _, convertors = compile_path("/n/{n:int}")
    assert convertors["n"].convert(regex.match("/n/12")["n"]) == 12
    assert regex.match("/n/" + "1" * (patches.MAX_DIGITS + 1)) is None
    urls = Map(
        [Rule("/n/<int:n>", endpoint="n")], converters={"int": connexion_flask.IntegerConverter}
    ).bind("localhost")
    assert urls.match("/n/12")[1] == {"n": 12}
    with pytest.raises(NotFound):
        urls.match("/n/" + "1" * (patches.MAX_DIGITS + 1))


def test_no_colon_converter_keeps_custom_methods_out_of_flask_ids():
    # werkzeug builds a rule's regex from the converter's `regex` attribute.
    url_map = Map(
        [Rule("/e/<eid>", endpoint="plain"), Rule("/e/<eid>:archive", endpoint="archive")],
        converters={"default": patches.NoColonConverter},
    )
    urls = url_map.bind("localhost")
    assert urls.match("/e/x") == ("plain", {"eid": "x"})
    assert urls.match("/e/x:archive") == ("archive", {"eid": "x"})


def test_allowed_methods_reads_flask_rules():
    # The second router reads url_map.iter_rules() and werkzeug's `<converter(args):name>`.
    app = Flask(__name__)
    app.url_map.converters["default"] = patches.NoColonConverter
    app.add_url_rule("/p/<pid>", "get", lambda pid: "", methods=["GET", "DELETE"])
    app.add_url_rule("/p/upload", "upload", lambda: "", methods=["POST"])
    app.add_url_rule("/p/<int(signed=True):n>/x", "int", lambda n: "", methods=["PUT"])
    app.add_url_rule("/e/<eid>:archive", "archive", lambda eid: "", methods=["POST"])
    assert {r.rule for r in app.url_map.iter_rules()} >= {"/p/<pid>", "/p/upload"}
    assert patches.allowed_methods(app, "/p/abc") == "DELETE, GET, HEAD, OPTIONS"
    assert patches.allowed_methods(app, "/p/upload") == "OPTIONS, POST"  # static wins
    assert patches.allowed_methods(app, "/p/-3/x") == "OPTIONS, PUT"
    assert patches.allowed_methods(app, "/e/x:archive") == "OPTIONS, POST"
    assert patches.allowed_methods(app, "/nowhere") is None


def _scope(body: bytes, content_type: bytes = b"application/json") -> dict:
    headers = [(b"content-length", str(len(body)).encode())]
    if content_type:
        headers.append((b"content-type", content_type))
    return {"type": "http", "headers": headers}


def _receive(body: bytes):
    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


class _Json(patches.JsonBodyValidatorHooks):
    seen: list = []

    def parse_body(self, raw, scope):
        self.seen.append(("parse", raw, self.encoding))
        return {"raw": raw.decode(self.encoding)} if raw else None

    def check_body(self, body):
        self.seen.append(("check", body, self.required, type(self.schema).__name__))
        return self.schema_validator.validate(body)

    def missing_body(self):
        return LookupError("missing")


def test_json_body_hooks_are_driven_by_connexions_private_steps():
    # connexion's wrap_receive calls _parse(stream, scope=...) then _validate(body), reads
    # _schema/_required/_encoding/_validator, and raises BadRequestProblem("RequestBody is
    # required") for a required body with no Content-Length.
    for name in ("_parse", "_validate", "wrap_receive"):
        assert name in JSONRequestBodyValidator.__dict__ or hasattr(
            JSONRequestBodyValidator, name
        ), name
    assert list(inspect.signature(JSONRequestBodyValidator._parse).parameters) == [
        "self",
        "stream",
        "scope",
    ]
    assert list(inspect.signature(JSONRequestBodyValidator._validate).parameters) == [
        "self",
        "body",
    ]
    assert "scope" in inspect.signature(JSONRequestBodyValidator.wrap_receive).parameters
    schema = {"type": "object", "properties": {"raw": {"type": "string"}}}
    validator = _Json(schema=schema, required=True, encoding="utf-8", strict_validation=False)
    _Json.seen = []
    _run(validator.wrap_receive(_receive(b"{}"), scope=_scope(b"{}")))
    assert _Json.seen == [("parse", b"{}", "utf-8"), ("check", {"raw": "{}"}, True, "dict")]
    with pytest.raises(LookupError):
        _run(validator.wrap_receive(_receive(b""), scope=_scope(b"")))
    # The text the hook recognizes is still the one connexion raises.
    plain = JSONRequestBodyValidator(
        schema=schema, required=True, encoding="utf-8", strict_validation=False
    )
    with pytest.raises(BadRequestProblem) as caught:
        _run(plain.wrap_receive(_receive(b""), scope=_scope(b"")))
    assert caught.value.detail == patches.MISSING_BODY_DETAIL


def test_form_hook_wraps_connexions_multipart_parse():
    # MultiPartFormDataValidator._parse(stream, scope) is the parsing step wrap_receive calls.
    assert list(inspect.signature(MultiPartFormDataValidator._parse).parameters) == [
        "self",
        "stream",
        "scope",
    ]
    calls = []

    class Form(patches.FormBodyValidatorHooks):
        async def parse_form(self, stream, scope):
            calls.append(scope["type"])
            return await super().parse_form(stream, scope)

    body = b'--b\r\nContent-Disposition: form-data; name="f"\r\n\r\nv\r\n--b--\r\n'
    form = Form(schema={"type": "object"}, encoding="utf-8", strict_validation=False)
    scope = _scope(body, b"multipart/form-data; boundary=b")
    _run(form.wrap_receive(_receive(body), scope=scope))
    assert calls == ["http"]


def test_connexion_still_says_no_authorization_token_for_a_keyless_request():
    verify = connexion_security.SecurityHandlerFactory.verify_security([])
    with pytest.raises(OAuthProblem) as caught:
        _run(verify(None))
    assert patches.is_missing_token(caught.value.detail)
    assert not patches.is_missing_token("Provided apikey is not valid")


def test_connexion_context_outside_an_operation_raises_the_recognized_runtime_error():
    with pytest.raises(RuntimeError) as caught:
        connexion_context.context["token_info"]  # noqa: B018 - the proxy raises on access
    assert patches.is_outside_operation(caught.value)
    assert not patches.is_outside_operation(RuntimeError("something else"))


def test_connexion_type_errors_still_name_the_parameter_in_their_text():
    # A TypeValidationError keeps no attribute naming the parameter: only its text does.
    with pytest.raises(TypeValidationError) as caught:
        connexion_utils.coerce_type({"schema": {"type": "integer"}}, "abc", "query", "page")
    assert patches.wrong_type_parameter(caught.value.detail) == ("query", "page")
    assert patches.wrong_type_parameter("something else") is None


def test_parameter_hooks_see_each_checked_parameter_by_location():
    # connexion's validate_request runs validate_<location>_parameter per parameter, each
    # returning an error text (from validate_parameter) that it raises unnamed.
    seen = []

    class Params(patches.ParameterValidatorHooks):
        @staticmethod
        def validate_parameter(parameter_type, value, param, param_name=None):
            seen.append((parameter_type, param["name"], value))
            return ParameterValidator.validate_parameter(parameter_type, value, param, param_name)

        def parameter_error(self, where, name, error):
            return LookupError(where, name, error)

    enum = {"type": "string", "enum": ["A"]}
    validator = Params(
        [
            {"name": "status", "in": "query", "schema": enum},
            {"name": "node", "in": "path", "schema": {"type": "string"}},
        ],
        uri_parser=None,
    )
    request = types.SimpleNamespace(
        query_params={"status": "A"}, path_params={"node": "n"}, headers={}, cookies={}
    )
    validator.validate_request(request)
    assert seen == [("query", "status", "A"), ("path", "node", "n")]
    request.query_params = {"status": "B"}
    with pytest.raises(LookupError) as caught:
        validator.validate_request(request)
    assert caught.value.args[:2] == ("query", "status") and "'B'" in caught.value.args[2]


# -- an exception escaping a middleware before connexion's ExceptionMiddleware


class _FailingMiddleware:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["path"] == "/boom":
            raise ConnectionError("a dependency went away")
        await self.app(scope, receive, send)


def _app_with_failing_edge(handlers: dict):
    from connexion import FlaskApp
    from connexion.middleware import MiddlewarePosition

    app = FlaskApp(__name__)
    for exc_class, handler in handlers.items():
        app.add_error_handler(exc_class, handler)
    app.add_middleware(_FailingMiddleware, position=MiddlewarePosition.BEFORE_EXCEPTION)
    return app


def test_server_error_middleware_answers_with_the_apps_error_handler():
    # connexion builds its ServerErrorMiddleware without a handler, and Starlette calls its
    # (async) error_response synchronously: unpatched, a TypeError and a plain-text 500.
    from connexion.lifecycle import ConnexionResponse
    from connexion.middleware.server_error import ServerErrorMiddleware

    assert ServerErrorMiddleware.error_response is patches._server_error_response
    seen = []

    def handler(request, exc):
        seen.append((request.url.path, type(exc)))
        return ConnexionResponse(
            status_code=503, body=b'{"error":"edge"}', content_type="application/json"
        )

    async def async_handler(request, exc):
        return handler(request, exc)

    for registered in (handler, async_handler):
        seen.clear()
        app = _app_with_failing_edge({Exception: registered})
        client = app.test_client(raise_server_exceptions=False)
        r = client.get("/boom")
        assert r.status_code == 503, r.text
        assert r.headers["content-type"] == "application/json"
        assert r.json() == {"error": "edge"}
        assert seen == [("/boom", ConnectionError)]


def test_server_error_middleware_without_a_handler_gives_connexions_problem():
    r = _app_with_failing_edge({}).test_client(raise_server_exceptions=False).get("/boom")
    assert r.status_code == 500
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["status"] == 500


def test_app_error_handler_takes_the_nearest_registered_class():
    def general(request, exc): ...
    def specific(request, exc): ...

    app = types.SimpleNamespace(error_handlers=[(Exception, general), (OSError, specific)])
    assert patches.app_error_handler(app, ConnectionError()) is specific
    assert patches.app_error_handler(app, ValueError()) is general
    assert patches.app_error_handler(types.SimpleNamespace(), ValueError()) is None
