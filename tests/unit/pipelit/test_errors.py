"""api/pipelit/errors: the validators' failures as FastAPI's 422 items, and the other forms."""

from __future__ import annotations

from pipelines_server.api.pipelit.errors import shape
from pipelines_server.shared.errors import FieldError, NotFound, ValidationFailed
from pipelines_server.web.errors import BodyProblem, ParameterProblem, to_http_error


def _detail(exc):
    status, body, _headers = shape(to_http_error(exc))
    assert status == 422
    return body["detail"]


def test_minimum_and_exclusive_minimum():
    ge = BodyProblem("x", loc=("n",), validator="minimum", validator_value=1, instance=0)
    assert _detail(ge) == [
        {
            "type": "greater_than_equal",
            "loc": ["body", "n"],
            "msg": "Input should be greater than or equal to 1",
            "input": 0,
            "ctx": {"ge": 1},
        }
    ]
    gt = BodyProblem(
        "x",
        loc=("max_execution_seconds",),
        validator="minimum",
        validator_value=0,
        instance=0,
        schema={"type": "integer", "minimum": 0, "exclusiveMinimum": True},
    )
    assert _detail(gt)[0]["type"] == "greater_than"
    assert _detail(gt)[0]["msg"] == "Input should be greater than 0"
    assert _detail(gt)[0]["ctx"] == {"gt": 0}


def test_missing_nested_and_whole_body():
    nested = BodyProblem(
        "x", loc=("route",), validator="required", validator_value=["a", "b"], instance={"a": 1}
    )
    assert _detail(nested)[0]["loc"] == ["body", "route", "b"]
    assert _detail(nested)[0]["type"] == "missing"
    whole = BodyProblem("Request body is required", validator="required")
    assert _detail(whole) == [
        {"type": "missing", "loc": ["body"], "msg": "Field required", "input": None}
    ]


def test_query_enum_and_boolean_parsing():
    enum = ParameterProblem(
        "x",
        loc=("query", "status"),
        validator="enum",
        validator_value=["a", "b", "c"],
        instance="z",
    )
    assert _detail(enum)[0]["msg"] == "Input should be 'a', 'b' or 'c'"
    boolean = ParameterProblem(
        "x", loc=("query", "flag"), validator="type", validator_value="boolean", instance="x"
    )
    assert _detail(boolean)[0]["type"] == "bool_parsing"


def test_domain_value_error_and_edge_validation():
    located = ValidationFailed(
        "interval_seconds must be >= 1",
        [FieldError("interval_seconds must be >= 1", loc=("body", "interval_seconds"))],
    )
    assert _detail(located) == [
        {
            "type": "value_error",
            "loc": ["body", "interval_seconds"],
            "msg": "Value error, interval_seconds must be >= 1",
            "input": None,
            "ctx": {"error": {}},
        }
    ]
    from pipelines_server.domain.pipelit.access import EdgeValidationErrors

    status, body, _ = shape(to_http_error(EdgeValidationErrors(["a", "b"])))
    assert status == 422
    assert body == {"detail": {"validation_errors": ["a", "b"]}}


def test_domain_not_found_keeps_its_words():
    status, body, _ = shape(to_http_error(NotFound("Workflow not found.")))
    assert (status, body) == (404, {"detail": "Workflow not found."})
