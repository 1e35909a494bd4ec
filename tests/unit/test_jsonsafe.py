"""domain.jsonsafe: strict reading of untrusted JSON, strict writing of responses."""

from __future__ import annotations

import json

import pytest

from pipelines_server.shared import jsonsafe
from pipelines_server.shared.jsonsafe import BadJson


@pytest.mark.parametrize(
    "text, reason",
    [
        ("[" * 10_000 + "]" * 10_000, "nested"),
        ("[" * 101 + "]" * 101, "nested"),
        ("1" * 5000, "too long"),
        ('{"a": NaN}', "NaN"),
        ("[Infinity]", "Infinity"),
        ("-Infinity", "Infinity"),
        ("1e400", "finite"),
        (str(2**63), "64 bits"),
        (str(-(2**63) - 1), "64 bits"),
        ('"a\\u0000b"', "NUL"),
        ('{"\\ud800": 1}', "surrogate"),
        ("{", "not valid JSON"),
    ],
)
def test_loads_refuses(text, reason):
    with pytest.raises(BadJson, match=reason):
        jsonsafe.loads(text)


def test_loads_accepts_plain_json_within_limits():
    text = "[" * 100 + "]" * 100
    assert jsonsafe.loads(text) is not None
    assert jsonsafe.loads(str(2**63 - 1)) == 2**63 - 1
    assert jsonsafe.loads('{"a": [1, 2.5, "x", null, true]}') == {"a": [1, 2.5, "x", None, True]}


def test_unstorable_strings_are_marked_with_their_location():
    with pytest.raises(BadJson) as info:
        jsonsafe.loads('{"a": [0, "x\\u0000"]}')
    assert info.value.unstorable and info.value.loc == ("a", 1)


def test_check_bounds_shared_containers_and_cycles():
    leaf = ["lol"] * 10
    bomb = leaf
    for _ in range(6):
        bomb = [bomb] * 10
    with pytest.raises(BadJson, match="expands"):
        jsonsafe.check(bomb, max_values=100_000)
    cyclic: dict = {}
    cyclic["self"] = cyclic
    with pytest.raises(BadJson, match="nested"):
        jsonsafe.check(cyclic)


def test_check_refuses_non_json_types():
    import datetime

    for value in (datetime.date(2001, 12, 14), b"bytes", {1, 2}, {(1, 2): "tuple key"}):
        with pytest.raises(BadJson, match="not JSON"):
            jsonsafe.check(value)


def test_dumps_writes_strict_json_only():
    assert jsonsafe.dumps({"a": 1.5}) == json.dumps({"a": 1.5})
    out = jsonsafe.dumps({"a": float("nan"), "b": [float("-inf"), {"c": float("inf")}]})
    assert json.loads(out) == {"a": None, "b": [None, {"c": None}]}
    assert "NaN" not in out and "Infinity" not in out
    with pytest.raises(ValueError, match="Circular"):
        cyclic: list = []
        cyclic.append(cyclic)
        jsonsafe.dumps(cyclic)
