"""Projects: the pattern every resource helper follows."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

from pipelines_api.api.projects import create_project, get_project, list_projects
from pipelines_api.models import Project, ProjectCreate
from pipelines_api.types import UNSET


class Projects:
    def __init__(self, client):
        self._client = client

    def list(self, *, include_archived: bool = False) -> Iterator[Project]:
        return self._client.paginate(list_projects, include_archived=include_archived)

    def get(self, project_id: int) -> Project:
        return self._client.call(get_project, project_id=project_id)

    def create(self, name: str, description: str | None = None) -> Project:
        body = ProjectCreate(name=name, description=UNSET if description is None else description)
        return self._client.call(create_project, body=body)


class AsyncProjects:
    def __init__(self, client):
        self._client = client

    def list(self, *, include_archived: bool = False) -> AsyncIterator[Project]:
        return self._client.paginate(list_projects, include_archived=include_archived)

    async def get(self, project_id: int) -> Project:
        return await self._client.call(get_project, project_id=project_id)

    async def create(self, name: str, description: str | None = None) -> Project:
        body = ProjectCreate(name=name, description=UNSET if description is None else description)
        return await self._client.call(create_project, body=body)
