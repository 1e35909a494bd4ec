"""A trigger_schedule node's schedule: start, pause, stop (each answers the node): thin
handlers over domain/pipelit/workflows.py's node_schedule."""

from __future__ import annotations

from ...domain.pipelit import workflows
from ...web.auth import caller_session


def start_schedule(slug: str, node_id: str):
    with caller_session() as (session, me):
        return workflows.node_schedule(session, me, slug, node_id, "start"), 200


def pause_schedule(slug: str, node_id: str):
    with caller_session() as (session, me):
        return workflows.node_schedule(session, me, slug, node_id, "pause"), 200


def stop_schedule(slug: str, node_id: str):
    with caller_session() as (session, me):
        return workflows.node_schedule(session, me, slug, node_id, "stop"), 200
