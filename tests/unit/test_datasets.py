"""Dataset rules without a server: type inference, column types, parsing with resumable
positions, format detection, seeding coercion and mapping."""

from __future__ import annotations

import io
import itertools

import pytest

from pipelines_server.domain import datasets as d
from pipelines_server.shared.errors import ValidationFailed
from pipelines_server.store.models import Dataset


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (None, "null"),
        ("", "null"),
        ("  ", "null"),
        ("42", "integer"),
        ("-7", "integer"),
        ("007", "string"),  # leading zeros: an identifier, not a number
        ("3.5", "number"),
        ("1e3", "number"),
        ("nan", "string"),
        ("TRUE", "boolean"),
        ("false", "boolean"),
        ('{"a": 1}', "json"),
        ("[1, 2]", "json"),
        ("[not json", "string"),
        ("hello", "string"),
        (True, "boolean"),
        (3, "integer"),
        (2.5, "number"),
        ({"x": 1}, "json"),
        ([1], "json"),
    ],
)
def test_infer(value, kind):
    assert d.infer(value) == kind


def test_typed_and_as_column():
    assert d.typed("42") == 42 and d.typed("2.5") == 2.5 and d.typed("true") is True
    assert d.typed("") is None and d.typed('{"a": [1]}') == {"a": [1]} and d.typed("x") == "x"
    assert d.as_column("4", "string") == "4" and d.as_column("4", "number") == 4
    assert d.as_column("", "string") is None


@pytest.mark.parametrize(
    ("counts", "kind"),
    [
        ({}, "null"),
        ({"null": 3}, "null"),
        ({"integer": 2, "null": 1}, "integer"),
        ({"integer": 2, "number": 1}, "number"),
        ({"boolean": 1, "null": 4}, "boolean"),
        ({"json": 2}, "json"),
        ({"integer": 1, "string": 1}, "string"),
        ({"boolean": 1, "integer": 1}, "string"),
    ],
)
def test_column_type(counts, kind):
    assert d.column_type(counts) == kind


def test_unique_names():
    assert d.unique_names(["a", "", "a", " b ", "a"]) == ["a", "column_2", "a_2", "b", "a_3"]


def test_detect_format_and_delimiter():
    assert d.detect_format("x.jsonl", b"a,b") == "jsonl"
    assert d.detect_format("x.csv", b"{") == "csv"
    assert d.detect_format("upload.bin", b'  {"a": 1}') == "jsonl"
    assert d.detect_format(None, b"a,b\n") == "csv"
    assert d.sniff_delimiter(b"a;b;c\n1;2;3\n") == ";"
    assert d.sniff_delimiter(b"a\tb\n1\t2\n") == "\t"
    assert d.sniff_delimiter(b"single\n1\n") == ","


def _records(text: str, fmt: str = "csv", delimiter: str = ",") -> list:
    return list(d.records(io.BytesIO(text.encode()), fmt, delimiter))


def test_csv_records_lines_blanks_and_errors():
    recs = _records('a,b\n1,2\n\n"multi\nline",3\n1,2,3\n\xe9,4\n')
    assert [(r.line, r.data, r.error) for r in recs] == [
        (2, {"a": "1", "b": "2"}, None),
        (3, None, None),
        (5, {"a": "multi\nline", "b": "3"}, None),
        (6, None, "Expected 2 fields, got 3"),
        (7, {"a": "\xe9", "b": "4"}, None),
    ]


def test_csv_bom_is_not_part_of_the_first_column():
    recs = list(d.records(io.BytesIO("\ufeffname\nx\n".encode()), "csv"))
    assert recs[0].data == {"name": "x"}


def test_jsonl_records():
    recs = _records('{"a": 1}\n\n[1]\n{bad\n{"b": null}\n', "jsonl")
    assert [(r.line, r.data) for r in recs] == [
        (1, {"a": 1}),
        (2, None),
        (3, None),
        (4, None),
        (5, {"b": None}),
    ]
    assert recs[2].error == "Each line must be a JSON object"
    assert recs[3].error.startswith("Invalid JSON")


def test_a_line_that_is_not_utf8_is_one_error():
    recs = list(d.records(io.BytesIO(b"a\n1\n\xff\xfe\n2\n"), "csv"))
    assert [(r.line, r.data, r.error) for r in recs] == [
        (2, {"a": "1"}, None),
        (3, None, d.NOT_UTF8),
        (4, {"a": "2"}, None),
    ]
    recs = list(d.records(io.BytesIO(b'{"a": 1}\n{"a": "\xff"}\n'), "jsonl"))
    assert [r.error for r in recs] == [None, d.NOT_UTF8]


def test_resuming_at_a_count_of_records_skips_exactly_those():
    text = "a\n" + "".join(f"{i}\n" for i in range(10)) + "\n" + "x,y\n"
    whole = _records(text)
    for consumed in range(len(whole) + 1):
        rest = list(itertools.islice(d.records(io.BytesIO(text.encode()), "csv"), consumed, None))
        assert [(r.line, r.data, r.error) for r in rest] == [
            (r.line, r.data, r.error) for r in whole[consumed:]
        ]


