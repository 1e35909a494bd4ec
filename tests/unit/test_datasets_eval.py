"""Dataset evaluation rules without a server: suggested mapping, variables, summaries."""

from __future__ import annotations

import pytest

from pipelines_server.domain import dataset_jobs as dj


def test_suggested_mapping():
    assert dj.suggested_mapping(["Question", "Answer", "Expected_Output"]) == {
        "output": "Answer",
        "expected": "Expected_Output",
    }
    assert dj.suggested_mapping(["a", "b"]) == {"output": None, "expected": None}
    # `output` wins over `answer` when both are there.
    assert dj.suggested_mapping(["answer", "output"])["output"] == "output"


def test_variables_type_cells_by_column_and_map_names():
    types = {"q": "string", "n": "integer", "j": "json"}
    v = dj._variables(types, {"q": "4", "n": "4", "j": '{"a": 1}'}, {"output": "n"})
    assert v["q"] == "4" and v["n"] == 4 and v["j"] == {"a": 1}
    assert v["output"] == 4 and v["record"] == {"q": "4", "n": 4, "j": {"a": 1}}


def test_summary():
    s = {}
    rows = [
        {
            "passed": True,
            "score": 1.0,
            "criteria": [{"criterion_id": 1, "name": "a", "passed": True}],
        },
        {
            "passed": False,
            "score": 0.5,
            "criteria": [{"criterion_id": 1, "name": "a", "passed": False}],
        },
        {"passed": False, "score": None, "criteria": [], "error": "gone"},
    ]
    for row in rows:
        s = dj._summarize(s, row)
    view = dj.summary_view(s)
    assert view["rows_scored"] == 3 and view["passed_count"] == 1 and view["error_count"] == 1
    assert view["pass_rate"] == pytest.approx(1 / 3) and view["mean_score"] == pytest.approx(0.75)
    assert view["criteria"] == [
        {"criterion_id": 1, "name": "a", "passed": 1, "total": 2, "pass_rate": 0.5}
    ]
    assert dj.summary_view({})["pass_rate"] is None


def test_row_range_is_checked_once_for_seeding_and_evals():
    from pipelines_server.shared.errors import ValidationFailed

    assert dj.row_range({}) == (0, None)
    assert dj.row_range({"offset": 3, "limit": 2}) == (3, 2)
    for body, field in (
        ({"offset": -1}, "offset"),
        ({"offset": True}, "offset"),
        ({"limit": 0}, "limit"),
        ({"limit": "5"}, "limit"),
    ):
        with pytest.raises(ValidationFailed) as e:
            dj.row_range(body)
        assert e.value.errors[0].loc == ("body", field)
