"""The choices the web app fills its dropdowns with: `{"value", "label"}` pairs of the
caller's own organization (a key belongs to one organization, so that is the only one it
lists), of its projects that are not archived, and of the roles a user can have.

`search` keeps the options whose label (or, for roles, value) contains it, ignoring case;
`limit` caps the items while `total` counts every match."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..shared.principal import MEMBER, ORG_ADMIN, Principal
from ..store.models import Organization, Project
from . import text_search

ROLE_LABELS = {ORG_ADMIN: "Organization admin", MEMBER: "Member"}


def _needle(search: str | None) -> str | None:
    search = (search or "").strip().lower()
    return search or None


def matches(option: dict, search: str | None) -> bool:
    needle = _needle(search)
    if needle is None:
        return True
    return needle in str(option["label"]).lower() or needle in str(option["value"]).lower()


def organizations(
    session: Session, principal: Principal, search: str | None, limit: int
) -> tuple[list[dict], int]:
    org = session.get(Organization, principal.org_id)
    options = [{"value": org.id, "label": org.name}] if org is not None else []
    options = [o for o in options if matches(o, search)]
    return options[:limit], len(options)


def projects(
    session: Session, principal: Principal, search: str | None, limit: int
) -> tuple[list[dict], int]:
    where = [Project.org_id == principal.org_id, Project.archived_at.is_(None)]
    needle = _needle(search)
    if needle is not None:
        where.append(text_search.contains(needle, Project.name))
    total = session.scalar(select(func.count()).select_from(Project).where(*where))
    rows = session.execute(
        select(Project.id, Project.name)
        .where(*where)
        .order_by(Project.name, Project.id)
        .limit(limit)
    )
    return [{"value": pid, "label": name} for pid, name in rows], total


def roles(search: str | None, limit: int) -> tuple[list[dict], int]:
    options = [{"value": v, "label": label} for v, label in ROLE_LABELS.items()]
    options = [o for o in options if matches(o, search)]
    return options[:limit], len(options)
