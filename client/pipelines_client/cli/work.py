"""pipectl my-work: list, open (get), submit -f, release.

A work item is a human node (a subtask form or a review) of some task; it is named by its
node id (`node_db_id`, the NODE column of `my-work list`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..resources.work import item_ids
from .output import OutputOption, emit_list, emit_one, note
from .state import client, read_document

app = typer.Typer(help="Your work: the forms and reviews waiting for you.", no_args_is_help=True)

COLUMNS = [
    ("NODE", "node_db_id"),
    ("KIND", "kind"),
    ("TASK", "task_id"),
    ("WORKFLOW", "workflow_name"),
    ("PROJECT", "project_id"),
    ("STEP", "node_id"),
    ("STATUS", "status"),
]
NodeArg = Annotated[int, typer.Argument(help="The work item's node id (NODE in `list`).")]


@app.command("list")
def list_(
    kind: Annotated[str | None, typer.Option(help="subtask or review.")] = None,
    tag: Annotated[str | None, typer.Option(help="Only tasks with this tag.")] = None,
    output: OutputOption = None,
) -> None:
    """List the work waiting for you, oldest first."""
    emit_list(_items(kind=kind, tag=tag), COLUMNS, output)


def _items(kind: str | None = None, tag: str | None = None):
    return client().work.list(kind=kind, tag=tag)


def _item(node_db_id: int):
    return client().work.find(node_db_id)


@app.command("open")
def open_(node_db_id: NodeArg, output: OutputOption = None) -> None:
    """Open a work item, claiming it for you: its form (or review) with the task's data."""
    emit_one(client().work.open(_item(node_db_id)), output)


@app.command()
def get(node_db_id: NodeArg, output: OutputOption = None) -> None:
    """Show a work item's form without claiming it."""
    emit_one(client().work.get(*item_ids(_item(node_db_id))), output)


@app.command()
def submit(
    node_db_id: NodeArg,
    file: Annotated[
        Path,
        typer.Option(
            "--file",
            "-f",
            help="YAML/JSON: the form's values (or {values: ...}); a review's "
            "{decision: pass|fail, comment: ...}.",
        ),
    ],
    output: OutputOption = None,
) -> None:
    """Submit a work item from a file."""
    body = read_document(file)
    if not isinstance(body, dict):
        raise typer.BadParameter(f"{file} must hold one object")
    done = client().work.answer(_item(node_db_id), body)
    note(f"Submitted work item {node_db_id}.")
    emit_one(done, output)


@app.command()
def release(node_db_id: NodeArg, output: OutputOption = None) -> None:
    """Give a claimed work item back to the pool."""
    emit_one(client().work.release(*item_ids(_item(node_db_id))), output)
