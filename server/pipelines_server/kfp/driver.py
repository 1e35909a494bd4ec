"""What upstream's KFP backend (its driver and its Argo compiler) decides about a task's
inputs, where kfp.local decides otherwise, as pure functions the DAG runner calls:

- the run's placeholders given as constant inputs (`dsl.PIPELINE_JOB_NAME_PLACEHOLDER` and
  the like) resolve to the run's display name, its resource name, its id, and the task's
  name and id (kfp.local: the resource name, a made-up id, an IndexError);
- an exit task's `dsl.PipelineTaskFinalStatus` carries the backend's states (COMPLETE,
  FAILED, CANCELED: MLMD's execution states) and the run's resource name;
- an optional input whose value resolves to null is not passed (the component's own default
  applies), a nested pipeline's optional input without a default is null, and a default
  is never made up (kfp.local: "Unknown value type");
- `{{retries}}` in a constant input is the attempt's retry count (0 for the first try), as
  Argo resolves it, and a task without a retry policy takes its enclosing pipeline task's;
- a `dsl.Collected` output of nested loops is one flat list (of artifacts or parameters),
  as upstream's driver gathers it from every task that ran;
- a ParallelFor's inputs resolve once, in the DAG around it, and each iteration gets them
  plus its own item under the loop's own item input (`iteration_arguments`), so in nested
  loops the outer loop's item (and its fields) stays what it was (kfp.local rewrites every
  `*-loop-item` input of the inner loop to the inner item).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .records import CANCELED, FAILED, SKIPPED, SUCCEEDED, is_artifact

RETRIES = "{{retries}}"

# What the backend gives a PipelineTaskFinalStatus for our task states (MLMD's names).
FINAL_STATES = {SUCCEEDED: "COMPLETE", SKIPPED: "COMPLETE", FAILED: "FAILED", CANCELED: "CANCELED"}


@dataclass(frozen=True)
class RunNames:
    """A run's names as the backend gives them to placeholders."""

    display_name: str  # {{$.pipeline_job_name}}: the run's display name
    resource_name: str  # {{$.pipeline_job_resource_name}}: <pipeline name>-<run id prefix>
    run_id: str  # {{$.pipeline_job_uuid}}


def placeholder_values(names: RunNames, task_name: str, task_id: str) -> dict[str, str]:
    from kfp import dsl

    return {
        dsl.PIPELINE_JOB_NAME_PLACEHOLDER: names.display_name,
        dsl.PIPELINE_JOB_RESOURCE_NAME_PLACEHOLDER: names.resource_name,
        dsl.PIPELINE_JOB_ID_PLACEHOLDER: names.run_id,
        dsl.PIPELINE_TASK_NAME_PLACEHOLDER: task_name,
        dsl.PIPELINE_TASK_ID_PLACEHOLDER: task_id,
    }


def substitute(text: str, values: dict[str, str]) -> str:
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text


def final_status(state: str | None, names: RunNames, producer: str) -> dict:
    """The PipelineTaskFinalStatus an exit task receives about `producer` (the task it
    guards, e.g. `exit-handler-1`), in the backend's JSON form."""
    return {
        "state": FINAL_STATES.get(state or SUCCEEDED, state or "COMPLETE"),
        "pipelineJobResourceName": names.resource_name,
        "pipelineTaskName": producer,
        "error": {},
    }


def task_arguments(
    arguments: dict,
    spec,
    component,
    *,
    names: RunNames,
    task_name: str,
    task_id: str,
    status_of,
) -> dict:
    """A task's arguments (kfp.local's resolution) corrected as the backend resolves them:
    placeholders in constants, final statuses, and optional inputs that resolved to null
    left out. `status_of(producer)` is the producer task's state (None if unknown)."""
    values = placeholder_values(names, task_name, task_id)
    out = dict(arguments)
    optional = {name for name, p in component.input_definitions.parameters.items() if p.is_optional}
    for name, input_spec in spec.inputs.parameters.items():
        which = input_spec.WhichOneof("kind")
        if which == "runtime_value" and isinstance(out.get(name), str):
            out[name] = substitute(out[name], values)
        elif which == "task_final_status":
            producer = input_spec.task_final_status.producer_task
            out[name] = final_status(status_of(producer), names, producer)
        if name in out and out[name] is None and name in optional:
            del out[name]
    return out


def drop_unset_parameters(executor_input) -> None:
    """Leaves out of an ExecutorInput the parameters that have no value (an optional input
    that was not given and has no default): the component's own default applies, as with
    the backend, which never passes a default it does not have."""
    values = executor_input.inputs.parameter_values
    for name in [n for n, v in values.items() if v.WhichOneof("kind") is None]:
        del values[name]


