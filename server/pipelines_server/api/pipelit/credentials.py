"""Pipelit credentials: CRUD, batch delete, provider test and models, gateway switches."""

from __future__ import annotations

from ...domain.pipelit import credentials
from ...runtime import current
from ...web.auth import caller_session


def list_credentials(limit: int | None = None, offset: int | None = None):
    key = current().credential_key
    with caller_session() as (session, me):
        rows, total = credentials.list_credentials(session, me, limit, offset)
        return {"items": [credentials.out(r, key) for r in rows], "total": total}, 200


def create_credential(body: dict):
    key = current().credential_key
    with caller_session() as (session, me):
        row = credentials.create(session, me, body, key)
        session.flush()
        return credentials.out(row, key), 201


def get_credential(credential_id: int):
    key = current().credential_key
    with caller_session() as (session, me):
        return credentials.out(credentials.get(session, me, credential_id), key), 200


def update_credential(credential_id: int, body: dict):
    key = current().credential_key
    with caller_session() as (session, me):
        row = credentials.update(session, me, credential_id, body, key)
        session.flush()
        return credentials.out(row, key), 200


def delete_credential(credential_id: int):
    with caller_session() as (session, me):
        credentials.delete(session, me, credential_id)
    return None, 204


def batch_delete_credentials(body: dict):
    with caller_session() as (session, me):
        credentials.batch_delete(session, me, body["ids"])
    return None, 204


def activate_credential(credential_id: int):
    with caller_session() as (session, me):
        credentials.gateway_action(session, me, credential_id)


def deactivate_credential(credential_id: int):
    with caller_session() as (session, me):
        credentials.gateway_action(session, me, credential_id)


def test_credential(credential_id: int):
    key = current().credential_key
    with caller_session() as (session, me):
        target = credentials.test_target(session, me, credential_id, key)
    return credentials.test(target), 200


def list_credential_models(credential_id: int):
    key = current().credential_key
    with caller_session() as (session, me):
        target = credentials.models_target(session, me, credential_id, key)
    return credentials.models(target), 200