def test_preview_estimates_rows_of_a_large_file():
    body = ("a,b\n" + "".join(f"{i},{i * 2}\n" for i in range(100_000))).encode()
    p = d.preview(io.BytesIO(body), "big.csv", len(body))
    assert p["estimated"] is True and len(p["rows"]) == d.PREVIEW_ROWS
    assert 80_000 < p["row_estimate"] < 120_000
    assert [c["type"] for c in p["columns"]] == ["integer", "integer"]


def test_coerce_for_field_types():
    assert d.coerce("3", "numeric") == 3 and d.coerce("2.5", "numeric") == 2.5
    assert d.coerce("true", "boolean") is True and d.coerce("4", "rating") == 4
    assert d.coerce(42, "short_text") == "42" and d.coerce({"a": 1}, "long_text") == '{"a": 1}'
    assert d.coerce("", "short_text") is None and d.coerce(None, "numeric") is None
    assert d.coerce("x", "numeric") == "x"  # left for validation to reject


def _ds(*names: str) -> Dataset:
    return Dataset(columns=[{"name": n, "type": "string"} for n in names])


def test_seed_mapping():
    fields = [{"name": "q", "type": "short_text"}, {"name": "a", "type": "short_text"}]
    assert d.seed_mapping(_ds("q", "z"), fields, None) == {"q": "q"}
    assert d.seed_mapping(_ds("x"), fields, {"a": "x"}) == {"a": "x"}
    with pytest.raises(ValidationFailed) as err:
        d.seed_mapping(_ds("x"), fields, {"nope": "x", "a": "missing"})
    assert [e.loc for e in err.value.errors] == [
        ("body", "column_mapping", "nope"),
        ("body", "column_mapping", "a"),
    ]
    with pytest.raises(ValidationFailed):
        d.seed_mapping(_ds("x"), fields, None)
    with pytest.raises(ValidationFailed):
        d.seed_mapping(_ds("x"), fields, ["x"])


def test_column_statistics():
    col = d._Column()
    for v in ["1", "2", "3", "4", "", "x"]:
        col.add(v, "string")
    report = col.report("c", rows=7)
    assert report["count"] == 5 and report["null_count"] == 2 and report["missing_count"] == 1
    assert report["numeric"]["mean"] == 2.5 and report["numeric"]["sum"] == 10
    assert abs(report["numeric"]["stddev"] - 1.118033988749895) < 1e-12
    assert report["distinct_count"] == 5 and report["text_length"] == {
        "min": 1,
        "max": 1,
        "mean": 1.0,
    }


def test_distinct_counts_are_capped(monkeypatch):
    monkeypatch.setattr(d, "DISTINCT_CAP", 3)
    col = d._Column()
    for v in ["a", "b", "a", "c", "d", "e", "a"]:
        col.add(v, "string")
    report = col.report("c", rows=7)
    assert report["distinct_count"] == 3 and report["distinct_capped"] is True
    assert report["top_values"][0] == {"value": "a", "count": 3, "approximate": True}


def test_filters():
    assert d._matches(5, {"op": "gt", "value": 3}) and not d._matches(
        None, {"op": "gt", "value": 3}
    )
    assert not d._matches("a", {"op": "gt", "value": 3})  # incomparable: no match, no error
    assert d._matches("North", {"op": "contains", "value": "nor"})
    assert d._matches(2, {"op": "in", "value": [1, 2]}) and d._matches(None, {"op": "is_null"})


def test_in_column_order():
    assert list(d.in_column_order({"b": 1, "a": 2, "z": 3}, ["a", "b"])) == ["a", "b", "z"]


def test_unstorable_jsonl_values_and_csv_cells_are_row_errors():
    recs = _records(
        '{"n": NaN}\n{"n": 1e400}\n{"k\\u0000": 1}\n{"v": "\\u0000"}\n{"ok": 1}\n', "jsonl"
    )
    assert [r.data for r in recs] == [None, None, None, None, {"ok": 1}]
    assert all(r.error.startswith("Invalid JSON") for r in recs[:4])
    recs = _records("a\nx\n\x00\n")
    assert recs[0].data == {"a": "x"}
    assert recs[1].data is None and "NUL" in recs[1].error


def test_non_finite_text_is_not_a_number_or_json():
    assert d.infer("1e400") == "string" and d.typed("1e400") == "1e400"
    assert d.infer("[NaN]") == "string" and d.typed("[NaN]") == "[NaN]"


def test_nul_in_header_or_form_fields_is_a_422():
    with pytest.raises(ValidationFailed) as e:
        d.check_header(["a", "b\x00"])
    assert "column 2" in e.value.message
    with pytest.raises(ValidationFailed) as e:
        d.check_text("x\x00", "description")
    assert e.value.errors[0].loc == ("body", "description")
