"""The `instructions` tag: a project's ordered instructions (members read, admins write)."""

from ...domain import instructions
from ...shared.timestamps import ts
from ...store.models import ProjectInstruction
from ...web import idempotency
from ...web.auth import caller_session
from . import shapes


def _shape(i: ProjectInstruction) -> dict:
    return {
        "id": i.id,
        "project_id": i.project_id,
        "org_id": i.org_id,
        "title": i.title,
        "content": i.content,
        "position": i.position,
        "created_by_id": i.created_by_id,
        "updated_by_id": i.updated_by_id,
        "created_at": ts(i.created_at),
        "updated_at": ts(i.updated_at),
    }


def list_project_instructions(project_id: int, page: int = 1, page_size: int = 50):
    with caller_session() as (session, me):
        rows, total = instructions.list_instructions(
            session, me, project_id, shapes.offset(page, page_size), page_size
        )
        return shapes.page([_shape(i) for i in rows], total, page, page_size), 200


def create_project_instruction(project_id: int, body: dict):
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        i = instructions.create_instruction(
            session, me, project_id, body["title"], body.get("content", ""), body.get("position")
        )
        return once.answer(_shape(i), 201)


def get_project_instruction(project_id: int, instruction_id: int):
    with caller_session() as (session, me):
        return _shape(instructions.get_instruction(session, me, project_id, instruction_id)), 200


def update_project_instruction(project_id: int, instruction_id: int, body: dict):
    with caller_session() as (session, me):
        i = instructions.update_instruction(
            session,
            me,
            project_id,
            instruction_id,
            body.get("title"),
            body.get("content"),
            body.get("position"),
        )
        return _shape(i), 200


def delete_project_instruction(project_id: int, instruction_id: int):
    with caller_session() as (session, me):
        instructions.delete_instruction(session, me, project_id, instruction_id)
    return None, 204
