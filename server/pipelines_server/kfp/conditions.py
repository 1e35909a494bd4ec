"""A `dsl.If` / `dsl.Elif` / `dsl.Else` condition, as upstream's driver evaluates it: the
CEL text the kfp compiler writes (`inputs.parameter_values['x'] == 'a' && !(...)`) over the
condition task's own resolved inputs.

kfp.local guesses each value from the channel's name (an input named `split-Output-loop-item`
is taken for the output of a task `split`) and pastes the values into a Python expression it
`eval`s, so a value holding a quote runs code in the server. Here the text is parsed into a
tree and the tree evaluated: values are data, never text; only the subset of CEL the
compiler writes is accepted (comparisons, `&&`, `||`, `!`, parentheses, literals,
`int()`, `double()`, `string()`, `bool()`)."""

from __future__ import annotations

import json
import re
from typing import Any

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
      | (?P<number>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)
      | (?P<op>==|!=|<=|>=|&&|\|\||[<>!()\[\]])
    )""",
    re.VERBOSE,
)

_COMPARE = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


class ConditionError(ValueError):
    pass


def _string(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value)


def _int(value: Any) -> int:
    if isinstance(value, bool):
        raise ConditionError("int() of a bool")
    return int(value)  # a double truncates toward zero, as in CEL


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise ConditionError(f"bool() of {value!r}")


_FUNCTIONS = {"int": _int, "double": float, "string": _string, "bool": _bool}
_LITERALS = {"true": True, "false": False, "null": None}


def tokens(text: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match or match.end() == pos:
            raise ConditionError(f"Cannot read the condition at {text[pos : pos + 20]!r}")
        kind = match.lastgroup
        out.append((kind, match.group(kind)))
        pos = match.end()
    return out


def _unquote(literal: str) -> str:
    body = literal[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


class _Parser:
    def __init__(self, text: str, values: dict[str, Any]):
        self.toks = tokens(text)
        self.i = 0
        self.values = values

    def peek(self) -> tuple[str, str] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        tok = self.peek()
        if tok is None or (value is not None and tok[1] != value):
            raise ConditionError(f"Expected {value or 'more'} in the condition, found {tok}")
        self.i += 1
        return tok

    def parse(self) -> Any:
        result = self.or_()
        if self.peek() is not None:
            raise ConditionError(f"Unexpected {self.peek()[1]!r} in the condition")
        return result

    # Both sides are always evaluated (and checked): no short circuit hides a bad operand.
    def or_(self) -> Any:
        left = self.and_()
        while self.peek() == ("op", "||"):
            self.take()
            right = self.and_()
            left = bool(left) or bool(right)
        return left

    def and_(self) -> Any:
        left = self.unary()
        while self.peek() == ("op", "&&"):
            self.take()
            right = self.unary()
            left = bool(left) and bool(right)
        return left

    def unary(self) -> Any:
        if self.peek() == ("op", "!"):
            self.take()
            return not self.unary()
        return self.compare()

    def compare(self) -> Any:
        left = self.primary()
        tok = self.peek()
        if tok and tok[0] == "op" and tok[1] in _COMPARE:
            self.take()
            right = self.primary()
            try:
                return _COMPARE[tok[1]](left, right)
            except TypeError as exc:
                raise ConditionError(f"Cannot compare {left!r} {tok[1]} {right!r}") from exc
        return left

    def primary(self) -> Any:
        kind, text = self.take()
        if (kind, text) == ("op", "("):
            value = self.or_()
            self.take(")")
            return value
        if kind == "string":
            return _unquote(text)
        if kind == "number":
            return float(text) if any(c in text for c in ".eE") else int(text)
        if kind == "name":
            if text in _LITERALS:
                return _LITERALS[text]
            if text == "inputs.parameter_values":
                self.take("[")
                key_kind, key = self.take()
                if key_kind != "string":
                    raise ConditionError("An input's name must be a string")
                self.take("]")
                name = _unquote(key)
                if name not in self.values:
                    raise ConditionError(f"The condition's input {name!r} has no value")
                return self.values[name]
            if text in _FUNCTIONS:
                self.take("(")
                arg = self.or_()
                self.take(")")
                try:
                    return _FUNCTIONS[text](arg)
                except (TypeError, ValueError) as exc:
                    raise ConditionError(f"{text}({arg!r}): {exc}") from exc
        raise ConditionError(f"Unexpected {text!r} in the condition")


def evaluate(condition: str, values: dict[str, Any]) -> bool:
    """Whether `condition` holds for the condition task's resolved inputs `values`. Raises
    ConditionError for a condition this subset of CEL does not read or cannot compute."""
    if not condition or not condition.strip():
        return True
    result = _Parser(condition, values).parse()
    if not isinstance(result, bool):
        raise ConditionError(f"The condition gives {result!r}, not a bool")
    return result
