"""Rows an organization's admins manage (API keys, credentials): found only for an admin of
the organization that owns them."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from ..shared.errors import NotFound
from ..shared.principal import Principal, require_admin

Row = TypeVar("Row")


def admin_row(
    session: Session,
    principal: Principal,
    org_id: int,
    model: type[Row],
    row_id: int,
    what: tuple[str, str],
) -> Row:
    """The `model` row `row_id` of organization `org_id`, for an admin of it; `what` names
    the rows in messages, plural and singular ("API keys", "API key"). NotFound when no row
    of that organization has the id."""
    plural, singular = what
    require_admin(principal, org_id, plural)
    row = session.get(model, row_id)
    if row is None or row.org_id != org_id:
        raise NotFound(f"{singular} not found")
    return row
