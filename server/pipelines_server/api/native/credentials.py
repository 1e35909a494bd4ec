"""Organization credentials: the key is accepted, encrypted, and never shown again."""

from ...domain import credentials
from ...runtime import current
from ...shared.timestamps import ts
from ...store.models import Credential
from ...web.auth import principal
from . import shapes


def _shape(c: Credential) -> dict:
    return {
        "id": c.id,
        "org_id": c.org_id,
        "name": c.name,
        "base_url": c.base_url,
        "last4": c.last4,
        "created_by_id": c.created_by_id,
        "created_at": ts(c.created_at),
        "updated_at": ts(c.updated_at),
    }


def list_credentials(org_id: int, page: int = 1, page_size: int = 50):
    with current().db.session() as session:
        rows, total = credentials.list_credentials(
            session, principal(), org_id, shapes.offset(page, page_size), page_size
        )
        return shapes.page([_shape(c) for c in rows], total, page, page_size), 200


def create_credential(org_id: int, body: dict):
    rt = current()
    with rt.db.session() as session:
        cred = credentials.create_credential(
            session,
            principal(),
            org_id,
            body["name"],
            body["base_url"],
            body["api_key"],
            rt.credential_key,
        )
        return _shape(cred), 201


def update_credential(org_id: int, credential_id: int, body: dict):
    rt = current()
    with rt.db.session() as session:
        cred = credentials.update_credential(
            session,
            principal(),
            org_id,
            credential_id,
            body.get("base_url"),
            body.get("api_key"),
            rt.credential_key,
        )
        return _shape(cred), 200


def delete_credential(org_id: int, credential_id: int):
    with current().db.session() as session:
        credentials.delete_credential(session, principal(), org_id, credential_id)
    return None, 204
