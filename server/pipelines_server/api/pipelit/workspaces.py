"""Pipelit's workspaces (`/workspaces/`, owner only): thin handlers over
domain/pipelit/workspaces.py."""

from __future__ import annotations

from ...domain.pipelit import workspaces
from ...runtime import current
from ...web.auth import caller_session


def _data_dir():
    return current().settings.data_dir


def list_workspaces(limit=None, offset=None):
    with caller_session() as (session, me):
        items, total = workspaces.list_workspaces(session, me, _data_dir(), limit, offset)
        return {"items": items, "total": total}, 200


def create_workspace(body: dict):
    with caller_session() as (session, me):
        return workspaces.create_workspace(session, me, _data_dir(), body), 201


def get_workspace(workspace_id: int):
    with caller_session() as (session, me):
        return workspaces.workspace_out(workspaces.workspace_for(session, me, workspace_id)), 200


def update_workspace(workspace_id: int, body: dict):
    with caller_session() as (session, me):
        return workspaces.update_workspace(session, me, workspace_id, body), 200


def delete_workspace(workspace_id: int):
    with caller_session() as (session, me):
        workspaces.delete_workspace(session, me, workspace_id)
    return None, 204


def batch_delete_workspaces(body: dict):
    with caller_session() as (session, me):
        workspaces.batch_delete(session, me, body["ids"])
    return None, 204


def reset_workspace(workspace_id: int):
    with caller_session() as (session, me):
        return workspaces.reset(session, me, _data_dir(), workspace_id), 200


def reset_rootfs(workspace_id: int):
    with caller_session() as (session, me):
        return workspaces.reset_rootfs(session, me, _data_dir(), workspace_id), 200
