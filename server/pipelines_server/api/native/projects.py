"""The `projects` tag: projects (CRUD, archive, unarchive)."""

from ...domain import projects
from ...web import idempotency
from ...web.auth import caller_session
from . import shapes


def list_projects(page: int = 1, page_size: int = 50, include_archived: bool = False):
    with caller_session() as (session, me):
        rows, total = projects.list_projects(
            session, me, shapes.offset(page, page_size), page_size, include_archived
        )
        return shapes.page([shapes.project(p) for p in rows], total, page, page_size), 200


def create_project(body: dict):
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        p = projects.create_project(session, me, body["name"], body.get("description", ""))
        return once.answer(shapes.project(p), 201)


def get_project(project_id: int):
    with caller_session() as (session, me):
        return shapes.project(projects.get_project(session, me, project_id)), 200


def update_project(project_id: int, body: dict):
    with caller_session() as (session, me):
        p = projects.update_project(
            session, me, project_id, body.get("name"), body.get("description")
        )
        return shapes.project(p), 200


def delete_project(project_id: int):
    with caller_session() as (session, me):
        projects.delete_project(session, me, project_id)
    return None, 204


def archive_project(project_id: int):
    with caller_session() as (session, me):
        return shapes.project(projects.set_archived(session, me, project_id, True)), 200


def unarchive_project(project_id: int):
    with caller_session() as (session, me):
        return shapes.project(projects.set_archived(session, me, project_id, False)), 200
