"""pipectl tasks: create -f (CSV or JSONL), list, get, timeline, watch, export, cancel."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Group
from rich.live import Live
from rich.text import Text

from ..errors import WaitTimeout
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

FINAL = {"finished", "failed", "cancelled"}
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
    """The rows of a CSV (header = field names) or JSONL file (one object a line)."""
    kind = (fmt or path.suffix.lstrip(".")).lower()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise typer.BadParameter(f"cannot read {path}: {exc.strerror}") from exc
    if kind == "csv":
        rows = [dict(row) for row in csv.DictReader(text.splitlines())]
    elif kind in ("jsonl", "ndjson", "json"):
        rows = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                raise typer.BadParameter(f"{path}:{number} is not JSON: {exc}") from exc
            if not isinstance(row, dict):
                raise typer.BadParameter(f"{path}:{number} is not a JSON object")
            rows.append(row)
    else:
        raise typer.BadParameter(f"{path}: name it .csv or .jsonl, or pass --format csv|jsonl")
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
        waiting = [
            f"{n.get('node_id')}:{n.get('status')}"
            for n in t.get("nodes") or []
            if n.get("status") not in ("finished", "na", "pending")
        ]
        rows.append(
            {
                "id": t.get("id"),
                "status": t.get("status"),
                "nodes": f"{s.get('finished', 0)}/{s.get('total', 0)}" if s else "",
                "active": " ".join(waiting),
            }
        )
    columns = [("TASK", "id"), ("STATUS", "status"), ("NODES", "nodes"), ("ACTIVE", "active")]
    done = sum(1 for t in tasks if t.get("status") in FINAL)
    return Group(Text(f"{done}/{len(tasks)} tasks done"), table(rows, columns))


def _polls(timeout: float, interval: float) -> Iterator[int]:
    deadline = time.monotonic() + timeout
    number = 0
    while True:
        yield number
        number += 1
        if time.monotonic() >= deadline:
            return
        time.sleep(interval)


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

    A table of node states, redrawn on each poll; exits 0 when done (1 if a task failed or was
    cancelled), 5 on --timeout."""
    c = client()

    def read() -> tuple[object, list[dict]]:
        if task_id is not None:
            task = plain(c.tasks.get(project, workflow, task_id))
            return _task_view(task), [task]
        tasks = [plain(t) for t in c.tasks.list(project, workflow)]
        full = [plain(c.tasks.get(project, workflow, t["id"])) for t in tasks]
        return _workflow_view(full), full

    view, tasks = read()
    done = False
    live_table = chosen(output) is Format.table
    live = Live(view, console=out, auto_refresh=False) if live_table else _Null()
    with live:
        for _ in _polls(timeout, interval):
            view, tasks = read()
            if live_table:
                live.update(view, refresh=True)
            if tasks and all(t.get("status") in FINAL for t in tasks):
                done = True
                break
    if not live_table:
        data = tasks[0] if task_id is not None else tasks
        print(dumps(data, chosen(output)))
    if not done:
        what = f"task {task_id}" if task_id is not None else f"workflow {workflow}'s tasks"
        raise WaitTimeout(f"{what} not done after {timeout:g} seconds")
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
