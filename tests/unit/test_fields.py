from pipelines_server.domain import fields


def test_check_schema_lists_every_problem():
    errors = fields.check_schema(
        [
            {"name": "1bad", "type": "short_text"},
            {"name": "a", "type": "select"},
            {"name": "a", "type": "nope"},
            {"name": "r", "type": "rating", "max_rating": 11},
            {"name": "s", "type": "select", "options": ["x", "x"]},
        ]
    )
    messages = [e.message for e in errors]
    assert len(messages) == 6
    assert any("must start with a letter" in m for m in messages)
    assert any("needs at least one option" in m for m in messages)
    assert any("Duplicate field name 'a'" in m for m in messages)
    assert any("unknown type 'nope'" in m for m in messages)
    assert any("max_rating" in m for m in messages)
    assert any("duplicate options" in m for m in messages)


def test_validate_row_reports_unknown_missing_and_bad_values():
    schema = fields.normalize_schema(
        [
            {"name": "t", "type": "short_text", "required": True},
            {"name": "n", "type": "numeric"},
            {"name": "sel", "type": "select", "options": ["a", "b"]},
        ]
    )
    errors = fields.validate_row(schema, {"n": True, "sel": "c", "zzz": 1}, index=3)
    by_field = {e.field_name: e.message for e in errors}
    assert by_field == {
        "zzz": "Unknown field: zzz",
        "t": "Missing required columns: t",
        "n": "Field 'n' must be a number",
        "sel": "Field 'sel' must be one of: a, b",
    }
    assert all(e.index == 3 for e in errors)


def test_value_checks_per_type():
    def check(ftype, value, **extra):
        return fields.check_value({"name": "f", "type": ftype, **extra}, value)

    assert check("boolean", False) is None and check("boolean", 0)
    assert check("numeric", 2) is None and check("numeric", float("nan"))
    assert check("datetime", "2026-01-01T00:00:00Z") is None and check("datetime", "soon")
    assert check("rating", 5) is None and check("rating", 6) and check("rating", 2, max_rating=1)
    assert check("short_text", "x" * 1000) is None and check("short_text", "x" * 1001)
    assert check("long_text", "x" * 5000) is None
    assert check("code", 1)
    assert check("file_upload", "a.txt")


def test_format_hint_only_for_select():
    assert fields.format_hint({"type": "select", "options": ["x", "y"]}) == "One of: x, y"
    assert fields.format_hint({"type": "short_text"}) is None
