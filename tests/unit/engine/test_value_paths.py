from __future__ import annotations

import pytest

from pipelines_server.engine.value_paths import PathError, exists, resolve

VARS = {
    "input": {"answer": "yes", "none": None, "score": 0.5},
    "task": {"items": [{"id": 1}, {"id": 2}], "text": "hello"},
    "nodes": {"code1": {"score": 3, "1": "string key"}},
}


@pytest.mark.parametrize(
    "path, expected",
    [
        ("input.answer", "yes"),
        ("input.none", None),
        ("task.items.0", {"id": 1}),
        ("task.items.1.id", 2),
        ("nodes.code1.score", 3),
        ("nodes.code1.1", "string key"),  # an object key that looks like an index
        ("task", VARS["task"]),
    ],
)
def test_resolve(path, expected):
    assert resolve(path, VARS) == expected
    assert exists(path, VARS)


@pytest.mark.parametrize(
    "path, words",
    [
        ("input.missing", "'input.missing' does not exist"),
        ("nope", "'nope' does not exist"),
        ("task.items.2", "the array has 2 items"),
        ("task.items.-1", "not an index"),
        ("task.items.x", "not an index"),
        ("task.text.length", "'task.text' is a string"),
        ("input.none.x", "is null"),
        ("", "empty"),
    ],
)
def test_missing_paths_raise_a_clear_path_error(path, words):
    with pytest.raises(PathError) as info:
        resolve(path, VARS)
    assert words in str(info.value)
    assert not exists(path, VARS)


def test_path_error_is_a_key_error():
    with pytest.raises(KeyError):
        resolve("input.missing", VARS)
