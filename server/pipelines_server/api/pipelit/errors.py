"""The Pipelit error body: {"detail": "..."} with Pipelit's exact strings; FastAPI's 422 list
{"detail": [{type, loc, msg, input, ctx?}]} for a request that does not match its schema,
with pydantic's error types; the edge type check's {"detail": {"validation_errors": [...]}};
the framework's own "Not Found", "Method Not Allowed" and "Not authenticated"."""

from __future__ import annotations

import re

from ...web.errors import HttpError, RequestProblem

EDGE_VALIDATION = "pipelit_edge_validation"
NOT_AUTHENTICATED = "Not authenticated"
INT_PARSING = "Input should be a valid integer, unable to parse string as an integer"

# connexion's words for a header that is not `Bearer <token>` (FastAPI's HTTPBearer: one 401)
_NO_BEARER = {"Invalid authorization header", "No authorization token provided"}

_TYPE_ERRORS = {  # JSON schema type -> pydantic's error type and message
    "string": ("string_type", "Input should be a valid string"),
    "integer": ("int_type", "Input should be a valid integer"),
    "number": ("float_type", "Input should be a valid number"),
    "boolean": ("bool_type", "Input should be a valid boolean"),
    "object": ("dict_type", "Input should be a valid dictionary"),
    "array": ("list_type", "Input should be a valid list"),
}


_PARSING = {  # a parameter's text that does not parse as its type
    "integer": ("int_parsing", INT_PARSING),
    "number": (
        "float_parsing",
        "Input should be a valid number, unable to parse string as a number",
    ),
    "boolean": ("bool_parsing", "Input should be a valid boolean, unable to interpret input"),
}


def _quoted_choices(values) -> str:
    quoted = [f"'{v}'" for v in values if v is not None]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _plural(n, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _item(type_: str, loc: list, msg: str, input_, ctx: dict | None = None) -> dict:
    item = {"type": type_, "loc": loc, "msg": msg, "input": input_}
    if ctx is not None:
        item["ctx"] = ctx
    return item


def problem_item(problem: RequestProblem, loc: list) -> dict:
    """One FastAPI error item for a request the validators refused."""
    kind = problem.validator
    value = problem.validator_value
    given = problem.instance
    if kind == "json":
        return _item("json_invalid", ["body", 0], "JSON decode error", {}, {"error": value or ""})
    if kind == "required":
        if not problem.loc and value is None:  # no body at all
            return _item("missing", ["body"], "Field required", None)
        missing = _first_missing(value, given)
        return _item("missing", [*loc, missing], "Field required", given)
    if kind == "type":
        if isinstance(value, tuple):  # a parameter that does not convert to its type
            m = re.search(r"expected '(\w+)'", problem.detail)
            type_, msg = _PARSING.get(m.group(1) if m else "integer", _PARSING["integer"])
            return _item(type_, list(value), msg, given)
        expected = value if isinstance(value, str) else (value or ["string"])[0]
        if not problem.in_body and expected in _PARSING:  # a query value is text first
            return _item(_PARSING[expected][0], loc, _PARSING[expected][1], given)
        type_, msg = _TYPE_ERRORS.get(expected, ("value_error", "Value error, invalid type"))
        return _item(type_, loc, msg, given)
    if kind == "enum":
        choices = _quoted_choices(value or [])
        return _item(
            "literal_error", loc, f"Input should be {choices}", given, {"expected": choices}
        )
    if kind in ("minimum", "maximum"):
        exclusive = bool(problem.schema.get("exclusiveM" + kind[1:]))
        if kind == "minimum":
            type_, words, key = (
                ("greater_than", "greater than", "gt")
                if exclusive
                else ("greater_than_equal", "greater than or equal to", "ge")
            )
        else:
            type_, words, key = (
                ("less_than", "less than", "lt")
                if exclusive
                else ("less_than_equal", "less than or equal to", "le")
            )
        return _item(type_, loc, f"Input should be {words} {value}", given, {key: value})
    if kind == "minLength":
        msg = f"String should have at least {_plural(value, 'character')}"
        return _item("string_too_short", loc, msg, given, {"min_length": value})
    if kind == "maxLength":
        msg = f"String should have at most {_plural(value, 'character')}"
        return _item("string_too_long", loc, msg, given, {"max_length": value})
    if kind == "pattern":
        msg = f"String should match pattern '{value}'"
        return _item("string_pattern_mismatch", loc, msg, given, {"pattern": value})
    return _item("value_error", loc, f"Value error, {problem.detail}", given, {"error": {}})


def _first_missing(required, given) -> str:
    have = given if isinstance(given, dict) else {}
    for name in required or ():
        if name not in have:
            return name
    return ""


def shape(err: HttpError) -> tuple[int, dict, dict[str, str]]:
    headers: dict[str, str] = {}
    status = err.status
    if err.body_validation or err.parameter_validation:
        status = 422
    detail: object = err.message
    if err.problem is not None and status == 422:
        loc = list(err.errors[0].loc) if err.errors else ["body"]
        detail = [problem_item(err.problem, loc)]
    elif err.code == EDGE_VALIDATION:
        detail = {"validation_errors": [e.message for e in err.errors] or [err.message]}
    elif status == 422 and err.errors:
        detail = [
            _item(
                "value_error",
                list(e.loc) or ["body", *([e.field_name] if e.field_name else [])],
                f"Value error, {e.message}",
                None,
                {"error": {}},
            )
            for e in err.errors
        ]
    elif status == 401 and (err.code == "missing_api_key" or err.message in _NO_BEARER):
        detail = NOT_AUTHENTICATED
        headers["WWW-Authenticate"] = "Bearer"
    elif status == 404 and err.message == "Not found":  # the router's, not a domain's
        detail = "Not Found"
    elif status == 405:
        detail = "Method Not Allowed"
    elif status == 500:
        detail = "Internal Server Error"
    if status == 429 and err.retry_after is not None:
        headers["Retry-After"] = str(err.retry_after)
    return status, {"detail": detail}, headers
