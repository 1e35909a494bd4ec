"""Options and small helpers the command groups share."""

from __future__ import annotations

from typing import Annotated

import typer

from ..core import field

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
    """A field of a generated model or a dict (the SDK's `field`), with enums as their value."""
    got = field(thing, name)
    return getattr(got, "value", got)


def org_id(client, given: int | None) -> int:
    """The organization: the option, else the caller's own (the SDK's default_org_id)."""
    return client.default_org_id(given)
