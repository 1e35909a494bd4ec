"""Chat: send a message to a workflow's chat trigger, read and clear the history."""

from __future__ import annotations

from ...domain.pipelit import chat
from ...web.auth import caller_session


def send_chat_message(slug: str, body: dict):
    with caller_session() as (session, me):
        execution = chat.send(session, me, slug, body["text"], body.get("trigger_node_id"))
        return {"execution_id": execution.id, "status": "pending", "response": ""}, 200


def get_chat_history(slug: str, limit: int = 10, before: str | None = None):
    with caller_session() as (session, me):
        return chat.history(session, me, slug, limit, before), 200


def delete_chat_history(slug: str):
    with caller_session() as (session, me):
        chat.clear(session, me, slug)
    return None, 204
