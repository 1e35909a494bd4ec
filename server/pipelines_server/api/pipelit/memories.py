"""Pipelit's memory lists and batch deletes (`/memories/`, admins only): thin handlers over
domain/pipelit/memories.py."""

from __future__ import annotations

from ...domain.pipelit import memories
from ...domain.pipelit.access import require_admin
from ...web.auth import caller_session


def _list(kind: str, filters: dict, limit, offset):
    with caller_session() as (session, me):
        require_admin(me)
        items, total = memories.list_memories(session, me, kind, filters, limit, offset)
        return {"items": items, "total": total}, 200


def _delete(kind: str, ids: list[str]):
    with caller_session() as (session, me):
        require_admin(me)
        memories.batch_delete(session, me, kind, ids)
    return None, 204


def list_facts(scope=None, fact_type=None, limit=None, offset=None):
    return _list("facts", {"scope": scope, "fact_type": fact_type}, limit, offset)


def list_episodes(agent_id=None, limit=None, offset=None):
    return _list("episodes", {"agent_id": agent_id}, limit, offset)


def list_procedures(agent_id=None, limit=None, offset=None):
    return _list("procedures", {"agent_id": agent_id}, limit, offset)


def list_users(limit=None, offset=None):
    return _list("users", {}, limit, offset)


def list_checkpoints(thread_id=None, limit=None, offset=None):
    return _list("checkpoints", {"thread_id": thread_id}, limit, offset)


def delete_facts(body: dict):
    return _delete("facts", body["ids"])


def delete_episodes(body: dict):
    return _delete("episodes", body["ids"])


def delete_procedures(body: dict):
    return _delete("procedures", body["ids"])


def delete_users(body: dict):
    return _delete("users", body["ids"])


def delete_checkpoints(body: dict):
    with caller_session() as (session, me):
        require_admin(me)
        memories.delete_checkpoints(session, me, body.get("thread_ids"), body.get("checkpoint_ids"))
    return None, 204
