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


def _items(**filters):
    from pipelines_api.api.work import my_work

    given = {k: v for k, v in filters.items() if v is not None}
    return client().paginate(my_work, **given)


def _item(node_db_id: int):
    for item in _items():
        if value(item, "node_db_id") == node_db_id:
            return item
    raise NotFound(404, f"no work item {node_db_id} is waiting for you")


@app.command("open")
def open_(node_db_id: NodeArg, output: OutputOption = None) -> None:
    """Open a work item: its form (or review) with the task's data."""
    from pipelines_api.api.work import get_review, get_subtask

    item = _item(node_db_id)
    op = get_review if value(item, "kind") == "review" else get_subtask
    ids = {"project_id": item.project_id, "workflow_id": item.workflow_id}
    emit_one(client().call(op, node_db_id=node_db_id, **ids), output)


app.command("get", help="Same as open.")(open_)


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
    from pipelines_api.api.work import submit_review, submit_subtask
    from pipelines_api.models import ReviewSubmission, SubtaskSubmission

    body = read_document(file)
    if not isinstance(body, dict):
        raise typer.BadParameter(f"{file} must hold one object")
    item = _item(node_db_id)
    ids = {"project_id": item.project_id, "workflow_id": item.workflow_id}
    if value(item, "kind") == "review":
        done = client().call(
            submit_review, node_db_id=node_db_id, body=ReviewSubmission.from_dict(body), **ids
        )
    else:
        values = body if "values" not in body else body["values"]
        done = client().call(
            submit_subtask,
            node_db_id=node_db_id,
            body=SubtaskSubmission.from_dict({"values": values}),
            **ids,
        )
    note(f"Submitted work item {node_db_id}.")
    emit_one(done, output)


@app.command()
def release(node_db_id: NodeArg, output: OutputOption = None) -> None:
    """Give a claimed work item back to the pool."""
    from pipelines_api.api.work import release_node

    item = _item(node_db_id)
    ids = {"project_id": item.project_id, "workflow_id": item.workflow_id}
    emit_one(client().call(release_node, node_db_id=node_db_id, **ids), output)
