"""The subtask form's helpers (ui/work_form.py): what an input shows for a stored value, what a
posted text means as a value (handed to the domain's validation unchanged when it reads as
nothing of the field's type), and the domain's reasons placed by field."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import FileStorage, MultiDict

from pipelines_server.domain import fields as fieldschema
from pipelines_server.engine.vocabulary import FIELD_TYPES
from pipelines_server.shared.errors import Conflict, FieldError, ValidationFailed
from pipelines_server.ui import work_form

SCHEMA = fieldschema.normalize_schema(
    [
        {"name": "s", "type": "short_text", "required": True},
        {"name": "l", "type": "long_text"},
        {"name": "c", "type": "code"},
        {"name": "b", "type": "boolean"},
        {"name": "n", "type": "numeric"},
        {"name": "d", "type": "datetime"},
        {"name": "o", "type": "select", "options": ["x", "y"]},
        {"name": "r", "type": "rating", "max_rating": 3},
        {"name": "f", "type": "file_upload"},
    ]
)
BY_NAME = {f["name"]: f for f in SCHEMA}


def test_the_schema_covers_every_field_type():
    assert sorted(BY_NAME[n]["type"] for n in BY_NAME) == sorted(FIELD_TYPES)


@pytest.mark.parametrize(
    ("name", "value", "text"),
    [
        ("s", None, ""),
        ("s", "hi", "hi"),
        ("b", True, "true"),
        ("b", False, "false"),
        ("n", 2.5, "2.5"),
        ("r", 3, "3"),
        ("d", "2025-03-04T06:06:07+01:00", "2025-03-04T05:06:07"),
        ("d", "2025-03-04T05:06:07Z", "2025-03-04T05:06:07"),
        ("d", "2025-03-04T05:06", "2025-03-04T05:06:00"),
        ("d", "not a date", "not a date"),
        ("o", "x", "x"),
        ("c", {"a": 1}, '{"a": 1}'),
        ("f", "a.zip", ""),
    ],
)
def test_shown(name, value, text):
    assert work_form.shown(BY_NAME[name], value) == text


@pytest.mark.parametrize(
    ("name", "text", "value"),
    [
        ("s", "", None),
        ("s", " a ", " a "),
        ("l", "a\r\nb", "a\nb"),
        ("c", "x = 1\r\n", "x = 1\n"),
        ("b", "true", True),
        ("b", "false", False),
        ("b", "maybe", "maybe"),
        ("n", "3", 3),
        ("n", "-2.5", -2.5),
        ("n", "1e3", 1000.0),
        ("n", "abc", "abc"),
        ("r", "2", 2),
        ("r", "2.5", 2.5),
        ("d", "2025-03-04T05:06:07", "2025-03-04T05:06:07+00:00"),
        ("d", "2025-03-04T05:06:07+02:00", "2025-03-04T05:06:07+02:00"),
        ("d", "yesterday", "yesterday"),
        ("o", "z", "z"),
    ],
)
def test_typed(name, text, value):
    assert work_form.typed(BY_NAME[name], text) == value


def test_valid_texts_pass_the_domains_validation_and_bad_ones_are_refused_by_it():
    texts = {"s": "a", "l": "b", "c": "c", "b": "false", "n": "1.5", "d": "2025-01-02T03:04"}
    texts |= {"o": "y", "r": "3"}
    values = {n: work_form.typed(BY_NAME[n], t) for n, t in texts.items()}
    assert fieldschema.validate_row(SCHEMA, values, 0) == []
    bad = {"s": "a", "n": "abc", "r": "4", "d": "soon", "b": "maybe", "o": "z"}
    values = {n: work_form.typed(BY_NAME[n], t) for n, t in bad.items()}
    refused = {e.field_name for e in fieldschema.validate_row(SCHEMA, values, 0)}
    assert refused == {"n", "r", "d", "b", "o"}


def test_read_values_leaves_empty_inputs_out_unless_they_clear_a_prefill():
    form = MultiDict({"v.s": "kept", "v.l": "", "v.n": "", "v.c": "", "v.o": "x", "csrf": "t"})
    files = MultiDict({"v.f": FileStorage(filename="", name="v.f")})
    values, texts = work_form.read_values(SCHEMA, form, files, {"n": 4, "c": "prefilled"})
    assert values == {"s": "kept", "n": None, "c": None, "o": "x"}
    assert texts["s"] == "kept" and texts["n"] == "" and texts["f"] == ""
    assert set(texts) == set(BY_NAME)


def test_read_values_hands_a_chosen_file_to_the_page_to_store():
    chosen = FileStorage(filename="scan.pdf", name="v.f")
    files = MultiDict({"v.f": chosen})
    kept = {"v.f.file_id": "older", "v.f.filename": "old.pdf"}  # a new choice replaces it
    values, texts = work_form.read_values(SCHEMA, MultiDict(kept), files, {})
    assert values == {"f": chosen} and texts["f"] == "scan.pdf"


def test_read_values_submits_the_file_a_refused_attempt_stored():
    files = MultiDict({"v.f": FileStorage(filename="", name="v.f")})
    form = MultiDict({"v.f.file_id": "abc", "v.f.filename": "scan.pdf"})
    values, texts = work_form.read_values(SCHEMA, form, files, {})
    assert values == {"f": {"file_id": "abc"}} and texts["f"] == "scan.pdf"
    assert work_form.kept_files(SCHEMA, values, texts) == {
        "f": {"file_id": "abc", "filename": "scan.pdf"}
    }


def test_a_prefilled_file_is_kept_and_not_cleared_by_an_empty_input():
    prefill = {"f": {"file_id": "abc", "filename": "given.txt", "size": 3}}
    files = MultiDict({"v.f": FileStorage(filename="", name="v.f")})
    values, _texts = work_form.read_values(SCHEMA, MultiDict(), files, prefill)
    assert "f" not in values  # the prefill stands
    assert work_form.kept_files(SCHEMA, prefill, {}) == {
        "f": {"file_id": "abc", "filename": "given.txt"}
    }
    assert work_form.kept_files(SCHEMA, {"f": "not a reference", "s": {"file_id": "x"}}, {}) == {}


def test_split_errors_places_reasons_by_field():
    exc = ValidationFailed(
        "bad",
        [
            FieldError("r is wrong", field_name="r", loc=("body", "values", "r")),
            FieldError("r again", field_name="r", loc=("body", "values", "r")),
            FieldError("Unknown field: zz", field_name="zz", loc=("body", "values", "zz")),
            FieldError("Task fields must be an object", loc=("body", "values")),
        ],
    )
    by_field, general = work_form.split_errors(exc, BY_NAME)
    assert by_field == {"r": ["r is wrong", "r again"]}
    assert general == ["Unknown field: zz", "Task fields must be an object"]


def test_split_errors_of_an_error_without_fields():
    assert work_form.split_errors(Conflict("This node was already submitted"), BY_NAME) == (
        {},
        ["This node was already submitted"],
    )
