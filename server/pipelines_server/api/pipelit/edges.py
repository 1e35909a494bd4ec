"""The `edges` tag of the Pipelit surface: a workflow's edges."""

from __future__ import annotations

from ...domain.pipelit import workflows as flows
from ...web.auth import caller_session


def list_edges(slug: str):
    with caller_session() as (session, me):
        return flows.list_edges(session, me, slug), 200


def create_edge(slug: str, body: dict):
    with caller_session() as (session, me):
        return flows.create_edge(session, me, slug, body), 201


def update_edge(slug: str, edge_id: int, body: dict):
    with caller_session() as (session, me):
        return flows.update_edge(session, me, slug, edge_id, body), 200


def delete_edge(slug: str, edge_id: int):
    with caller_session() as (session, me):
        flows.delete_edge(session, me, slug, edge_id)
    return None, 204
