"""kfp/conditions.py: dsl.If conditions as the kfp compiler writes them, read as data over
the condition task's own inputs (never pasted into code)."""

from __future__ import annotations

import pytest

from pipelines_server.kfp import conditions

V = "inputs.parameter_values"


@pytest.mark.parametrize(
    ("condition", "values", "expected"),
    [
        (
            f"{V}['pipelinechannel--split-Output-loop-item'] == 'a'",
            {"pipelinechannel--split-Output-loop-item": "a"},
            True,
        ),  # noqa: E501
        (f"{V}['pipelinechannel--x'] == 'a'", {"pipelinechannel--x": "b"}, False),
        (f"{V}['pipelinechannel--x'] != 'a'", {"pipelinechannel--x": "b"}, True),
        (f"int({V}['pipelinechannel--n']) > 2", {"pipelinechannel--n": 3.0}, True),
        (f"int({V}['pipelinechannel--n']) <= 2", {"pipelinechannel--n": 3}, False),
        (f"{V}['pipelinechannel--f'] >= double(1)", {"pipelinechannel--f": 1.5}, True),
        (f"{V}['pipelinechannel--b'] == true", {"pipelinechannel--b": True}, True),
        (
            f"!({V}['pipelinechannel--x'] == 'a') && {V}['pipelinechannel--x'] == 'b'",
            {"pipelinechannel--x": "b"},
            True,
        ),  # noqa: E501
        (
            f"!({V}['pipelinechannel--x'] == 'a') && !({V}['pipelinechannel--x'] == 'b')",
            {"pipelinechannel--x": "b"},
            False,
        ),  # noqa: E501
        (f"{V}['a'] == 'x' || {V}['b'] == 'y'", {"a": "n", "b": "y"}, True),
        ("", {}, True),
    ],
)
def test_conditions_the_compiler_writes(condition, values, expected):
    assert conditions.evaluate(condition, values) is expected


def test_a_value_is_data_never_code(tmp_path):
    marker = tmp_path / "ran"
    hostile = (
        "b' == 'a' or [c for c in ().__class__.__base__.__subclasses__() "
        f"if c.__name__=='Popen'][0](['touch','{marker}']) or '"
    )
    assert conditions.evaluate(f"{V}['x'] == 'a'", {"x": hostile}) is False
    assert not marker.exists()


@pytest.mark.parametrize(
    "condition",
    [
        "__import__('os').system('true')",
        f"{V}['x'].__class__ == 'a'",
        f"{V}['x'] == 'a' ; 1",
        f"{V}['missing'] == 'a'",
        f"{V}['x'] < 1",  # a string and a number do not compare
        f"{V}['x']",  # not a bool
    ],
)
def test_what_is_not_the_compilers_cel_is_refused(condition):
    with pytest.raises(conditions.ConditionError):
        conditions.evaluate(condition, {"x": "a"})
