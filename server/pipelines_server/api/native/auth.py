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
        live = user if user is not None and user.removed_at is None else None
        return {
            "organization": shapes.organization(org),
            "user": shapes.user(live) if live else None,
            "api_key": {"id": key.id, "name": key.name, "last4": key.last4},
            # Flat, as the pipelines-sdk reads them (get_org_id, whoami, auth login).
            "org_id": org.id,
            "org_name": org.name,
            "user_id": live.id if live else None,
            "email": live.email if live else None,
            "name": live.name if live else None,
            "role": live.role if live else None,
        }, 200
