"""Pipelit's tasks (`/tasks/`, v0.3.16): thin handlers over domain/pipelit/epics.py."""

from __future__ import annotations

from ...domain.pipelit import epics
from ...web.auth import caller_session


def list_tasks(epic_id=None, status=None, tags=None, limit=None, offset=None):
    with caller_session() as (session, me):
        items, total = epics.list_tasks(session, me, epic_id, status, tags, limit, offset)
        return {"items": items, "total": total}, 200


def create_task(body: dict):
    with caller_session() as (session, me):
        return epics.create_task(session, me, body), 201


def get_task(task_id: str):
    with caller_session() as (session, me):
        return epics.task_out(epics.task_for(session, me, task_id)), 200


def update_task(task_id: str, body: dict):
    with caller_session() as (session, me):
        return epics.update_task(session, me, task_id, body), 200


def delete_task(task_id: str):
    with caller_session() as (session, me):
        epics.delete_task(session, me, task_id)
    return None, 204


def batch_delete_tasks(body: dict):
    with caller_session() as (session, me):
        epics.batch_delete_tasks(session, me, body["task_ids"])
    return None, 204
