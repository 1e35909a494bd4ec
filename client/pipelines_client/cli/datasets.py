"""pipectl datasets: list, get, import -f (with a progress bar)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .output import OutputOption, ProgressBar, emit_list, emit_one
from .state import client

app = typer.Typer(help="Datasets of the library (CSV or JSONL tables).", no_args_is_help=True)

COLUMNS = [
    ("ID", "id"),
    ("NAME", "name"),
    ("STATUS", "status"),
    ("ROWS", "row_count"),
    ("FORMAT", "source_format"),
]
SUMMARY = ["id", "name", "status", "source_format", "file_name", "file_bytes", "row_count"]


@app.command("list")
def list_(output: OutputOption = None) -> None:
    """List the datasets."""
    emit_list(client().datasets.list(), COLUMNS, output)


@app.command()
def get(dataset_id: int, output: OutputOption = None) -> None:
    """Show a dataset (json/yaml: with its columns)."""
    emit_one(client().datasets.get(dataset_id), output, fields=SUMMARY)


@app.command("import")
def import_(
    file: Annotated[
        Path, typer.Option("--file", "-f", exists=True, dir_okay=False, help="CSV or JSONL.")
    ],
    name: Annotated[str | None, typer.Option(help="Name (default: the file's).")] = None,
    output: OutputOption = None,
) -> None:
    """Upload a CSV or JSONL file and wait for its import, with a progress bar."""
    with ProgressBar(f"importing {file.name}") as bar:
        dataset = client().datasets.import_file(file, name=name, progress=bar)
    emit_one(dataset, output, fields=SUMMARY)
