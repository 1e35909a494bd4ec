"""Workflows: a definition is the JSON of WorkflowCreate (name, fields, graph, ...)."""

from __future__ import annotations

from collections.abc import Iterator

from pipelines_api.api.workflows import (
    activate_workflow,
    archive_workflow,
    complete_workflow,
    create_workflow,
    delete_workflow,
    get_status_summary,
    get_workflow,
    list_workflows,
    pause_workflow,
    update_workflow,
)
from pipelines_api.models import Workflow, WorkflowCreate, WorkflowUpdate

from ._base import unset


def check_definition(definition: dict) -> list[dict]:
    """The contract issues of a definition, found here without calling the server (its shape:
    required keys and types, as the generated model reads it). The server checks the rest
    (graph rules) when the workflow is created or updated, as a 422 listing every reason."""
    if not isinstance(definition, dict):
        return [{"loc": [], "msg": "a workflow definition is a JSON object"}]
    issues = []
    if not isinstance(definition.get("name"), str) or not definition.get("name"):
        issues.append({"loc": ["name"], "msg": "name is required (a non-empty string)"})
    for key in ("fields",):
        if key in definition and not isinstance(definition[key], list):
            issues.append({"loc": [key], "msg": f"{key} must be a list"})
    graph = definition.get("graph")
    if graph is not None:
        if not isinstance(graph, dict):
            issues.append({"loc": ["graph"], "msg": "graph must be an object"})
        else:
            for key in ("nodes", "edges"):
                if not isinstance(graph.get(key, []), list):
                    issues.append({"loc": ["graph", key], "msg": f"{key} must be a list"})
    if not issues:
        try:
            WorkflowCreate.from_dict(definition)
        except (KeyError, TypeError, ValueError) as exc:
            issues.append({"loc": [], "msg": f"not a workflow definition: {exc}"})
    return issues


class Workflows:
    def __init__(self, client):
        self._client = client

    def list(self, project_id: int, tag: str | None = None, status=None) -> Iterator[Workflow]:
        return self._client.paginate(
            list_workflows, project_id=project_id, tag=unset(tag), status=unset(status)
        )

    def get(self, project_id: int, wf_id: int) -> Workflow:
        return self._client.call(get_workflow, project_id=project_id, workflow_id=wf_id)

    def create(self, project_id: int, definition: dict) -> Workflow:
        body = WorkflowCreate.from_dict(definition)
        return self._client.call(create_workflow, project_id=project_id, body=body)

    def update(self, project_id: int, wf_id: int, definition: dict) -> Workflow:
        body = WorkflowUpdate.from_dict(definition)
        return self._client.call(
            update_workflow, project_id=project_id, workflow_id=wf_id, body=body
        )

    def validate(self, project_id: int, definition: dict) -> list[dict]:
        """The issues of a definition ({"loc", "msg"} each); empty when it may be sent. The
        server has no dry-run route: this checks the contract's shape locally."""
        return check_definition(definition)

    def activate(self, project_id: int, wf_id: int) -> Workflow:
        return self._client.call(activate_workflow, project_id=project_id, workflow_id=wf_id)

    def pause(self, project_id: int, wf_id: int) -> Workflow:
        return self._client.call(pause_workflow, project_id=project_id, workflow_id=wf_id)

    def complete(self, project_id: int, wf_id: int) -> Workflow:
        return self._client.call(complete_workflow, project_id=project_id, workflow_id=wf_id)

    def archive(self, project_id: int, wf_id: int) -> Workflow:
        return self._client.call(archive_workflow, project_id=project_id, workflow_id=wf_id)

    def delete(self, project_id: int, wf_id: int) -> None:
        return self._client.call(delete_workflow, project_id=project_id, workflow_id=wf_id)

    def status_summary(self, project_id: int, wf_id: int):
        return self._client.call(get_status_summary, project_id=project_id, workflow_id=wf_id)


AsyncWorkflows = Workflows
