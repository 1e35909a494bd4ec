"""pipectl events tail: follow the live event stream."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from .output import Format, OutputOption, chosen, dumps, out, plain
from .state import client

app = typer.Typer(help="The live event stream.", no_args_is_help=True)


@app.command()
def tail(
    task: Annotated[int | None, typer.Option("--task", help="Only this task's events.")] = None,
    workflow: Annotated[
        int | None, typer.Option("--workflow", "-w", help="Only this workflow's events.")
    ] = None,
    after: Annotated[
        int | None, typer.Option(help="Start after this event id (0: from the oldest kept).")
    ] = None,
    seconds: Annotated[
        float | None,
        typer.Option(
            "--seconds", help="Stop after this many seconds (default: follow until Ctrl-C)."
        ),
    ] = None,
    output: OutputOption = None,
) -> None:
    """Print events as they happen: `id type data` lines, or one JSON object a line with
    --output json (JSON Lines), YAML documents with --output yaml. Reconnects and resumes
    from the last event seen after a dropped connection."""
    how = chosen(output)
    events = client().events.stream(
        task_id=task, workflow_id=workflow, after=after, max_seconds=seconds
    )
    for event in events:
        data = plain(event)
        if how is Format.json:
            print(json.dumps(data, default=str, ensure_ascii=False), flush=True)
        elif how is Format.yaml:
            print("---\n" + dumps(data, how), flush=True)
        else:
            body = json.dumps(data.get("data"), default=str, ensure_ascii=False)
            out.print(
                f"{data.get('id')}  {data.get('type')}  {body}", markup=False, highlight=False
            )
