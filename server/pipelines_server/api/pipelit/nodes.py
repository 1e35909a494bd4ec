"""The `nodes` tag of the Pipelit surface: a workflow's nodes."""

from __future__ import annotations

from ...domain.pipelit import workflows as flows
from ...web.auth import caller_session


def list_nodes(slug: str):
    with caller_session() as (session, me):
        return flows.list_nodes(session, me, slug), 200


def create_node(slug: str, body: dict):
    with caller_session() as (session, me):
        return flows.create_node(session, me, slug, body), 201


def update_node(slug: str, node_id: str, body: dict):
    with caller_session() as (session, me):
        return flows.update_node(session, me, slug, node_id, body), 200


def delete_node(slug: str, node_id: str):
    with caller_session() as (session, me):
        flows.delete_node(session, me, slug, node_id)
    return None, 204
