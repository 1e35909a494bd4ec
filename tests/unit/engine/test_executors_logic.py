"""evaluation nodes and logic gates: pure functions of the node's variables."""

from __future__ import annotations

import pytest

from pipelines_server.engine.executors import evaluation, gate
from pipelines_server.engine.executors.base import NodeFailed
from tests.unit.engine import make_ctx

CTX = make_ctx(
    {"answer": "Paris is the capital", "score": 0.8, "tags": ["a", "b"], "n": 3, "flag": True},
    task={"country": "France", "items": [{"id": 1}]},
    nodes={"code1": {"score": 42, "data": {"name": "x", "age": 3}}},
)


# -- evaluation ---------------------------------------------------------------------------


def evaluate(*checks, **config):
    return evaluation.execute({"checks": list(checks), **config}, CTX)


@pytest.mark.parametrize(
    "check, passed",
    [
        ({"type": "regex", "path": "input.answer", "pattern": "^Paris"}, True),
        ({"type": "regex", "path": "input.answer", "pattern": "(?i)PARIS"}, True),
        ({"type": "regex", "path": "input.answer", "pattern": "^London"}, False),
        ({"type": "regex", "path": "input.score", "pattern": "0"}, False),  # not a string
        ({"type": "regex", "path": "input.answer", "pattern": "("}, False),  # bad pattern
        (
            {
                "type": "json_schema",
                "path": "nodes.code1.data",
                "schema": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {"age": {"type": "integer"}},
                },
            },
            True,
        ),
        (
            {
                "type": "json_schema",
                "path": "nodes.code1.data",
                "schema": {"type": "object", "properties": {"age": {"type": "string"}}},
            },
            False,
        ),
        ({"type": "json_schema", "path": "input.tags", "schema": {"type": "array"}}, True),
        ({"type": "threshold", "path": "input.score", "min": 0.5}, True),
        ({"type": "threshold", "path": "input.score", "min": 0.5, "max": 0.8}, True),
        ({"type": "threshold", "path": "input.score", "min": 0.9}, False),
        ({"type": "threshold", "path": "nodes.code1.score", "max": 10}, False),
        ({"type": "threshold", "path": "input.answer", "min": 0}, False),  # not a number
        ({"type": "threshold", "path": "input.flag", "min": 0}, False),  # booleans neither
    ],
)
def test_each_check_type(check, passed):
    result = evaluate(check)
    assert result.output["passed"] is passed
    (row,) = result.output["checks"]
    assert row["passed"] is passed and row["type"] == check["type"] and row["message"]
    assert result.outcome == ("finished" if passed else "quarantined")


def test_all_checks_are_reported_with_names():
    result = evaluate(
        {"type": "regex", "path": "input.answer", "pattern": "Paris", "name": "mentions"},
        {"type": "threshold", "path": "input.score", "max": 0.5},
    )
    assert result.output["passed"] is False
    names = [c["name"] for c in result.output["checks"]]
    assert names == ["mentions", "threshold_2"]
    assert [c["passed"] for c in result.output["checks"]] == [True, False]
    assert "above the maximum 0.5" in result.output["checks"][1]["message"]
    assert "1/2 checks passed" in result.log


def test_a_missing_path_is_a_failed_check():
    result = evaluate({"type": "threshold", "path": "input.nope", "min": 1})
    (row,) = result.output["checks"]
    assert row["passed"] is False
    assert "missing value" in row["message"] and "input.nope" in row["message"]


def test_schema_errors_say_where():
    result = evaluate(
        {
            "type": "json_schema",
            "path": "nodes.code1.data",
            "schema": {"required": ["email"], "properties": {"age": {"type": "string"}}},
        }
    )
    message = result.output["checks"][0]["message"]
    assert '"email" is a required property' in message
    assert "nodes.code1.data/age" in message


def test_schemas_never_fetch_remote_refs():
    result = evaluate(
        {"type": "json_schema", "path": "input", "schema": {"$ref": "http://127.0.0.1:9/s"}}
    )
    assert result.output["passed"] is False
    assert "invalid JSON Schema" in result.output["checks"][0]["message"]


