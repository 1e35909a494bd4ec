"""Pipelit chat on executions: a message starts an execution of the workflow's chat trigger
on the thread `<user id>:<workflow id>`; the history is read back from that thread's chat
executions (the user's text from the payload, the assistant's from a completed execution's
final output) instead of a LangGraph checkpoint. Clearing the history unsets the thread of
those executions (they stay listed as executions)."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ...shared.errors import BadRequest, NotFound
from ...shared.principal import Principal
from ...store.models import PipelitExecution, PipelitNode
from . import access, executions

BAD_BEFORE = "Invalid 'before' datetime format. Use ISO 8601 (e.g. 2026-01-01T00:00:00Z)."


def thread_of(principal: Principal, workflow_id: int) -> str:
    return f"{principal.user_id}:{workflow_id}"


def send(
    session: Session, principal: Principal, slug: str, text: str, trigger_node_id: str | None
) -> PipelitExecution:
    workflow = executions.workflow_for(session, principal, slug)
    chat = select(PipelitNode).where(
        PipelitNode.workflow_id == workflow.id, PipelitNode.component_type == "trigger_chat"
    )
    if trigger_node_id:
        chat = chat.where(PipelitNode.node_id == trigger_node_id)
    trigger = session.scalar(chat.order_by(PipelitNode.id).limit(1))
    if trigger is None:
        raise NotFound("No chat trigger found.")
    return executions.start_execution(
        session,
        workflow,
        trigger,
        {"text": text},
        principal.user_id,
        "chat",
        thread_id=thread_of(principal, workflow.id),
    )


def _text(output: dict | None) -> str:
    if not isinstance(output, dict):
        return ""
    for key in ("output", "message"):
        value = output.get(key)
        if isinstance(value, str):
            return value
    return ""


def _stamp(value) -> str | None:
    text = access.iso(value)
    return text + "Z" if text else None


def history(
    session: Session, principal: Principal, slug: str, limit: int, before: str | None
) -> dict:
    workflow = executions.workflow_for(session, principal, slug)
    thread = thread_of(principal, workflow.id)
    rows = list(
        session.scalars(
            select(PipelitExecution)
            .where(PipelitExecution.thread_id == thread, PipelitExecution.trigger == "chat")
            .order_by(PipelitExecution.created_at, PipelitExecution.id)
        )
    )
    messages: list[tuple] = []  # (naive UTC instant, message)
    for execution in rows:
        executions.sync(session, execution)
        payload = execution.trigger_payload or {}
        created = access.iso(execution.created_at)
        user = {
            "role": "user",
            "text": str(payload.get("text", "")),
            "timestamp": _stamp(execution.created_at),
        }
        messages.append((created, user))
        answer = _text(execution.final_output) if execution.status == "completed" else ""
        if answer:
            done = access.iso(execution.completed_at) or created
            messages.append(
                (
                    done,
                    {
                        "role": "assistant",
                        "text": answer,
                        "timestamp": _stamp(execution.completed_at or execution.created_at),
                    },
                )
            )
    if before is not None and messages:
        cutoff = executions.parse_before(before)
        if cutoff is None:
            raise BadRequest(BAD_BEFORE)
        limit_at = cutoff.isoformat()
        messages = [m for m in messages if m[0] < limit_at]
    kept = [m[1] for m in messages]
    has_more = False
    if limit > 0:
        has_more = len(kept) > limit
        kept = kept[-limit:]
    return {"messages": kept, "thread_id": thread, "has_more": has_more}


def clear(session: Session, principal: Principal, slug: str) -> None:
    workflow = executions.workflow_for(session, principal, slug)
    session.execute(
        update(PipelitExecution)
        .where(PipelitExecution.thread_id == thread_of(principal, workflow.id))
        .values(thread_id=None)
        .execution_options(synchronize_session=False)
    )
