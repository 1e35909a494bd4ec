"""Projects: the pattern every resource helper follows."""

from __future__ import annotations

from collections.abc import Iterator

from pipelines_api.api.projects import (
    archive_project,
    create_project,
    delete_project,
    get_project,
    list_projects,
    unarchive_project,
    update_project,
)
from pipelines_api.models import Project, ProjectCreate, ProjectUpdate
from pipelines_api.types import UNSET


class Projects:
    def __init__(self, client):
        self._client = client

    def list(self, *, include_archived: bool = False) -> Iterator[Project]:
        return self._client.paginate(list_projects, include_archived=include_archived)

    def get(self, project_id: int) -> Project:
        return self._client.call(get_project, project_id=project_id)

    def create(
        self, name: str, description: str | None = None, *, idempotency_key: str | None = None
    ) -> Project:
        """`idempotency_key`: repeat this create across calls without creating twice (default:
        a fresh key per call, kept across its retries)."""
        body = ProjectCreate(name=name, description=UNSET if description is None else description)
        return self._client.call(create_project, body=body, idempotency_key=idempotency_key)

    def update(self, project_id: int, **fields) -> Project:
        """Change `name` and/or `description`."""
        return self._client.call(
            update_project, project_id=project_id, body=ProjectUpdate.from_dict(fields)
        )

    def archive(self, project_id: int) -> Project:
        return self._client.call(archive_project, project_id=project_id)

    def unarchive(self, project_id: int) -> Project:
        return self._client.call(unarchive_project, project_id=project_id)

    def delete(self, project_id: int) -> None:
        return self._client.call(delete_project, project_id=project_id)


# The async client's calls are awaitables: the same methods serve it.
AsyncProjects = Projects
