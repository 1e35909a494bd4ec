"""Pipelit's epics (`/epics/`, v0.3.16): thin handlers over domain/pipelit/epics.py."""

from __future__ import annotations

from ...domain.pipelit import epics
from ...web.auth import caller_session


def list_epics(status=None, tags=None, limit=None, offset=None):
    with caller_session() as (session, me):
        items, total = epics.list_epics(session, me, status, tags, limit, offset)
        return {"items": items, "total": total}, 200


def create_epic(body: dict):
    with caller_session() as (session, me):
        return epics.create_epic(session, me, body), 201


def get_epic(epic_id: str):
    with caller_session() as (session, me):
        return epics.epic_out(epics.epic_for(session, me, epic_id)), 200


def update_epic(epic_id: str, body: dict):
    with caller_session() as (session, me):
        return epics.update_epic(session, me, epic_id, body), 200


def delete_epic(epic_id: str):
    with caller_session() as (session, me):
        epics.delete_epic(session, me, epic_id)
    return None, 204


def batch_delete_epics(body: dict):
    with caller_session() as (session, me):
        epics.batch_delete_epics(session, me, body["epic_ids"])
    return None, 204


def list_epic_tasks(epic_id: str, limit=None, offset=None):
    with caller_session() as (session, me):
        items, total = epics.epic_tasks(session, me, epic_id, limit, offset)
        return {"items": items, "total": total}, 200
