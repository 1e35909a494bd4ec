"""How commands print: a Rich table for people, JSON or YAML for scripts.

Data goes to stdout, everything else (progress, notes, errors) to stderr, so
`pipectl ... --output json | jq` always reads clean JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Annotated, Any

import typer
import yaml
from rich import box
from rich.console import Console
from rich.table import Table

from ..core import as_dict

out = Console(soft_wrap=False)
err = Console(stderr=True)


class Format(StrEnum):
    table = "table"
    json = "json"
    yaml = "yaml"


OutputOption = Annotated[
    Format | None,
    typer.Option(
        "--output",
        help="table (default), json or yaml; overrides the global --output.",
        case_sensitive=False,
    ),
]


def chosen(fmt: Format | None) -> Format:
    """The command's --output, else the global one, else table."""
    if fmt is not None:
        return fmt
    from .state import state

    return state().output or Format.table


def plain(value: Any) -> Any:
    """Plain JSON data from generated models, lists of them and dicts."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "to_dict"):
        return plain(value.to_dict())
    return as_dict(value)


def dumps(data: Any, fmt: Format) -> str:
    if fmt is Format.yaml:
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True).rstrip("\n")
    return json.dumps(data, indent=2, default=str, ensure_ascii=False)


def pick(row: Any, path: str) -> Any:
    """A dotted path into plain data (`task.status`); None when absent."""
    value = row
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (dict, list)):
        return json.dumps(value, default=str, ensure_ascii=False)
    return str(value)


Columns = Sequence[tuple[str, str]]  # (header, dotted path)


def table(rows: Iterable[dict], columns: Columns, title: str | None = None) -> Table:
    t = Table(
        title=title, box=box.SIMPLE_HEAD, show_edge=False, header_style="bold", pad_edge=False
    )
    for header, _ in columns:
        t.add_column(header, overflow="fold")
    for row in rows:
        t.add_row(*(cell(pick(row, path)) for _, path in columns))
    return t


def emit_list(items: Iterable[Any], columns: Columns, fmt: Format | None = None) -> None:
    """A list: a table of `columns`, or every field of every item as JSON/YAML."""
    rows = [plain(item) for item in items]
    how = chosen(fmt)
    if how is Format.table:
        if rows:
            show(table(rows, columns))
        else:
            err.print("(none)")
        return
    print(dumps(rows, how))


def emit_one(item: Any, fmt: Format | None = None, fields: Sequence[str] | None = None) -> None:
    """One object: `field  value` lines, or the whole object as JSON/YAML."""
    data = plain(item)
    how = chosen(fmt)
    if how is not Format.table:
        print(dumps(data, how))
        return
    if not isinstance(data, dict):
        show(cell(data))
        return
    t = Table(show_header=False, show_edge=False, box=None, pad_edge=False)
    t.add_column(style="bold")
    t.add_column(overflow="fold")
    for key in fields or list(data):
        if key in data:
            t.add_row(key, cell(data[key]))
    show(t)


def show(renderable: Any) -> None:
    """Print to stdout without the padding Rich adds at the end of table lines."""
    with out.capture() as captured:
        out.print(renderable)
    print("\n".join(line.rstrip() for line in captured.get().splitlines()))


def note(message: str) -> None:
    """A human note on stderr (never mixed into the data)."""
    err.print(message)


class ProgressBar:
    """A Rich progress bar on stderr, fed by the SDK's `progress(done, total_or_None)`."""

    def __init__(self, description: str):
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=False,
        )
        self._task = self._progress.add_task(description, total=None)

    def __call__(self, done: float, total: float | None = None, *_: Any) -> None:
        self._progress.update(self._task, completed=done, total=total)

    def __enter__(self) -> ProgressBar:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()
