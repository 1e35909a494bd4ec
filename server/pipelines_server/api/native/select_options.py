"""The `select_options` tag: the web app's dropdown choices."""

from ...domain import select_options
from ...web.auth import caller_session


def list_organization_select_options(search: str | None = None, limit: int = 100):
    with caller_session() as (session, me):
        items, total = select_options.organizations(session, me, search, limit)
    return {"items": items, "total": total}, 200


def list_project_select_options(search: str | None = None, limit: int = 100):
    with caller_session() as (session, me):
        items, total = select_options.projects(session, me, search, limit)
    return {"items": items, "total": total}, 200


def list_role_select_options(search: str | None = None, limit: int = 100):
    with caller_session():
        items, total = select_options.roles(search, limit)
    return {"items": items, "total": total}, 200
