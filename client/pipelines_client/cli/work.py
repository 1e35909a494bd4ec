"""pipectl my-work: list, open (get), submit -f, release.

A work item is a human node (a subtask form or a review) of some task; it is named by its
node id (`node_db_id`, the NODE column of `my-work list`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import NotFound
from .common import value
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
    for item in _items():
        if value(item, "node_db_id") == node_db_id:
            return item
    raise NotFound(404, f"no work item {node_db_id} is waiting for you")


def _ids(item) -> tuple[int, int, int]:
    return value(item, "project_id"), value(item, "workflow_id"), value(item, "node_db_id")


@app.command("open")
def open_(node_db_id: NodeArg, output: OutputOption = None) -> None:
    """Open a work item, claiming it for you: its form (or review) with the task's data."""
    item = _item(node_db_id)
    work = client().work
    claim = work.claim_review if value(item, "kind") == "review" else work.claim
    emit_one(claim(*_ids(item)), output)


@app.command()
def get(node_db_id: NodeArg, output: OutputOption = None) -> None:
    """Show a work item's form without claiming it."""
    emit_one(client().work.get(*_ids(_item(node_db_id))), output)


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
    item = _item(node_db_id)
    work = client().work
    if value(item, "kind") == "review":
        done = work.submit_review(
            *_ids(item), decision=body.get("decision"), comment=body.get("comment")
        )
    else:
        done = work.submit(*_ids(item), body["values"] if "values" in body else body)
    note(f"Submitted work item {node_db_id}.")
    emit_one(done, output)


@app.command()
def release(node_db_id: NodeArg, output: OutputOption = None) -> None:
    """Give a claimed work item back to the pool."""
    emit_one(client().work.release(*_ids(_item(node_db_id))), output)
