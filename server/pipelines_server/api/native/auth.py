from ...domain import orgs
from ...runtime import current
from ...store.models import ApiKey
from ...web.auth import principal
from . import shapes


def get_me():
    p = principal()
    with current().db.session() as session:
        org = orgs.get_org(session, p, p.org_id)
        user = orgs.current_user(session, p)
        key = session.get(ApiKey, p.api_key_id)
        return {
            "organization": shapes.organization(org),
            "user": shapes.user(user) if user and user.removed_at is None else None,
            "api_key": {"id": key.id, "name": key.name, "last4": key.last4},
        }, 200
