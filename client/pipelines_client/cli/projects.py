"""pipectl projects: list, get, create."""

from __future__ import annotations

from typing import Annotated

import typer

from .output import OutputOption, emit_list, emit_one
from .state import client

app = typer.Typer(help="Projects of your organization.", no_args_is_help=True)

COLUMNS = [("ID", "id"), ("NAME", "name"), ("DESCRIPTION", "description")]


@app.command("list")
def list_(
    archived: Annotated[bool, typer.Option("--archived", help="Include archived.")] = False,
    output: OutputOption = None,
) -> None:
    """List the projects."""
    emit_list(client().projects.list(include_archived=archived), COLUMNS, output)


@app.command()
def get(project_id: int, output: OutputOption = None) -> None:
    """Show one project."""
    emit_one(client().projects.get(project_id), output)


@app.command()
def create(
    name: str,
    description: Annotated[str | None, typer.Option(help="What it is for.")] = None,
    output: OutputOption = None,
) -> None:
    """Create a project."""
    emit_one(client().projects.create(name, description=description), output)
