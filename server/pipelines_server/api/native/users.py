"""The `users` tag: an organization's users and their roles."""

from ...domain import orgs
from ...web import idempotency
from ...web.auth import caller_session
from . import shapes


def list_users(org_id: int, page: int = 1, page_size: int = 50):
    with caller_session() as (session, me):
        rows, total = orgs.list_users(
            session, me, org_id, shapes.offset(page, page_size), page_size
        )
        return shapes.page([shapes.user(u) for u in rows], total, page, page_size), 200


def create_user(org_id: int, body: dict):
    with caller_session() as (session, me), idempotency.guard(session, me, body) as once:
        if once.replay:
            return once.replay
        user = orgs.create_user(
            session, me, org_id, body["email"], body.get("name", ""), body["role"]
        )
        return once.answer(shapes.user(user), 201)


def update_user(org_id: int, user_id: int, body: dict):
    with caller_session() as (session, me):
        user = orgs.update_user(session, me, org_id, user_id, body.get("name"), body.get("role"))
        return shapes.user(user), 200


def remove_user(org_id: int, user_id: int):
    with caller_session() as (session, me):
        orgs.remove_user(session, me, org_id, user_id)
    return None, 204


def get_user(user_id: int):
    with caller_session() as (session, me):
        return shapes.user(orgs.get_user(session, me, user_id)), 200


def list_my_org_users(page: int = 1, page_size: int = 50):
    """GET /users: the users of the caller's organization."""
    with caller_session() as (session, me):
        rows, total = orgs.list_users(
            session, me, me.org_id, shapes.offset(page, page_size), page_size
        )
        return shapes.page([shapes.user(u) for u in rows], total, page, page_size), 200
