"""pipectl workflows: list, get, apply -f, validate -f, activate, pause, graph."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import issue_text
from .common import ProjectOption, WorkflowArg
from .output import Format, OutputOption, chosen, dumps, emit_list, emit_one, note, plain
from .state import client, read_document

app = typer.Typer(help="Workflows of a project.", no_args_is_help=True)

COLUMNS = [("ID", "id"), ("NAME", "name"), ("STATUS", "status"), ("VERSION", "version")]
SUMMARY = ["id", "project_id", "name", "status", "version", "description", "updated_at"]
DefinitionFile = Annotated[
    Path,
    typer.Option(
        "--file", "-f", help="The workflow as YAML or JSON (name, fields, graph); '-' for stdin."
    ),
]


@app.command("list")
def list_(
    project: ProjectOption,
    tag: Annotated[str | None, typer.Option(help="Only workflows with this tag.")] = None,
    output: OutputOption = None,
) -> None:
    """List the workflows of a project."""
    emit_list(client().workflows.list(project, tag=tag), COLUMNS, output)


@app.command()
def get(workflow_id: WorkflowArg, project: ProjectOption, output: OutputOption = None) -> None:
    """Show a workflow (the table shows its summary; json/yaml the whole definition)."""
    emit_one(client().workflows.get(project, workflow_id), output, fields=SUMMARY)


def _definition(path: Path) -> dict:
    data = read_document(path)
    if not isinstance(data, dict):
        raise typer.BadParameter(f"{path} must hold one object (name, fields, graph)")
    return data


@app.command()
def apply(
    file: DefinitionFile,
    project: ProjectOption,
    workflow_id: Annotated[
        int | None,
        typer.Option("--id", help="Update this workflow (default: the one with the file's name)."),
    ] = None,
    activate: Annotated[bool, typer.Option("--activate", help="Activate it afterwards.")] = False,
    output: OutputOption = None,
) -> None:
    """Create a workflow from a file, or update the one of the same name (or --id)."""
    c = client()
    workflow, created = c.workflows.apply(project, _definition(file), wf_id=workflow_id)
    note(f"{'Created' if created else 'Updated'} workflow {workflow.id}.")
    if activate:
        workflow = c.workflows.activate(project, workflow.id)
    emit_one(workflow, output, fields=SUMMARY)


@app.command()
def validate(file: DefinitionFile, project: ProjectOption, output: OutputOption = None) -> None:
    """Check a workflow file without saving it; exit 1 and list every issue when invalid."""
    issues = [plain(i) for i in client().workflows.validate(project, _definition(file))]
    if chosen(output) is not Format.table:
        print(dumps({"valid": not issues, "issues": issues}, chosen(output)))
    elif issues:
        for issue in issues:
            print(f"- {issue_text(issue)}")
    else:
        print("valid")
    if issues:
        raise typer.Exit(1)


@app.command()
def activate(workflow_id: WorkflowArg, project: ProjectOption, output: OutputOption = None) -> None:
    """Activate a workflow (tasks can then be created)."""
    emit_one(client().workflows.activate(project, workflow_id), output, fields=SUMMARY)


@app.command()
def pause(workflow_id: WorkflowArg, project: ProjectOption, output: OutputOption = None) -> None:
    """Pause a workflow (no new tasks; running ones finish)."""
    emit_one(client().workflows.pause(project, workflow_id), output, fields=SUMMARY)


@app.command()
def graph(workflow_id: WorkflowArg, project: ProjectOption, output: OutputOption = None) -> None:
    """The workflow's DAG as text: its nodes with their kinds, then its edges."""
    workflow = plain(client().workflows.get(project, workflow_id))
    how = chosen(output)
    if how is not Format.table:
        print(dumps(workflow.get("graph") or {}, how))
        return
    print(graph_text(workflow))


def graph_text(workflow: dict) -> str:
    """`name (workflow N, STATUS, version V)`, the nodes, then `a -> b` edges with ports."""
    g = workflow.get("graph") or {}
    nodes, edges = g.get("nodes") or [], g.get("edges") or []
    width = max((len(str(n.get("id"))) for n in nodes), default=0)
    lines = [
        f"{workflow.get('name')} (workflow {workflow.get('id')}, {workflow.get('status')}, "
        f"version {workflow.get('version')})",
        f"nodes ({len(nodes)}):",
    ]
    lines += [f"  {str(n.get('id')).ljust(width)}  {n.get('kind')}" for n in nodes]
    lines.append(f"edges ({len(edges)}):")
    for e in edges:
        port = e.get("source_port")
        arrow = f" --{port}--> " if port and port != "out" else " -> "
        target = e.get("target")
        if e.get("target_port") and e.get("target_port") != "in":
            target = f"{target}.{e['target_port']}"
        lines.append(f"  {e.get('source')}{arrow}{target}")
    return "\n".join(lines)
