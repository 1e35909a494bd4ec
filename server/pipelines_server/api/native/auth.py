"""GET /auth/me: who the request authenticated as."""

from ...domain import orgs
from ...store.models import ApiKey
from ...web.auth import caller_session
from . import shapes


def get_me():
    with caller_session() as (session, me):
        org = orgs.get_org(session, me, me.org_id)
        user = orgs.current_user(session, me)
        key = session.get(ApiKey, me.api_key_id)
        return {
            "organization": shapes.organization(org),
            "user": shapes.user(user) if user and user.removed_at is None else None,
            "api_key": {"id": key.id, "name": key.name, "last4": key.last4},
        }, 200
