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
from ..errors import Ambiguous, ValidationFailed
from ._base import unset


def _definition(definition: dict) -> Json:
    if not isinstance(definition, dict):
        raise TypeError("a workflow definition is a JSON object (a dict)")
    return Json(definition)


def _one_named(workflows, name: str) -> Workflow | None:
    same = [w for w in workflows if w.name == name]
    if len(same) > 1:
        ids = ", ".join(str(w.id) for w in same)
        raise Ambiguous(f"several workflows are named {name!r} (ids {ids}): say which one")
    return same[0] if same else None


def _target(wf_id: int | None, found: Workflow | None) -> int | None:
    return wf_id if wf_id is not None else (found.id if found is not None else None)


class Workflows:
    def __init__(self, client):
        self._client = client

    def list(self, project_id: int, tag: str | None = None, status=None) -> Iterator[Workflow]:
        return self._client.paginate(
            list_workflows, project_id=project_id, tag=unset(tag), status=unset(status)
        )

    def get(self, project_id: int, wf_id: int) -> Workflow:
        return self._client.call(get_workflow, project_id=project_id, workflow_id=wf_id)

    def create(
        self, project_id: int, definition: dict, *, idempotency_key: str | None = None
    ) -> Workflow:
        """`definition`: the JSON of WorkflowCreate (name, fields, graph, ...), sent as given."""
        body = _definition(definition)
        return self._client.call(
            create_workflow, project_id=project_id, body=body, idempotency_key=idempotency_key
        )

    def find_by_name(self, project_id: int, name: str) -> Workflow | None:
        """The project's workflow of this name, None if there is none; Ambiguous if several."""
        return _one_named(self.list(project_id), name)

    def apply(
        self, project_id: int, definition: dict, *, wf_id: int | None = None
    ) -> tuple[Workflow, bool]:
        """Create or update from a definition: (workflow, created). Updates `wf_id` when given,
        else the workflow of the definition's name (Ambiguous when several share it), else
        creates one."""
        name = _definition(definition).get("name")
        found = self.find_by_name(project_id, name) if wf_id is None and name else None
        target = _target(wf_id, found)
        if target is None:
            return self.create(project_id, definition), True
        return self.update(project_id, target, definition), False

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
            return _issues(exc)
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
    async def find_by_name(self, project_id: int, name: str) -> Workflow | None:
        return _one_named([w async for w in self.list(project_id)], name)

    async def apply(
        self, project_id: int, definition: dict, *, wf_id: int | None = None
    ) -> tuple[Workflow, bool]:
        name = _definition(definition).get("name")
        found = await self.find_by_name(project_id, name) if wf_id is None and name else None
        target = _target(wf_id, found)
        if target is None:
            return await self.create(project_id, definition), True
        return await self.update(project_id, target, definition), False

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
