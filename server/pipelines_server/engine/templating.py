"""Sandboxed Jinja2 for prompts, URLs, headers and bodies.

Templates are written by workflow authors and see task data, so they run in Jinja's immutable
sandbox: no access to Python internals (`''.__class__` raises SecurityError), no mutation of
the variables, and the two operators that can exhaust memory or CPU from a one-line template
(`**` and sequence `*`) are bounded. StrictUndefined makes a misspelt variable an error that
names it instead of an empty string sent to a webhook or a model.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

MAX_EXPONENT = 1000  # `2 ** 1000` is fine; `9 ** 99999999` would stall the worker
MAX_POWER_BITS = 100_000  # and `(9 ** 999) ** 999` too: integer powers stay this small
MAX_REPEAT = 1_000_000  # `"a" * n` and `[x] * n`: at most this many characters or items


class TemplateError(Exception):
    """A template that cannot be compiled or rendered (syntax, undefined variable, sandbox)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class _Environment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"**", "*"})  # also stops constant folding of these

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and _is_number(right) and abs(right) > MAX_EXPONENT:
            raise SecurityError(f"exponent {right} is larger than {MAX_EXPONENT}")
        if (
            operator == "**"
            and isinstance(left, int)
            and isinstance(right, int)
            and left.bit_length() * right > MAX_POWER_BITS
        ):
            raise SecurityError(f"the power has more than {MAX_POWER_BITS} bits")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (
                    isinstance(seq, (str, list, tuple))
                    and isinstance(times, int)
                    and len(seq) * times > MAX_REPEAT
                ):
                    raise SecurityError(f"repetition longer than {MAX_REPEAT}")
        return super().call_binop(context, operator, left, right)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_ENV = _Environment(
    undefined=StrictUndefined,
    autoescape=False,  # the output is a URL, a JSON string or a prompt, never HTML
    keep_trailing_newline=True,  # a prompt ending in a newline keeps it
)


@lru_cache(maxsize=1024)
def _compile(source: str) -> Template:
    return _ENV.from_string(source)


def render(template: str, variables: dict) -> str:
    """`template` rendered with `variables`; TemplateError with a readable message."""
    try:
        return _compile(template).render(variables)
    except SecurityError as exc:
        raise TemplateError(f"template not allowed: {exc}") from None
    except Exception as exc:  # syntax, undefined, and errors of the data (1/0, int + str)
        raise TemplateError(_describe(exc)) from None


def render_value(value: Any, variables: dict) -> Any:
    """A JSON-like value with every string in it rendered (object keys are kept as they are)."""
    if isinstance(value, str):
        if "{" not in value:  # no `{{`, `{%` or `{#`: rendering would return it unchanged
            return value
        return render(value, variables)
    if isinstance(value, dict):
        return {k: render_value(v, variables) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [render_value(v, variables) for v in value]
    return value


def _describe(exc: Exception) -> str:
    from jinja2 import TemplateSyntaxError, UndefinedError

    if isinstance(exc, TemplateSyntaxError):
        return f"template syntax error on line {exc.lineno}: {exc.message}"
    if isinstance(exc, UndefinedError):
        return f"template variable error: {exc.message}"
    return f"template error: {type(exc).__name__}: {exc}"
