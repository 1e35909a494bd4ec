"""The `api_keys` tag: an organization's API keys (list, create, get, update expiry, revoke)."""

from ...domain import keys
from ...web.auth import caller_session
from . import shapes


def _one(session, key) -> dict:
    return shapes.api_key(key, keys.creator_names(session, [key]))


def list_api_keys(org_id: int):
    with caller_session() as (session, me):
        rows = keys.list_keys(session, me, org_id)
        owners = keys.creator_names(session, rows)
        return [shapes.api_key(k, owners) for k in rows], 200


def create_api_key(org_id: int, body: dict):
    with caller_session() as (session, me):
        key, raw = keys.create_key(session, me, org_id, body["name"], body.get("expires_in_days"))
        return {**_one(session, key), "key": raw}, 201


def get_api_key(org_id: int, key_id: int):
    with caller_session() as (session, me):
        return _one(session, keys.get_key(session, me, org_id, key_id)), 200


def update_api_key(org_id: int, key_id: int, body: dict):
    with caller_session() as (session, me):
        key = keys.update_expiry(session, me, org_id, key_id, body["expires_in_days"])
        return _one(session, key), 200


def revoke_api_key(org_id: int, key_id: int):
    with caller_session() as (session, me):
        return _one(session, keys.revoke(session, me, org_id, key_id)), 200
