"""pipectl experiments: create -f, get, watch, cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import ProjectOption, WorkflowOption, value
from .output import OutputOption, ProgressBar, emit_one, note
from .state import client, read_document

app = typer.Typer(
    help="Experiments: variants of a workflow run side by side.", no_args_is_help=True
)

SUMMARY = ["experiment_id", "name", "status", "progress", "total", "success_count", "error"]
ExperimentArg = Annotated[str, typer.Argument(help="Experiment id.")]


@app.command()
def create(
    project: ProjectOption,
    workflow: WorkflowOption,
    file: Annotated[
        Path, typer.Option("--file", "-f", help="The experiment (count, variants) as YAML/JSON.")
    ],
    watch_: Annotated[bool, typer.Option("--watch", help="Wait until it is done.")] = False,
    timeout: Annotated[float, typer.Option(help="With --watch: seconds (exit 5).")] = 600.0,
    output: OutputOption = None,
) -> None:
    """Start an experiment from a file."""
    spec = read_document(file)
    if not isinstance(spec, dict):
        raise typer.BadParameter(f"{file} must hold one object (count, variants)")
    c = client()
    experiment = c.experiments.create(project, workflow, spec)
    if watch_:
        experiment = _wait(c, project, workflow, value(experiment, "experiment_id"), timeout)
    emit_one(experiment, output, fields=SUMMARY)


@app.command()
def get(
    experiment_id: ExperimentArg,
    project: ProjectOption,
    workflow: WorkflowOption,
    output: OutputOption = None,
) -> None:
    """Show an experiment and its variants (json/yaml: everything)."""
    emit_one(client().experiments.get(project, workflow, experiment_id), output, fields=SUMMARY)


@app.command()
def watch(
    experiment_id: ExperimentArg,
    project: ProjectOption,
    workflow: WorkflowOption,
    timeout: Annotated[
        float, typer.Option(help="Give up after this many seconds (exit 5).")
    ] = 600.0,
    output: OutputOption = None,
) -> None:
    """Wait for an experiment with a progress bar; exit 1 unless it completed."""
    experiment = _wait(client(), project, workflow, experiment_id, timeout)
    emit_one(experiment, output, fields=SUMMARY)
    if value(experiment, "status") != "completed":
        raise typer.Exit(1)


@app.command()
def cancel(
    experiment_id: ExperimentArg,
    project: ProjectOption,
    workflow: WorkflowOption,
    output: OutputOption = None,
) -> None:
    """Ask an experiment to stop."""
    emit_one(client().experiments.cancel(project, workflow, experiment_id), output, fields=SUMMARY)


def _wait(c, project: int, workflow: int, experiment_id: str, timeout: float):
    with ProgressBar(f"experiment {experiment_id}") as bar:
        done = c.experiments.wait_for(
            project, workflow, experiment_id, timeout=timeout, progress=bar
        )
    note(f"experiment {experiment_id}: {value(done, 'status')}")
    return done
