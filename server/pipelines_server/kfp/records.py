"""What a KFP run records of its tasks: task states, the TaskRecord of each task (times,
parameters, artifacts, error, log) and a run's result; artifacts as plain data."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from ..shared.jsonsafe import storable
from ..shared.timestamps import ts_micros, utcnow

SUCCEEDED, FAILED, SKIPPED, CANCELED = "SUCCEEDED", "FAILED", "SKIPPED", "CANCELED"
RUNNING, PENDING = "RUNNING", "PENDING"


def now() -> str:
    return ts_micros(utcnow())


@dataclass
class TaskRecord:
    task_id: str
    display_name: str
    parent_task_id: str | None
    kind: str  # root | dag | condition | loop | iteration | component | importer | exit
    state: str = PENDING
    create_time: str = field(default_factory=now)
    start_time: str | None = None
    end_time: str | None = None
    error: str | None = None
    input_parameters: dict = field(default_factory=dict)
    output_parameters: dict = field(default_factory=dict)
    input_artifacts: dict = field(default_factory=dict)  # name -> [artifact dict]
    output_artifacts: dict = field(default_factory=dict)
    child_task_ids: list = field(default_factory=list)
    log_path: str | None = None
    cached: bool = False
    attempts: int = 0
    state_history: list = field(default_factory=list)
    pod_labels: dict = field(default_factory=dict)  # kfp-kubernetes add_pod_label
    pod_annotations: dict = field(default_factory=dict)  # add_pod_annotation

    def as_dict(self) -> dict:
        """A copy to store (JSON-safe, detached from what running threads still change)."""
        return storable(json.loads(json.dumps(self.__dict__, default=repr)))


def json_safe(value: Any) -> Any:
    try:
        json.dumps(value)
        return value
    except (TypeError, ValueError):
        return repr(value)


def artifact_dict(art: Any) -> dict:
    """A dsl.Artifact as plain data (its file stays where the task wrote it)."""
    return {
        "artifact_id": getattr(art, "_artifact_id", None) or _artifact_id(art.uri),
        "name": art.name,
        "type": art.schema_title,
        "uri": art.uri,
        "path": local_path(art.uri),
        "metadata": json_safe(dict(art.metadata or {})),
    }


def _artifact_id(uri: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, uri))


def local_path(uri: str) -> str | None:
    """Where a local artifact's file is (kfp.local gives them their path as URI)."""
    return uri if uri.startswith("/") else None


def split_values(values: dict) -> tuple[dict, dict]:
    """(parameters, artifacts) of a task's inputs or outputs: parameters as JSON data,
    artifacts as lists of plain artifact records."""
    params, arts = {}, {}
    for key, value in values.items():
        if is_artifact(value):
            arts[key] = [artifact_dict(a) for a in (value if isinstance(value, list) else [value])]
        else:
            params[key] = json_safe(value)
    return params, arts


def artifacts_from_dicts(items: list[dict], many: bool) -> Any:
    from kfp.dsl import executor

    arts = [
        executor.create_artifact_instance(
            {
                "name": d["name"],
                "uri": d["uri"],
                "metadata": d.get("metadata") or {},
                "type": {"schemaTitle": d["type"]},
            }
        )
        for d in items
    ]
    return arts if many else arts[0]


@dataclass
class RunResult:
    state: str
    outputs: dict
    error: str | None


def is_artifact(value: Any) -> bool:
    from kfp import dsl

    if isinstance(value, list):
        return bool(value) and all(isinstance(v, dsl.Artifact) for v in value)
    return isinstance(value, dsl.Artifact)
