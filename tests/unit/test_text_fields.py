"""The domain's text rules (domain/text_fields.py) and where the web UI reaches them without
the API's request schema in front: a review's comment and a subtask's values."""

from __future__ import annotations

import pytest

from pipelines_server.domain import human_work, text_fields
from pipelines_server.shared.errors import ValidationFailed


def test_nul_and_overlong_text_are_refused_at_their_locations():
    assert text_fields.problems("name", None, 5) == []
    assert text_fields.problems("name", "abcde", 5) == []
    with pytest.raises(ValidationFailed) as caught:
        text_fields.check(("name", "a\x00", 5), ("description", "x" * 6, 5), ("ok", "fine", 5))
    assert [e.loc for e in caught.value.errors] == [("name",), ("description",)]
    assert "NUL" in caught.value.errors[0].message
    assert "longer than 5" in caught.value.errors[1].message


def test_a_review_comment_with_a_nul_is_refused():
    human_work.check_verdict("pass", "fine")
    with pytest.raises(ValidationFailed) as caught:
        human_work.check_verdict("pass", "a\x00b")
    assert caught.value.errors[0].loc == ("comment",)


def test_subtask_values_the_store_cannot_keep_are_found_by_field():
    assert human_work._unstorable({"a": "fine", "b": {"nested": ["ok"]}}) == []
    found = human_work._unstorable({"a": "x\x00", "b": ["ok", "y\x00"], "c": 1})
    assert [e.field_name for e in found] == ["a", "b"]