def test_on_failure_escalate():
    failing = {"type": "threshold", "path": "input.score", "min": 1}
    assert evaluate(failing, on_failure="escalate").outcome == "escalated"
    assert evaluate(failing, on_failure="quarantine").outcome == "quarantined"
    assert evaluate({"type": "threshold", "path": "input.score", "min": 0}).outcome == "finished"


# -- logic gate ---------------------------------------------------------------------------


def cond(path, op, value=None):
    c = {"path": path, "op": op}
    if value is not None:
        c["value"] = value
    return c


@pytest.mark.parametrize(
    "condition, expected",
    [
        (cond("input.n", "eq", 3), True),
        (cond("input.n", "eq", 3.0), True),
        (cond("input.n", "eq", "3"), False),
        (cond("input.flag", "eq", 1), False),  # JSON: true is not 1
        (cond("input.flag", "eq", True), True),
        (cond("input.tags", "eq", ["a", "b"]), True),
        (cond("input.n", "ne", 4), True),
        (cond("input.n", "ne", 3), False),
        (cond("input.score", "gt", 0.5), True),
        (cond("input.score", "gt", 0.8), False),
        (cond("input.score", "gte", 0.8), True),
        (cond("input.n", "lt", 3), False),
        (cond("input.n", "lte", 3), True),
        (cond("task.country", "gt", "Austria"), True),  # strings order with strings
        (cond("input.n", "gt", "2"), False),  # incomparable: not matched, no crash
        (cond("input.tags", "lt", {"x": 1}), False),
        (cond("input.flag", "gt", 0), False),
        (cond("task.country", "in", ["France", "Spain"]), True),
        (cond("task.country", "in", ["Spain"]), False),
        (cond("input.n", "in", [True, 2]), False),
        (cond("task.country", "in", "France, Spain"), True),  # substring
        (cond("input.n", "in", 5), False),  # not a container
        (cond("task.country", "not_in", ["Spain"]), True),
        (cond("task.country", "not_in", ["France"]), False),
        (cond("input.tags", "contains", "a"), True),
        (cond("input.tags", "contains", "z"), False),
        (cond("input.answer", "contains", "capital"), True),
        (cond("nodes.code1.data", "contains", "name"), True),  # an object's key
        (cond("input.n", "contains", 3), False),
        (cond("input.answer", "exists"), True),
        (cond("input.nope", "exists"), False),
        (cond("input.nope", "not_exists"), True),
        (cond("task.items.0.id", "not_exists"), False),
        (cond("input.answer", "matches", "cap.tal"), True),
        (cond("input.answer", "matches", "^capital"), False),
        (cond("input.n", "matches", "3"), False),  # not a string
        (cond("input.nope", "eq", None), False),  # missing is not null
        (cond("input.nope", "ne", 1), False),  # missing matches only not_exists
    ],
)
def test_gate_ops(condition, expected):
    assert gate.holds(condition, CTX.template_vars()) is expected


def test_all_any_not():
    yes, no = cond("input.n", "eq", 3), cond("input.n", "eq", 4)
    variables = CTX.template_vars()
    assert gate.holds({"all": [yes, yes]}, variables)
    assert not gate.holds({"all": [yes, no]}, variables)
    assert gate.holds({"any": [no, yes]}, variables)
    assert not gate.holds({"any": [no, no]}, variables)
    assert gate.holds({"not": no}, variables)
    assert gate.holds({"all": [{"any": [no, yes]}, {"not": {"all": [yes, no]}}]}, variables)


def test_first_matching_route_wins_and_the_input_passes_through():
    config = {
        "routes": [
            {"port": "low", "when": cond("input.score", "lt", 0.5)},
            {"port": "high", "when": cond("input.score", "gte", 0.5)},
            {"port": "also_high", "when": cond("input.score", "gte", 0.7)},
        ],
        "default": "other",
    }
    result = gate.execute(config, CTX)
    assert result.route == "high"
    assert result.output == CTX.input


def test_default_route():
    config = {"routes": [{"port": "a", "when": cond("input.n", "eq", 99)}], "default": "rest"}
    result = gate.execute(config, CTX)
    assert result.route == "rest" and result.output == CTX.input


def test_no_route_and_no_default_fails():
    config = {"routes": [{"port": "a", "when": cond("input.n", "eq", 99)}]}
    with pytest.raises(NodeFailed, match="no route matched") as info:
        gate.execute(config, CTX)
    assert not info.value.retryable