def dag_arguments(arguments: dict, inputs_spec) -> dict:
    """A pipeline's (or nested pipeline's) inputs: what it was given, else the input's
    default, else null (an optional input without a default, as the backend passes it)."""
    from kfp.local import executor_output_utils

    out = dict(arguments)
    for name, p in inputs_spec.parameters.items():
        if name not in out:
            has_default = p.default_value.WhichOneof("kind") is not None
            out[name] = (
                executor_output_utils.pb2_value_to_python(p.default_value) if has_default else None
            )
    return out


def without_unset_defaults(component):
    """A copy of a nested pipeline's component spec without the parameters that have no
    default (kfp.local would fail reading their empty default); `dag_arguments` gives them
    their null afterwards."""
    from kfp.pipeline_spec import pipeline_spec_pb2

    copy = pipeline_spec_pb2.ComponentSpec()
    copy.CopyFrom(component)
    for name, p in component.input_definitions.parameters.items():
        if p.default_value.WhichOneof("kind") is None:
            del copy.input_definitions.parameters[name]
    return copy


def with_retry_count(arguments: dict, attempt: int) -> dict:
    """The arguments of one attempt: `{{retries}}` in a string input is the retry count."""
    if not any(isinstance(v, str) and RETRIES in v for v in arguments.values()):
        return arguments
    return {
        k: v.replace(RETRIES, str(attempt)) if isinstance(v, str) else v
        for k, v in arguments.items()
    }


def inherit_retry(spec, retry_policy):
    """The task spec with its enclosing pipeline task's retry policy when it has none of its
    own (the backend's compiler does this for every task inside a DAG task)."""
    if retry_policy is None or spec.HasField("retry_policy"):
        return spec
    from kfp.pipeline_spec import pipeline_spec_pb2

    copy = pipeline_spec_pb2.PipelineTaskSpec()
    copy.CopyFrom(spec)
    copy.retry_policy.CopyFrom(retry_policy)
    return copy


class Collected(list):
    """The outputs a loop collected (one per container task that ran in it), told apart
    from a list a task returned: an enclosing loop splices it in, as upstream's backend
    gathers a `dsl.Collected` through nested loops and pipelines down to the tasks."""


def collect(values: list[Any]) -> Collected:
    """The outputs of a loop's iterations, in order, for one output key: one value per
    iteration, where what an inner loop collected is spliced in (nested loops give one flat
    list, parameters and artifacts alike, as upstream's driver gathers them); for artifacts
    any list is spliced (a component outputs no list of artifacts)."""
    artifacts = bool(values) and all(v is None or is_artifact(v) for v in values)
    flat = Collected()
    for v in values:
        if isinstance(v, Collected) or (artifacts and isinstance(v, list)):
            flat.extend(v)
        elif artifacts and v is None:
            continue
        else:
            flat.append(v)
    return flat


class LoopError(ValueError):
    pass


def loop_items(spec, arguments: dict) -> tuple[list[Any], str]:
    """The items a ParallelFor task iterates over and the name of its item input, from the
    task's own resolved inputs (`arguments`), as upstream's driver takes them: a raw list,
    or the items input's value (a list, or a JSON text of one)."""
    import json

    which = spec.WhichOneof("iterator")
    if which == "parameter_iterator":
        iterator = spec.parameter_iterator
        item_input = iterator.item_input
        if iterator.items.HasField("raw"):
            value: Any = iterator.items.raw
        else:
            name = iterator.items.input_parameter
            if name not in arguments:
                raise LoopError(f"The loop's items input {name!r} has no value")
            value = arguments[name]
    elif which == "artifact_iterator":
        iterator = spec.artifact_iterator
        item_input = iterator.item_input
        name = iterator.items.input_artifact
        if name not in arguments:
            raise LoopError(f"The loop's items input {name!r} has no value")
        value = arguments[name]
    else:
        raise LoopError("The task is not a loop")
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError as exc:
            raise LoopError(f"The loop's items are not a JSON list: {value[:200]!r}") from exc
    if value is None:
        value = []
    if not isinstance(value, list):
        raise LoopError(f"A value of type {type(value).__name__} cannot be iterated")
    return value, item_input


def iteration_arguments(arguments: dict, item_input: str, item: Any) -> dict:
    """One iteration's arguments: the loop task's resolved inputs (an enclosing loop's item
    among them, untouched) and this iteration's item under the loop's own item input."""
    return {**arguments, item_input: item}
