"""The `organizations` tag: the organizations a key can see."""

from ...domain import orgs
from ...web.auth import caller_session
from . import shapes


def list_organizations(page: int = 1, page_size: int = 50):
    with caller_session() as (session, me):
        items = orgs.list_orgs(session, me)
        visible = items[shapes.offset(page, page_size) :][:page_size]
        return shapes.page(
            [shapes.organization(o) for o in visible], len(items), page, page_size
        ), 200


def get_organization(org_id: int):
    with caller_session() as (session, me):
        return shapes.organization(orgs.get_org(session, me, org_id)), 200
