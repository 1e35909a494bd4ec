"""Dotted value paths over a node's variables: `input.answer`, `task.items.0`, `nodes.calc.score`.

Gates, evaluations and loops all address values the same way, so a path means one thing
everywhere: object members by name, array elements by a non-negative integer index.
"""

from __future__ import annotations

from typing import Any


class PathError(KeyError):
    """A path that does not lead to a value. A KeyError, so `except KeyError` also works."""

    def __init__(self, message: str, path: str = ""):
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:  # KeyError would show the repr of the message
        return self.message


def resolve(path: str, variables: dict) -> Any:
    """The value at `path`; PathError naming the first segment that is missing."""
    if not isinstance(path, str) or not path:
        raise PathError("the path is empty", path="")
    current: Any = variables
    parts = path.split(".")
    for i, part in enumerate(parts):
        walked = ".".join(parts[: i + 1])
        if isinstance(current, dict):
            if part not in current:
                raise PathError(f"{walked!r} does not exist", path=path)
            current = current[part]
        elif isinstance(current, (list, tuple)):
            if not (part.isascii() and part.isdigit()):  # "-1", " 1" and "1.0" are not
                raise PathError(f"{walked!r}: {part!r} is not an index of an array", path=path)
            index = int(part)
            if index >= len(current):
                raise PathError(
                    f"{walked!r} does not exist (the array has {len(current)} items)", path=path
                )
            current = current[index]
        else:
            parent = ".".join(parts[:i])
            raise PathError(
                f"{walked!r} does not exist ({parent!r} is {json_kind(current)}, "
                "not an object or array)",
                path=path,
            )
    return current


def exists(path: str, variables: dict) -> bool:
    """Whether `path` leads to a value (null counts as a value)."""
    try:
        resolve(path, variables)
    except PathError:
        return False
    return True


def json_kind(value: Any) -> str:
    """What a JSON value is, for messages: "null", "a boolean", "a number", "a string",
    "an array", "an object"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"
