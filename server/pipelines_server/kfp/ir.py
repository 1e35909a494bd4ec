"""Whether a compiled KFP IR can run here: it parses as a PipelineSpec and every task
resolves (to a component, and each component to an executor)."""

from __future__ import annotations


def why_unrunnable(ir: dict) -> str | None:
    """Why this IR cannot run here (None when it can be parsed and every task resolves)."""
    from google.protobuf import json_format
    from kfp.pipeline_spec import pipeline_spec_pb2

    spec = pipeline_spec_pb2.PipelineSpec()
    try:
        json_format.ParseDict(ir, spec, ignore_unknown_fields=True)
    except (json_format.ParseError, TypeError, ValueError) as exc:
        return f"pipeline_spec is not a valid KFP PipelineSpec: {exc}"
    executors = (
        dict(spec.deployment_spec.fields.get("executors").struct_value.fields)
        if "executors" in spec.deployment_spec.fields
        else {}
    )
    components = spec.components
    for name, component in components.items():
        label = component.executor_label
        if component.WhichOneof("implementation") == "executor_label" and label not in executors:
            return (
                f"Component {name!r} names executor {label!r}, which deploymentSpec does not define"
            )
    for dag_name, dag in [("root", spec.root), *components.items()]:
        for task_name, task in dag.dag.tasks.items():
            if task.component_ref.name not in components:
                ref = task.component_ref.name
                return f"Task {task_name!r} of {dag_name!r} names unknown component {ref!r}"
    if not spec.root.dag.tasks:
        return "The pipeline has no tasks"
    return None
