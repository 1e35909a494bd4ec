"""Pipelit's /users routes: self-service profile and keys, admin user management and the keys
of any user (domain/pipelit/accounts.py)."""

from __future__ import annotations

from ...domain.pipelit import accounts
from ...web.auth import caller_session


def list_users(limit: int | None = None, offset: int | None = None):
    with caller_session() as (session, principal):
        users, total = accounts.list_users(session, principal, limit, offset)
        return {"users": accounts.users_out(session, users), "total": total}, 200


def create_user(body: dict):
    with caller_session() as (session, principal):
        user = accounts.create_user(session, principal, body)
        return accounts.one_user_out(session, user), 201


def get_me():
    with caller_session() as (session, principal):
        return accounts.one_user_out(session, accounts.caller(session, principal)), 200


def update_me(body: dict):
    with caller_session() as (session, principal):
        user = accounts.caller(session, principal)
        accounts.update_profile(user, body)  # `role` is ignored here
        session.flush()
        return accounts.one_user_out(session, user), 200


def list_my_keys():
    with caller_session() as (session, principal):
        user = accounts.caller(session, principal)
        return [accounts.key_out(k) for k in accounts.list_keys(session, user)], 200


def create_my_key(body: dict):
    with caller_session() as (session, principal):
        key, raw = accounts.create_key(session, accounts.caller(session, principal), body)
        return accounts.key_out(key, raw), 201


def revoke_my_key(key_id: int):
    with caller_session() as (session, principal):
        accounts.revoke_key(session, accounts.caller(session, principal), key_id)
    return None, 204


def get_user(user_id: int):
    with caller_session() as (session, principal):
        return accounts.one_user_out(session, accounts.get_user(session, principal, user_id)), 200


def update_user(user_id: int, body: dict):
    with caller_session() as (session, principal):
        user = accounts.update_user(session, principal, user_id, body)
        session.flush()
        return accounts.one_user_out(session, user), 200


def delete_user(user_id: int):
    with caller_session() as (session, principal):
        accounts.delete_user(session, principal, user_id)
    return None, 204


def list_user_keys(user_id: int):
    with caller_session() as (session, principal):
        user = accounts.get_user(session, principal, user_id)
        return [accounts.key_out(k) for k in accounts.list_keys(session, user)], 200


def create_user_key(user_id: int, body: dict):
    with caller_session() as (session, principal):
        key, raw = accounts.create_key(
            session, accounts.get_user(session, principal, user_id), body
        )
        return accounts.key_out(key, raw), 201


def revoke_user_key(user_id: int, key_id: int):
    with caller_session() as (session, principal):
        accounts.revoke_key(session, accounts.get_user(session, principal, user_id), key_id)
    return None, 204
