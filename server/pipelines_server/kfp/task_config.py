"""`dsl.TaskConfig` inputs (a component's `task_config_passthroughs`): the settings the task
would have had as a Kubernetes pod, handed to the component as upstream's driver hands them
(a struct in the TASK_CONFIG input: `env`, `resources`, `volumes`, `volumeMounts`,
`nodeSelector`, `tolerations`, `affinity`, each only when its field is passed through).
Here they describe; they are applied as the rest of this server applies them (variables and
mounts yes, scheduling no), whatever `apply_to_task` says."""

from __future__ import annotations

from .workspaces import MOUNT_PATH

WORKSPACE_VOLUME = "kfp-workspace"  # upstream's volume name for the workspace
TASK_CONFIG_TYPE = 8  # ParameterType.TASK_CONFIG


def inputs(component) -> list[str]:
    """The names of a component's TASK_CONFIG inputs."""
    return [
        name
        for name, spec in component.input_definitions.parameters.items()
        if spec.parameter_type == TASK_CONFIG_TYPE
    ]


def build(component, container, config: dict, claims: list, workspace_claim: str | None) -> dict:
    """The struct for a TASK_CONFIG input. `config`: the executor's kfp-kubernetes settings;
    `claims`: (claim name, mount path) of the task's volumes; `workspace_claim`: the name the
    run's workspace goes by, when the task has it."""
    from kfp.pipeline_spec import pipeline_spec_pb2

    names = pipeline_spec_pb2.TaskConfigPassthroughType.TaskConfigPassthroughTypeEnum
    fields = {names.Name(p.field) for p in component.task_config_passthroughs}
    out: dict = {}
    if "ENV" in fields:
        out["env"] = [{"name": e.name, "value": e.value} for e in container.env]
    if "RESOURCES" in fields:
        out["resources"] = _resources(container.resources)
    if "KUBERNETES_VOLUMES" in fields:
        volumes, mounts = [], []
        if workspace_claim:
            volumes.append(_claim(WORKSPACE_VOLUME, workspace_claim))
            mounts.append({"mountPath": MOUNT_PATH, "name": WORKSPACE_VOLUME})
        for claim, target in claims:
            volumes.append(_claim(claim, claim))
            mounts.append({"mountPath": target, "name": claim})
        out["volumes"], out["volumeMounts"] = volumes, mounts
    if "KUBERNETES_NODE_SELECTOR" in fields:
        out["nodeSelector"] = dict((config.get("nodeSelector") or {}).get("labels") or {})
    if "KUBERNETES_TOLERATIONS" in fields:
        out["tolerations"] = [_toleration(t) for t in config.get("tolerations") or []]
    if "KUBERNETES_AFFINITY" in fields:
        out["affinity"] = _affinity(config.get("nodeAffinity") or [])
    return out


def _claim(name: str, claim: str) -> dict:
    return {"name": name, "persistentVolumeClaim": {"claimName": claim}}


def _resources(res) -> dict:
    limits, requests = {}, {}
    for target, key, value in (
        (limits, "cpu", res.resource_cpu_limit),
        (limits, "memory", res.resource_memory_limit),
        (requests, "cpu", res.resource_cpu_request),
        (requests, "memory", res.resource_memory_request),
    ):
        if value:
            target[key] = value
    accelerator = res.accelerator
    kind = accelerator.resource_type or accelerator.type
    count = accelerator.resource_count or (str(accelerator.count) if accelerator.count else "")
    if kind and count:
        limits[kind] = count
    out = {}
    if limits:
        out["limits"] = limits
    if requests:
        out["requests"] = requests
    return out


def _toleration(item: dict) -> dict:
    out = {k: item[k] for k in ("key", "operator", "value", "effect") if item.get(k)}
    if item.get("tolerationSeconds") not in (None, ""):
        out["tolerationSeconds"] = int(item["tolerationSeconds"])
    return out


def _affinity(terms: list) -> dict:
    required, preferred = [], []
    for term in terms:
        selector = {k: term[k] for k in ("matchExpressions", "matchFields") if term.get(k)}
        if term.get("weight"):
            preferred.append({"weight": int(term["weight"]), "preference": selector})
        else:
            required.append(selector)
    node: dict = {}
    if required:
        node["requiredDuringSchedulingIgnoredDuringExecution"] = {"nodeSelectorTerms": required}
    if preferred:
        node["preferredDuringSchedulingIgnoredDuringExecution"] = preferred
    return {"nodeAffinity": node} if node else {}
