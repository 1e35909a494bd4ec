"""A trigger_schedule node's schedule: start, pause, stop (each answers the node)."""

from __future__ import annotations

from ...domain.pipelit import access, schedules, workflows
from ...shared.errors import NotFound
from ...web.auth import caller_session


def _workflow(session, me, slug: str):
    if "\x00" in slug:  # never a slug (and PostgreSQL refuses a NUL in text)
        raise NotFound(access.WORKFLOW_NOT_FOUND)
    return access.workflow_for(session, me, slug)


def _answer(session, workflow, node):
    """The node as NodeOut (the nodes area shapes it) and its `node_updated` broadcast."""
    body = workflows.node_out(session, node)
    access.broadcast(session, workflow.org_id, f"workflow:{workflow.slug}", "node_updated", body)
    return body, 200


def start_schedule(slug: str, node_id: str):
    with caller_session() as (session, me):
        workflow = _workflow(session, me, slug)
        node = schedules.node_start(session, me, workflow, node_id)
        return _answer(session, workflow, node)


def pause_schedule(slug: str, node_id: str):
    with caller_session() as (session, me):
        workflow = _workflow(session, me, slug)
        node = schedules.node_pause(session, me, workflow, node_id)
        return _answer(session, workflow, node)


def stop_schedule(slug: str, node_id: str):
    with caller_session() as (session, me):
        workflow = _workflow(session, me, slug)
        node = schedules.node_stop(session, me, workflow, node_id)
        return _answer(session, workflow, node)
