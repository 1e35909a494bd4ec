"""Project instructions: ordered guidance for the people who work in a project.

Positions are a dense 0..n-1 order per project: a new instruction goes last unless a position
is given (the ones from there on move down one), a move shifts the ones in between, a delete
closes the gap. Any organization member reads them; only org admins write them.
"""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..shared.errors import NotFound, ValidationFailed
from ..shared.principal import Principal, acting_user, require_admin
from ..store.models import Project, ProjectInstruction, utcnow
from .projects import get_project

WHAT = "project instructions"


def place(count: int, wanted: int | None, moving: bool = False) -> int:
    """Where an instruction lands among `count` others (itself excluded when `moving`):
    the end when no position is wanted, else the wanted one clamped to the valid range."""
    last = count - 1 if moving else count
    if wanted is None:
        return last
    return max(0, min(int(wanted), last))


def _title(title: str | None) -> str:
    title = (title or "").strip()
    if not title:
        raise ValidationFailed("title must not be blank")
    return title


def _writable_project(session: Session, principal: Principal, project_id: int) -> Project:
    project = get_project(session, principal, project_id)
    require_admin(principal, project.org_id, WHAT)
    # Serialise writers of one project's order (PostgreSQL; SQLite has one writer anyway).
    session.execute(select(Project.id).where(Project.id == project.id).with_for_update())
    return project


def _count(session: Session, project_id: int) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(ProjectInstruction)
            .where(ProjectInstruction.project_id == project_id)
        )
        or 0
    )


def list_instructions(
    session: Session, principal: Principal, project_id: int, offset: int, limit: int
) -> tuple[list[ProjectInstruction], int]:
    project = get_project(session, principal, project_id)
    where = ProjectInstruction.project_id == project.id
    total = _count(session, project.id)
    rows = session.scalars(
        select(ProjectInstruction)
        .where(where)
        .order_by(ProjectInstruction.position, ProjectInstruction.id)
        .offset(offset)
        .limit(limit)
    )
    return list(rows), total


def get_instruction(
    session: Session, principal: Principal, project_id: int, instruction_id: int
) -> ProjectInstruction:
    project = get_project(session, principal, project_id)
    ins = session.get(ProjectInstruction, instruction_id)
    if ins is None or ins.project_id != project.id or ins.org_id != principal.org_id:
        raise NotFound("Instruction not found")
    return ins


def create_instruction(
    session: Session,
    principal: Principal,
    project_id: int,
    title: str,
    content: str,
    position: int | None = None,
) -> ProjectInstruction:
    project = _writable_project(session, principal, project_id)
    title = _title(title)
    at = place(_count(session, project.id), position)
    session.execute(
        update(ProjectInstruction)
        .where(ProjectInstruction.project_id == project.id, ProjectInstruction.position >= at)
        .values(position=ProjectInstruction.position + 1)
    )
    me = acting_user(principal)
    now = utcnow()
    ins = ProjectInstruction(
        org_id=project.org_id,
        project_id=project.id,
        title=title,
        content=content or "",
        position=at,
        created_by_id=me,
        updated_by_id=me,
        created_at=now,
        updated_at=now,
    )
    session.add(ins)
    session.flush()
    return ins


def update_instruction(
    session: Session,
    principal: Principal,
    project_id: int,
    instruction_id: int,
    title: str | None = None,
    content: str | None = None,
    position: int | None = None,
) -> ProjectInstruction:
    project = _writable_project(session, principal, project_id)
    ins = get_instruction(session, principal, project.id, instruction_id)
    if title is not None:
        ins.title = _title(title)
    if content is not None:
        ins.content = content
    if position is not None:
        old = ins.position
        new = place(_count(session, project.id), position, moving=True)
        if new != old:
            others = (ProjectInstruction.project_id == project.id) & (
                ProjectInstruction.id != ins.id
            )
            if new < old:
                stmt = (
                    update(ProjectInstruction)
                    .where(
                        others,
                        ProjectInstruction.position >= new,
                        ProjectInstruction.position < old,
                    )
                    .values(position=ProjectInstruction.position + 1)
                )
            else:
                stmt = (
                    update(ProjectInstruction)
                    .where(
                        others,
                        ProjectInstruction.position > old,
                        ProjectInstruction.position <= new,
                    )
                    .values(position=ProjectInstruction.position - 1)
                )
            session.execute(stmt, execution_options={"synchronize_session": False})
            ins.position = new
    ins.updated_by_id = acting_user(principal)
    ins.updated_at = utcnow()
    session.flush()
    return ins


def delete_instruction(
    session: Session, principal: Principal, project_id: int, instruction_id: int
) -> None:
    project = _writable_project(session, principal, project_id)
    ins = get_instruction(session, principal, project.id, instruction_id)
    at = ins.position
    session.delete(ins)
    session.flush()
    session.execute(
        update(ProjectInstruction)
        .where(ProjectInstruction.project_id == project.id, ProjectInstruction.position > at)
        .values(position=ProjectInstruction.position - 1),
        execution_options={"synchronize_session": False},
    )
