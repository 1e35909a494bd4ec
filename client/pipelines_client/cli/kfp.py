"""pipectl kfp runs: list, get, logs, artifacts (the Kubeflow Pipelines surface, for users
without the kfp SDK)."""

from __future__ import annotations

from typing import Annotated

import typer

from .output import OutputOption, emit_list, emit_one
from .state import client

app = typer.Typer(help="The Kubeflow Pipelines surface (/apis/v2beta1).", no_args_is_help=True)
runs = typer.Typer(help="KFP runs.", no_args_is_help=True)
app.add_typer(runs, name="runs")

COLUMNS = [
    ("RUN ID", "run_id"),
    ("NAME", "display_name"),
    ("STATE", "state"),
    ("CREATED", "created_at"),
    ("FINISHED", "finished_at"),
]
SUMMARY = ["run_id", "display_name", "state", "experiment_id", "created_at", "finished_at", "error"]
RunArg = Annotated[str, typer.Argument(help="Run id.")]


@runs.command("list")
def list_(
    namespace: Annotated[str | None, typer.Option(help="Namespace (a project).")] = None,
    experiment: Annotated[str | None, typer.Option(help="Only this experiment's runs.")] = None,
    output: OutputOption = None,
) -> None:
    """List runs, newest first."""
    given = {"namespace": namespace} if namespace else {}
    emit_list(client().kfp.runs.list(experiment_id=experiment, **given), COLUMNS, output)


@runs.command()
def get(run_id: RunArg, output: OutputOption = None) -> None:
    """Show a run (json/yaml: with its task details)."""
    emit_one(client().kfp.runs.get(run_id), output, fields=SUMMARY)


@runs.command()
def logs(
    run_id: RunArg,
    task: Annotated[
        str | None, typer.Option("--task", help="Only this task id (default: every task's log).")
    ] = None,
) -> None:
    """Print a run's logs (every task's, or --task's)."""
    runs_ = client().kfp.runs
    if task:
        print(runs_.logs(run_id, task), end="", flush=True)
        return
    for entry in runs_.all_logs(run_id):
        node = entry["task_id"]
        print(f"==> {entry['display_name'] or node} ({node}) <==", flush=True)
        if entry["log"] is None:  # a DAG task, or one that has not run: no process, no log
            print(f"({entry['missing']})", flush=True)
        else:
            print(entry["log"], end="\n", flush=True)


@runs.command()
def artifacts(run_id: RunArg, output: OutputOption = None) -> None:
    """List a run's output artifacts."""
    columns = [
        ("TASK", "task"),
        ("NODE", "node_id"),
        ("NAME", "name"),
        ("DIRECTION", "direction"),
        ("URI", "uri"),
    ]
    emit_list(client().kfp.runs.artifacts(run_id), columns, output)
