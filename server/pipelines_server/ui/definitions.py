"""A workflow's definition (its input `fields` and its `graph`) as the text of the editor's
box, in JSON or YAML, and back.

The text is a mapping with `fields` (a list, may be left out) and `graph` (a mapping with
`nodes` and `edges`), the same two members the API's create and update bodies have. Reading
it refuses what the API's body parser refuses (non-finite numbers, NUL characters, nesting
past the limit) and YAML aliases that would expand past `MAX_VALUES`; what is wrong with the
definition itself is the domain's to say (every reason, with its location)."""

from __future__ import annotations

import json

import yaml

from ..shared import jsonsafe

FORMATS = ("json", "yaml")
MAX_VALUES = 200_000  # values a YAML document may expand to (aliases included)


class DefinitionError(ValueError):
    """The text cannot be read as a definition; `reasons` says why, each with a location."""

    def __init__(self, reasons: list[tuple[str, str]]):
        super().__init__("; ".join(f"{loc}: {msg}" if loc else msg for loc, msg in reasons))
        self.reasons = reasons


def dump(fields: list | None, graph: dict | None, fmt: str = "json") -> str:
    doc = {"fields": fields or [], "graph": graph or {}}
    if fmt == "yaml":
        return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
    return json.dumps(doc, indent=2, ensure_ascii=False)


def parse(text: str, fmt: str = "json") -> tuple[list, dict]:
    """(fields, graph) from the editor's text; DefinitionError saying what is wrong."""
    if fmt not in FORMATS:
        raise DefinitionError([("format", f"Unknown format {fmt!r}: json or yaml")])
    if not (text or "").strip():
        raise DefinitionError([("definition", "The definition is empty")])
    try:
        if fmt == "yaml":
            try:
                doc = yaml.safe_load(text)
            except yaml.YAMLError as exc:
                raise DefinitionError([("definition", f"Not valid YAML: {exc}")]) from None
            jsonsafe.check(doc, max_values=MAX_VALUES)
            _string_keys(doc)
        else:
            doc = jsonsafe.loads(text)
    except jsonsafe.BadJson as exc:
        where = ".".join(str(p) for p in ("definition", *exc.loc))
        raise DefinitionError([(where, exc.message)]) from None
    if not isinstance(doc, dict):
        raise DefinitionError([("definition", "The definition must be a mapping with `graph`")])
    reasons = []
    unknown = sorted(set(doc) - {"fields", "graph"})
    if unknown:
        reasons.append(
            ("definition", "Unknown members: " + ", ".join(unknown) + " (expected fields, graph)")
        )
    fields = doc.get("fields")
    if fields is None:
        fields = []
    elif not isinstance(fields, list):
        reasons.append(("fields", "`fields` must be a list"))
    graph = doc.get("graph")
    if not isinstance(graph, dict):
        reasons.append(("graph", "`graph` must be a mapping with `nodes` and `edges`"))
    if reasons:
        raise DefinitionError(reasons)
    return fields, graph


def _string_keys(doc) -> None:
    """YAML keys may be numbers, booleans or null (`1: a`, `null: x`); a JSON object's are
    strings, and the definition's rules expect them: refused where they are."""
    stack = [(doc, ())]
    while stack:
        item, loc = stack.pop()
        if isinstance(item, dict):
            for key, child in item.items():
                if not isinstance(key, str):
                    where = ".".join(str(p) for p in ("definition", *loc))
                    raise DefinitionError(
                        [(where, f"Keys must be text: quote the key {key!r} to make it one")]
                    )
                stack.append((child, (*loc, key)))
        elif isinstance(item, list):
            stack.extend((child, (*loc, i)) for i, child in enumerate(item))


def task_skeleton(fields: list | None) -> str:
    """The start-a-task box's first text: each input field of the workflow, empty."""
    names = [f["name"] for f in fields or [] if isinstance(f, dict) and f.get("name")]
    return json.dumps(dict.fromkeys(names, ""), indent=2, ensure_ascii=False)


def parse_inputs(text: str) -> dict:
    """A task's inputs: a JSON object of field values."""
    try:
        value = jsonsafe.loads(text or "{}")
    except jsonsafe.BadJson as exc:
        where = ".".join(str(p) for p in ("inputs", *exc.loc))
        raise DefinitionError([(where, exc.message)]) from None
    if not isinstance(value, dict):
        raise DefinitionError([("inputs", "The inputs must be a JSON object of field values")])
    return value
