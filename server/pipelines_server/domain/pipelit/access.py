"""What every part of the Pipelit surface shares: who sees what (a `normal` user their own
workflows and what hangs under them, an `admin` everything of the organization), the list
envelope, Pipelit's timestamps, and the socket broadcasts written with their cause.

The Pipelit surface serves the caller's organization: a key of any organization works here
and sees that organization's Pipelit workflows. Only the unauthenticated routes (setup,
token, login-verify) need an organization of their own, `PIPELINES_PIPELIT_ORG` (id or name),
by default the first one (`organization_id`)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ...shared.errors import FieldError, Forbidden, NotFound, ValidationFailed
from ...shared.principal import ORG_ADMIN, Principal
from ...store.models import (
    Organization,
    PipelitBroadcast,
    PipelitCredential,
    PipelitWorkflow,
    User,
)

ADMIN_REQUIRED = "Admin access required."
MAX_INT64 = 2**63 - 1
WORKFLOW_NOT_FOUND = "Workflow not found."


class EdgeValidationErrors(ValidationFailed):
    """The edge type check's 422: {"detail": {"validation_errors": [...]}}."""

    code = "pipelit_edge_validation"

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages), [FieldError(m) for m in messages])


def organization_id(session: Session, configured: str) -> int | None:
    """The organization of the unauthenticated routes: PIPELINES_PIPELIT_ORG (an id or a
    name), else the first organization; None when there is none."""
    if configured:
        if configured.isdigit():
            row = session.get(Organization, int(configured))
            if row is not None:
                return row.id
        found = session.scalar(select(Organization.id).where(Organization.name == configured))
        if found is not None:
            return found
        return None
    return session.scalar(select(Organization.id).order_by(Organization.id).limit(1))


def require_admin(principal: Principal) -> None:
    if not principal.is_admin:
        raise Forbidden(ADMIN_REQUIRED)


def visible_workflows(principal: Principal) -> Select:
    """The Pipelit workflows the caller sees: the organization's for an admin, their own
    otherwise."""
    stmt = select(PipelitWorkflow).where(PipelitWorkflow.org_id == principal.org_id)
    if not principal.is_admin:
        stmt = stmt.where(PipelitWorkflow.owner_id == principal.user_id)
    return stmt


def under_visible_workflows(model, principal: Principal) -> Select:
    """Rows of `model` (an org_id and a workflow_id column: executions, schedules) that hang
    under a workflow the caller sees."""
    seen = visible_workflows(principal).with_only_columns(PipelitWorkflow.id)
    return select(model).where(model.org_id == principal.org_id, model.workflow_id.in_(seen))


def workflow_for(
    session: Session, principal: Principal, slug: str, message: str = WORKFLOW_NOT_FOUND
) -> PipelitWorkflow:
    """The workflow `slug` if the caller sees it; else 404 `message` (as if missing)."""
    if unmatchable(slug):
        raise NotFound(message)
    row = session.scalar(visible_workflows(principal).where(PipelitWorkflow.slug == slug))
    if row is None:
        raise NotFound(message)
    return row


def unmatchable(*values: object) -> bool:
    """Does one of these path or query values hold a NUL? No stored text holds one and
    PostgreSQL refuses one in a query: such an id or slug is missing (404), such a filter
    matches nothing (an empty list)."""
    return any(isinstance(v, str) and "\x00" in v for v in values)


def sees_workflow(principal: Principal, workflow: PipelitWorkflow) -> bool:
    return workflow.org_id == principal.org_id and (
        principal.is_admin or workflow.owner_id == principal.user_id
    )


def usable_credentials(org_id: int, user_id: int | None, is_admin: bool) -> Select:
    """The Pipelit credentials a user may put to use (an llm node's model, a workspace's
    env_vars, a DSL's model): their own; an admin's, the organization's."""
    stmt = select(PipelitCredential).where(PipelitCredential.org_id == org_id)
    if not is_admin:
        stmt = stmt.where(PipelitCredential.user_id == user_id)
    return stmt


def caller_credentials(principal: Principal) -> Select:
    """usable_credentials of the caller."""
    return usable_credentials(principal.org_id, principal.user_id, principal.is_admin)


def owner_credentials(session: Session, workflow: PipelitWorkflow) -> Select:
    """usable_credentials of the workflow's owner (what its runs may use, whoever starts
    them)."""
    owner = session.get(User, workflow.owner_id)
    is_admin = (
        owner is not None
        and owner.org_id == workflow.org_id
        and owner.removed_at is None
        and owner.role == ORG_ADMIN
    )
    return usable_credentials(workflow.org_id, workflow.owner_id, is_admin)


def may_use_credential(session: Session, principal: Principal, credential_id: object) -> bool:
    """Does `credential_id` (as a body gives it) name a credential the caller may use?"""
    if (
        not isinstance(credential_id, int)
        or isinstance(credential_id, bool)
        or not 0 < credential_id <= MAX_INT64
    ):
        return False
    stmt = caller_credentials(principal).where(PipelitCredential.id == credential_id)
    return session.scalar(stmt.with_only_columns(PipelitCredential.id)) is not None


def credential_refused(field: str, loc: tuple) -> ValidationFailed:
    """The 422 of a body naming a credential the caller may not use."""
    message = f"{field} must name one of your credentials"
    return ValidationFailed(message, [FieldError(message, loc=loc)])


def page(session: Session, stmt: Select, limit: int | None, offset: int | None) -> tuple[list, int]:
    """(rows, total) of `stmt` as Pipelit pages: `limit` 50 and `offset` 0 by default, a
    negative limit means no limit and a negative offset counts as 0 (as upstream on SQLite)."""
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    limit = 50 if limit is None else limit
    # Past a 64-bit integer no database takes the number (upstream has no maximum): such a
    # limit is no limit, such an offset is past every row.
    offset = min(max(0, offset or 0), MAX_INT64)
    if limit > MAX_INT64:
        limit = -1
    paged = stmt.offset(offset)
    if limit >= 0:
        paged = paged.limit(limit)
    return list(session.scalars(paged)), total


def iso(value: datetime | None) -> str | None:
    """Pipelit's timestamps: ISO-8601 in UTC without an offset (microseconds when set)."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat()


def broadcast(session: Session, org_id: int, channel: str, type_: str, data=None) -> None:
    """A socket event of this surface, sent to `channel`'s subscribers once the session
    commits (and never if it rolls back)."""
    session.add(PipelitBroadcast(org_id=org_id, channel=channel, type=type_, data=data))
