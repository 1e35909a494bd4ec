"""pipectl tasks: create -f (CSV or JSONL), list, get, timeline, watch, export, cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Group
from rich.live import Live
from rich.text import Text

from ..errors import WaitTimeout
from ..resources.tasks import rows_from_file, task_finished
from .common import ProjectOption, WorkflowOption
from .output import (
    Format,
    OutputOption,
    ProgressBar,
    chosen,
    dumps,
    emit_list,
    emit_one,
    note,
    out,
    plain,
    show,
    table,
)
from .state import client

app = typer.Typer(help="Tasks of a workflow.", no_args_is_help=True)

COLUMNS = [("ID", "id"), ("STATUS", "status"), ("CREATED", "created_at")]
NODE_COLUMNS = [
    ("NODE", "node_id"),
    ("KIND", "kind"),
    ("STATUS", "status"),
    ("ATTEMPT", "attempt"),
]
TaskArg = Annotated[int, typer.Argument(help="Task id.")]
Timeout = Annotated[float, typer.Option(help="Give up after this many seconds (exit 5).")]
Interval = Annotated[float, typer.Option(help="Seconds between polls.")]


def read_rows(path: Path, fmt: str | None) -> tuple[list[dict], int]:
    """The rows of a CSV (header = field names) or JSONL file (the SDK's rows_from_file; a
    file it cannot read or parse raises InvalidFile)."""
    rows = rows_from_file(path, fmt)
    return rows, len(rows)


@app.command()
def create(
    project: ProjectOption,
    workflow: WorkflowOption,
    file: Annotated[Path, typer.Option("--file", "-f", help="A CSV or JSONL file of rows.")],
    fmt: Annotated[
        str | None, typer.Option("--format", help="csv or jsonl (default: from the file name).")
    ] = None,
    batch_size: Annotated[int, typer.Option(help="Rows per request.")] = 100,
    output: OutputOption = None,
) -> None:
    """Create one task per row of a CSV or JSONL file, with a progress bar.

    Rows the server rejects are listed (with their row index) and the exit code is 1; the
    other rows' tasks are created."""
    rows, total = read_rows(file, fmt)
    with ProgressBar(f"creating {total} tasks") as bar:
        bar(0, total)
        ids = client().tasks.create(project, workflow, rows, batch_size=batch_size, progress=bar)
    errors = [plain(e) for e in getattr(ids, "errors", [])]
    ids = list(ids)
    if chosen(output) is Format.table:
        note(f"Created {len(ids)} of {total} tasks.")
        for error in errors:
            note(f"  row {error.get('index')}: {error.get('errors') or error}")
        print(" ".join(str(i) for i in ids))
    else:
        data = {"created": len(ids), "rows": total, "task_ids": ids, "errors": errors}
        print(dumps(data, chosen(output)))
    if errors:
        raise typer.Exit(1)


@app.command("list")
def list_(
    project: ProjectOption,
    workflow: WorkflowOption,
    status: Annotated[str | None, typer.Option(help="Only tasks in this status.")] = None,
    tag: Annotated[str | None, typer.Option(help="Only tasks with this tag.")] = None,
    output: OutputOption = None,
) -> None:
    """List the tasks of a workflow."""
    emit_list(client().tasks.list(project, workflow, status=status, tag=tag), COLUMNS, output)


@app.command()
def get(
    task_id: TaskArg, project: ProjectOption, workflow: WorkflowOption, output: OutputOption = None
) -> None:
    """Show a task with every node's status (json/yaml: with the nodes' outputs)."""
    task = client().tasks.get(project, workflow, task_id)
    if chosen(output) is not Format.table:
        emit_one(task, output)
        return
    show(_task_view(plain(task)))


@app.command()
def timeline(
    task_id: TaskArg, project: ProjectOption, workflow: WorkflowOption, output: OutputOption = None
) -> None:
    """The events of a task, oldest first."""
    events = client().tasks.timeline(project, workflow, task_id)
    emit_list(events, [("ID", "id"), ("TYPE", "type"), ("AT", "created_at")], output)


