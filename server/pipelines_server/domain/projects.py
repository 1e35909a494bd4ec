"""Projects: the containers of workflows inside an organization."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..shared.errors import BadRequest, Conflict, NotFound
from ..shared.principal import Principal
from ..store.models import Project, Workflow, utcnow


def get_project(session: Session, principal: Principal, project_id: int) -> Project:
    project = session.get(Project, project_id)
    if project is None or project.org_id != principal.org_id:
        raise NotFound("Project not found")
    return project


def list_projects(
    session: Session, principal: Principal, offset: int, limit: int, include_archived: bool = False
) -> tuple[list[Project], int]:
    where = [Project.org_id == principal.org_id]
    if not include_archived:
        where.append(Project.archived_at.is_(None))
    total = session.scalar(select(func.count()).select_from(Project).where(*where))
    rows = session.scalars(
        select(Project).where(*where).order_by(Project.id.desc()).offset(offset).limit(limit)
    )
    return list(rows), total


def _clean_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise BadRequest("Project name is required")
    return name


def create_project(session: Session, principal: Principal, name: str, description: str) -> Project:
    project = Project(
        org_id=principal.org_id, name=_clean_name(name), description=description or ""
    )
    session.add(project)
    session.flush()
    return project


def update_project(
    session: Session,
    principal: Principal,
    project_id: int,
    name: str | None,
    description: str | None,
) -> Project:
    project = get_project(session, principal, project_id)
    if name is not None:
        project.name = _clean_name(name)
    if description is not None:
        project.description = description
    project.updated_at = utcnow()
    return project


def set_archived(
    session: Session, principal: Principal, project_id: int, archived: bool
) -> Project:
    project = get_project(session, principal, project_id)
    project.archived_at = (project.archived_at or utcnow()) if archived else None
    project.updated_at = utcnow()
    return project


def delete_project(session: Session, principal: Principal, project_id: int) -> None:
    project = get_project(session, principal, project_id)
    if session.scalar(
        select(func.count()).select_from(Workflow).where(Workflow.project_id == project.id)
    ):
        raise Conflict("Project still has workflows; delete or move them first")
    session.delete(project)
