"""Pipelit's gateway inbound (POST /inbound): a message normalised by msg-gateway starts an
execution of the routed workflow from the routed trigger node, as its sender.

Senders are users of the organization, created on first contact as members (Pipelit's
`normal`) without a password, so they cannot sign in: their external id is kept in the
email `gw-<org>-<id>@gateway.invalid` (the users table has no external id column), their
username is `from.username`, else `gw_<id>` (a number is appended while it is taken). With
no `from`, the organization's shared `gateway_anonymous` user is used. `/confirm_<id>` and
`/cancel_<id>` answer `not_found`: this server has no human confirmation tasks."""

from __future__ import annotations

import hmac
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...shared.errors import NotFound, ValidationFailed
from ...shared.principal import MEMBER
from ...store.models import PipelitNode, PipelitWorkflow, User, utcnow
from . import executions

CONFIRM = re.compile(r"^/(confirm|cancel)_(\w+)$")


GATEWAY_NOT_CONFIGURED = "Gateway token not configured"
INVALID_GATEWAY_TOKEN = "Invalid gateway token"


def gateway_refusal(expected: str, authorization: str) -> tuple[dict, int] | None:
    """(reply, status) refusing a request whose `Authorization` is not `Bearer <the gateway
    token>` (compared in constant time); a 500 while no token is configured (as upstream);
    None to let it in."""
    if not expected:
        return {"detail": GATEWAY_NOT_CONFIGURED}, 500
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        token.strip().encode(), expected.encode()
    ):
        return {"detail": INVALID_GATEWAY_TOKEN}, 401
    return None


def _free_username(session: Session, wanted: str) -> str:
    name, counter = wanted[:150], 1
    while session.scalar(select(User.id).where(User.username == name)) is not None:
        suffix = f"_{counter}"
        name, counter = wanted[: 150 - len(suffix)] + suffix, counter + 1
    return name


def sender(session: Session, org_id: int, sent_by: dict | None) -> User:
    """The user a gateway message comes from (created on first contact)."""
    external = str(sent_by["id"]) if sent_by else "anonymous"
    email = f"gw-{org_id}-{external}@gateway.invalid"[:320]
    user = session.scalar(select(User).where(User.email == email))
    if user is not None:
        return user
    if sent_by:
        wanted = sent_by.get("username") or f"gw_{external}"
        display = sent_by.get("display_name") or wanted
    else:
        wanted = display = "gateway_anonymous"
    user = User(
        org_id=org_id,
        email=email,
        name=str(display)[:200],
        role=MEMBER,
        username=_free_username(session, str(wanted)),
        created_at=utcnow(),
    )
    session.add(user)
    session.flush()
    return user


def receive(session: Session, org_id: int | None, body: dict) -> tuple[dict, int]:
    """(reply, status) of one inbound message."""
    route = body.get("route") or {}
    slug, trigger_id = route.get("workflow_slug"), route.get("trigger_node_id")
    if not slug or not trigger_id:
        raise ValidationFailed("route must contain workflow_slug and trigger_node_id")
    workflow = session.scalar(
        select(PipelitWorkflow).where(
            PipelitWorkflow.org_id == org_id, PipelitWorkflow.slug == str(slug)
        )
    )
    if workflow is None:
        raise NotFound("Workflow not found")
    if not workflow.is_active:
        raise ValidationFailed("Workflow is inactive")
    node = session.scalar(
        select(PipelitNode).where(
            PipelitNode.workflow_id == workflow.id, PipelitNode.node_id == str(trigger_id)
        )
    )
    if node is None:
        raise NotFound("Trigger node not found")
    text = body["text"]
    command = CONFIRM.match(text.strip())
    if command:
        return {"status": "not_found", "task_id": command.group(2)}, 200
    source = body["source"]
    sent_by = source.get("from")
    user = sender(session, workflow.org_id, sent_by)
    attachments = body.get("attachments") or []
    for a in attachments:
        text += (
            f"\n[Attached file: {a['filename']} | url: {a.get('download_url', '')}"
            f" | type: {a['mime_type']}]"
        )
    payload = {
        "text": text,
        "chat_id": source["chat_id"],
        "message_id": source.get("message_id", ""),
        "credential_id": body["credential_id"],
        "user_id": str(sent_by["id"]) if sent_by else "",
        "files": [
            {
                "filename": a["filename"],
                "mime_type": a["mime_type"],
                "size_bytes": a.get("size_bytes", 0),
                "url": a.get("download_url", ""),
            }
            for a in attachments
        ],
    }
    execution = executions.start_execution(
        session, workflow, node, payload, user.id, "gateway_inbound"
    )
    return {"execution_id": execution.id, "status": "pending"}, 202
