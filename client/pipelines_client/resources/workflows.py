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
    validate_workflow,
)
from pipelines_api.models import Workflow

from ..core import Json
from ..errors import ValidationFailed
from ._base import unset


def _definition(definition: dict) -> Json:
    if not isinstance(definition, dict):
        raise TypeError("a workflow definition is a JSON object (a dict)")
    return Json(definition)


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
        """`definition`: the JSON of WorkflowCreate (name, fields, graph, ...), sent as given."""
        body = _definition(definition)
        return self._client.call(create_workflow, project_id=project_id, body=body)

    def update(self, project_id: int, wf_id: int, definition: dict) -> Workflow:
        body = _definition(definition)
        return self._client.call(
            update_workflow, project_id=project_id, workflow_id=wf_id, body=body
        )

    def validate(self, project_id: int, definition: dict) -> list[dict]:
        """Every reason the server would refuse this definition, as {"loc", "msg", "type"}
        located in the body (`["body", "graph", "nodes", 1, "kind"]`); empty when it is valid.
        Nothing is saved. The server checks the contract's shape first (a 422) and then the
        graph, fields, assignees and references (its dry run): both come back as issues."""
        try:
            verdict = self._client.call(
                validate_workflow, project_id=project_id, body=_definition(definition)
            )
        except ValidationFailed as exc:
            return [
                issue if isinstance(issue, dict) else {"msg": str(issue)} for issue in exc.issues
            ]
        return [issue.to_dict() for issue in verdict.issues]

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


class AsyncWorkflows(Workflows):
    async def validate(self, project_id: int, definition: dict) -> list[dict]:
        try:
            verdict = await self._client.call(
                validate_workflow, project_id=project_id, body=_definition(definition)
            )
        except ValidationFailed as exc:
            return _issues(exc)
        return [issue.to_dict() for issue in verdict.issues]


def _issues(exc: ValidationFailed) -> list[dict]:
    return [i if isinstance(i, dict) else {"loc": [], "msg": str(i)} for i in exc.issues]
