"""Options and small helpers the command groups share."""

from __future__ import annotations

from typing import Annotated

import typer

ProjectOption = Annotated[
    int, typer.Option("--project", "-P", help="Project id.", envvar="PIPECTL_PROJECT")
]
WorkflowArg = Annotated[int, typer.Argument(help="Workflow id.")]
WorkflowOption = Annotated[int, typer.Option("--workflow", "-w", help="Workflow id.")]
FileOption = Annotated[
    typer.FileText,
    typer.Option("--file", "-f", help="The file ('-' for stdin)."),
]


def value(thing, name: str):
    """A field of a generated model or a dict, with enums as their value."""
    got = thing.get(name) if isinstance(thing, dict) else getattr(thing, name, None)
    return getattr(got, "value", got)


def org_id(client, given: int | None) -> int:
    """The organization: the option, else the caller's own (from whoami)."""
    if given is not None:
        return given
    return client.whoami().org_id
