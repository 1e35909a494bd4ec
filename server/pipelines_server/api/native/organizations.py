from ...domain import orgs
from ...runtime import current
from ...web.auth import principal
from . import shapes


def list_organizations(page: int = 1, page_size: int = 50):
    with current().db.session() as session:
        items = orgs.list_orgs(session, principal())
        visible = items[shapes.offset(page, page_size) :][:page_size]
        return shapes.page(
            [shapes.organization(o) for o in visible], len(items), page, page_size
        ), 200


def get_organization(org_id: int):
    with current().db.session() as session:
        return shapes.organization(orgs.get_org(session, principal(), org_id)), 200
