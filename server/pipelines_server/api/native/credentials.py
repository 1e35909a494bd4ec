"""Organization credentials: the key is accepted, encrypted, and never shown again."""

from ...domain import credentials
from ...runtime import current
from ...web import idempotency
from ...web.auth import caller_session
from . import shapes


def list_credentials(org_id: int, page: int = 1, page_size: int = 50):
    with caller_session() as (session, me):
        rows, total = credentials.list_credentials(
            session, me, org_id, shapes.offset(page, page_size), page_size
        )
        return shapes.page([shapes.credential(c) for c in rows], total, page, page_size), 200


def create_credential(org_id: int, body: dict):
    key = current().credential_key
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        cred = credentials.create_credential(
            session,
            me,
            org_id,
            body["name"],
            body["base_url"],
            body["api_key"],
            key,
            body.get("models"),
        )
        return once.answer(shapes.credential(cred), 201)


def update_credential(org_id: int, credential_id: int, body: dict):
    key = current().credential_key
    with caller_session() as (session, me):
        cred = credentials.update_credential(
            session,
            me,
            org_id,
            credential_id,
            body.get("base_url"),
            body.get("api_key"),
            key,
            body.get("models"),
        )
        return shapes.credential(cred), 200


def delete_credential(org_id: int, credential_id: int):
    with caller_session() as (session, me):
        credentials.delete_credential(session, me, org_id, credential_id)
    return None, 204