@app.command()
def cancel(
    task_id: TaskArg, project: ProjectOption, workflow: WorkflowOption, output: OutputOption = None
) -> None:
    """Cancel a task (its running nodes are stopped)."""
    emit_one(client().tasks.cancel(project, workflow, task_id), output, fields=["id", "status"])


def _task_view(task: dict):
    head = Text(f"task {task.get('id')}: {task.get('status')}")
    summary = task.get("node_summary") or {}
    if summary:
        head.append(f"  ({summary.get('finished', 0)}/{summary.get('total', 0)} nodes finished)")
    parts = [head, table(task.get("nodes") or [], NODE_COLUMNS)]
    if task.get("error"):
        parts.append(Text(f"error: {task['error']}"))
    return Group(*parts)


def _workflow_view(tasks: list[dict]):
    rows = []
    for t in tasks:
        s = t.get("node_summary") or {}
        rows.append(
            {
                "id": t.get("id"),
                "status": t.get("status"),
                "nodes": f"{s.get('finished', 0)}/{s.get('total', 0)}" if s else "",
            }
        )
    columns = [("TASK", "id"), ("STATUS", "status"), ("NODES", "nodes")]
    done = sum(1 for t in tasks if task_finished(t))
    return Group(Text(f"{done}/{len(tasks)} tasks done"), table(rows, columns))


@app.command()
def watch(
    project: ProjectOption,
    task_id: Annotated[int | None, typer.Argument(help="Task id (or --workflow alone).")] = None,
    workflow: Annotated[int, typer.Option("--workflow", "-w", help="Workflow id.")] = ...,
    timeout: Timeout = 600.0,
    interval: Interval = 1.0,
    output: OutputOption = None,
) -> None:
    """Follow a task (or every task of --workflow) live until it is done.

    A table of node states, redrawn on each poll; exits 0 when done (1 if a task failed, was
    cancelled or quarantined), 5 on --timeout. A workflow without tasks is done at once."""
    c = client()
    live_table = chosen(output) is Format.table

    def view(snapshot: list) -> object:
        tasks = [plain(t) for t in snapshot]
        return _task_view(tasks[0]) if task_id is not None else _workflow_view(tasks)

    live = Live(Text(""), console=out, auto_refresh=False) if live_table else _Null()
    ids = None if task_id is None else [task_id]
    timed_out = None
    with live:
        progress = (lambda snap: live.update(view(snap), refresh=True)) if live_table else None
        try:
            snapshot = c.tasks.watch(
                project, workflow, ids, timeout=timeout, poll=interval, progress=progress
            )
        except WaitTimeout as exc:
            snapshot, timed_out = exc.last or [], exc
    if live_table and not out.is_terminal:
        print(flush=True)  # Rich ends a live display's last render without a newline off a tty
    tasks = [plain(t) for t in snapshot]
    if not live_table:
        data = tasks[0] if task_id is not None else tasks
        print(dumps(data, chosen(output)))
    if timed_out is not None:
        what = f"task {task_id}" if task_id is not None else f"workflow {workflow}'s tasks"
        raise WaitTimeout(f"{what} not done after {timeout:g} seconds", snapshot)
    if any(t.get("status") != "finished" for t in tasks):
        raise typer.Exit(1)


class _Null:
    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        return None


@app.command()
def export(
    project: ProjectOption,
    workflow: WorkflowOption,
    to: Annotated[Path, typer.Option("--out", "-o", help="The file to write.")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
) -> None:
    """Export every task of a workflow to a file (an export job, then its download)."""
    with ProgressBar("exporting") as bar:
        client().tasks.export(project, workflow, to, format=fmt, progress=bar)
    note(f"Wrote {to} ({to.stat().st_size} bytes).")
