"""Library rules without a server: placeholders, and the criteria scorer of the engine."""

from __future__ import annotations

import pytest

from pipelines_server.domain.library import placeholders_of
from pipelines_server.engine.executors.evaluation import score_criteria, score_criterion


def crit(subtype: str, **config) -> dict:
    return {
        "criterion_id": 1,
        "version": 1,
        "name": subtype,
        "type": "programmatic",
        "config": {"subtype": subtype, **config},
    }


def test_placeholders_are_the_first_names_of_expressions():
    text = "Hi {{ name }}, {{user.city}} {{-trim}} {% if x %}{{ true }}{% endif %} {{name}}"
    assert placeholders_of(text) == ["name", "user", "trim"]


@pytest.mark.parametrize(
    ("criterion", "variables", "passed"),
    [
        (crit("exact_match"), {"output": " Paris ", "expected": "Paris"}, True),
        (crit("exact_match"), {"output": "paris", "expected": "Paris"}, False),
        (crit("exact_match", case_sensitive=False), {"output": "paris", "expected": "Paris"}, True),
        (crit("exact_match"), {"output": "x"}, False),
        (crit("contains_keywords", keywords=["a", "B"], mode="all"), {"output": "a b"}, True),
        (
            crit("contains_keywords", keywords=["a", "B"], mode="all", case_sensitive=True),
            {"output": "a b"},
            False,
        ),
        (crit("contains_keywords", keywords=["zz", "b"]), {"output": "abc"}, True),
        (crit("regex", pattern=r"^\d+$"), {"output": "123"}, True),
        (crit("regex", pattern=r"^\d+$"), {"output": 123}, True),
        (
            crit("json_schema", schema={"type": "object", "required": ["a"]}),
            {"output": '{"a": 1}'},
            True,
        ),
        (crit("json_schema", schema={"type": "object", "required": ["a"]}), {"output": {}}, False),
        (crit("threshold", min=0.5), {"output": "0.7"}, True),
        (crit("threshold", max=1), {"output": 2}, False),
        (crit("threshold", min=0, path="record.score"), {"record": {"score": 3}}, True),
        (crit("threshold", min=0, path="record.missing"), {"record": {}}, False),
    ],
)
def test_programmatic_criteria(criterion, variables, passed):
    ok, score, message = score_criterion(criterion, variables)
    assert ok is passed and score == (1.0 if passed else 0.0) and message


def test_weighted_score_and_threshold():
    a = {**crit("regex", pattern="a"), "weight": 3}
    b = {**crit("regex", pattern="b"), "weight": 1}
    result = score_criteria([a, b], {"output": "a"})
    assert result["score"] == 0.75 and result["passed"] is False
    assert score_criteria([a, b], {"output": "a"}, pass_threshold=0.7)["passed"] is True
    assert score_criteria([], {"output": "a"})["passed"] is True


def test_llm_judge_without_model_access_fails_readably():
    judge = {"type": "llm_judge", "config": {"prompt_text": "{{output}}", "model_slug": "m"}}
    ok, score, message = score_criterion(judge, {"output": "x"}, None)
    assert not ok and score == 0 and "no model access" in message
