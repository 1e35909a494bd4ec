"""Organizations, users and roles, and the first-start bootstrap."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..engine.state_machine import TaskRun
from ..shared.errors import BadRequest, Conflict, FieldError, NotFound, ValidationFailed
from ..shared.principal import ORG_ADMIN, ROLES, Principal, require_admin
from ..store.models import NodeInstance, Organization, Project, User, utcnow
from . import keys, text_fields

EMAIL_MAX, NAME_MAX = 300, 200  # as openapi/pipelines.yaml's UserCreate
EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+")


def get_org(session: Session, principal: Principal, org_id: int) -> Organization:
    org = session.get(Organization, org_id)
    if org is None or org.id != principal.org_id:
        raise NotFound("Organization not found")
    return org


def list_orgs(session: Session, principal: Principal) -> list[Organization]:
    return [session.get(Organization, principal.org_id)]


def current_user(session: Session, principal: Principal) -> User | None:
    return session.get(User, principal.user_id) if principal.user_id else None


def list_users(
    session: Session, principal: Principal, org_id: int, offset: int, limit: int
) -> tuple[list[User], int]:
    get_org(session, principal, org_id)
    where = (User.org_id == org_id, User.removed_at.is_(None))
    total = session.scalar(select(func.count()).select_from(User).where(*where))
    rows = session.scalars(select(User).where(*where).order_by(User.id).offset(offset).limit(limit))
    return list(rows), total


def get_user(session: Session, principal: Principal, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None or user.org_id != principal.org_id or user.removed_at is not None:
        raise NotFound("User not found")
    return user


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise BadRequest(f"role must be one of {', '.join(ROLES)}")


def create_user(
    session: Session, principal: Principal, org_id: int, email: str, name: str, role: str
) -> User:
    require_admin(principal, org_id, "users")
    _check_role(role)
    email = (email or "").strip().lower()
    name = name or ""
    text_fields.check(("email", email, EMAIL_MAX), ("name", name, NAME_MAX))
    if not EMAIL_RE.fullmatch(email):
        raise ValidationFailed(
            "Enter an email address (name@domain)",
            [FieldError("Enter an email address (name@domain)", loc=("email",))],
        )
    if session.scalar(select(User.id).where(User.email == email)) is not None:
        raise Conflict(f"A user with email {email} already exists")
    user = User(
        org_id=org_id, email=email, name=name.strip() or email.split("@")[0][:200], role=role
    )
    session.add(user)
    try:
        session.flush()
    except IntegrityError as exc:  # a concurrent create of the same email
        raise Conflict(f"A user with email {email} already exists") from exc
    return user


def _admins_left(session: Session, org_id: int, excluding: int) -> int:
    return session.scalar(
        select(func.count())
        .select_from(User)
        .where(
            User.org_id == org_id,
            User.role == ORG_ADMIN,
            User.removed_at.is_(None),
            User.id != excluding,
        )
    )


def update_user(
    session: Session,
    principal: Principal,
    org_id: int,
    user_id: int,
    name: str | None,
    role: str | None,
) -> User:
    require_admin(principal, org_id, "users")
    text_fields.check(("name", name, NAME_MAX))
    user = get_user(session, principal, user_id)
    if role is not None:
        _check_role(role)
        if (
            user.role == ORG_ADMIN
            and role != ORG_ADMIN
            and _admins_left(session, org_id, user.id) == 0
        ):
            raise Conflict("An organization must keep at least one admin")
        user.role = role
    if name is not None:
        user.name = name
    return user


def remove_user(session: Session, principal: Principal, org_id: int, user_id: int) -> None:
    """Removes a user from the organization. Keys they created stay valid for what needs no
    identity; see the External API v1 rules for uploads."""
    require_admin(principal, org_id, "users")
    user = get_user(session, principal, user_id)
    if user.role == ORG_ADMIN and _admins_left(session, org_id, user.id) == 0:
        raise Conflict("An organization must keep at least one admin")
    user.removed_at = utcnow()
    user.email = f"removed-{user.id}+{user.email}"
    _unreserve(session, org_id, user.id)


def _unreserve(session: Session, org_id: int, user_id: int) -> None:
    """A removed user's reserved work (assign_to, or sent back to them by a review) goes to
    the pool: nobody else could ever open it."""
    ni = NodeInstance.__table__
    task_ids = session.scalars(
        select(ni.c.task_id)
        .where(ni.c.org_id == org_id, ni.c.reserved_for_id == user_id)
        .distinct()
    ).all()
    for task_id in task_ids:
        run = TaskRun.lock(session.connection(), task_id)
        if run is None:
            continue
        for inst in run.insts.values():
            if inst.reserved_for_id == user_id:
                run.set(inst, reserved_for_id=None)
                run.event("node.unreserved", inst, reason="its user was removed")
        run.flush()


@dataclass
class Bootstrap:
    org: Organization
    user: User
    project: Project
    api_key: str


def bootstrap(
    session: Session,
    org_name: str = "Default organization",
    email: str = "admin@localhost",
    name: str = "Admin",
) -> Bootstrap:
    """An organization, its first admin, a default project and one API key."""
    org = Organization(name=org_name)
    session.add(org)
    session.flush()
    email = email.strip().lower()
    if session.scalar(select(User.id).where(User.email == email)) is not None:
        email = f"admin+{org.id}@localhost"
    user = User(org_id=org.id, email=email, name=name, role=ORG_ADMIN)
    project = Project(org_id=org.id, name="Default project", description="Created at bootstrap")
    session.add_all([user, project])
    session.flush()
    raw = keys.issue_key(session, org.id, user.id, "bootstrap")
    return Bootstrap(org=org, user=user, project=project, api_key=raw)


@dataclass
class Recovery:
    org: Organization
    user: User
    api_key: str


def recovery_key(
    session: Session, org_id: int | None = None, email: str | None = None, name: str = "recovery"
) -> Recovery:
    """A new API key for an organization whose keys were lost (`pipelines-server create-key`,
    run by the operator on the server's machine). It acts as the organization's oldest active
    admin, or as the active member `email` names. The organization may be left out when there
    is only one."""
    orgs = list(session.scalars(select(Organization).order_by(Organization.id)))
    if not orgs:
        raise NotFound("There is no organization yet: run `pipelines-server bootstrap`")
    if org_id is None:
        if len(orgs) > 1:
            listed = ", ".join(f"{o.id} ({o.name})" for o in orgs)
            raise BadRequest(f"Several organizations: choose one with --org: {listed}")
        org = orgs[0]
    else:
        org = next((o for o in orgs if o.id == org_id), None)
        if org is None:
            raise NotFound(f"Organization {org_id} not found")
    members = select(User).where(User.org_id == org.id, User.removed_at.is_(None))
    if email:
        user = session.scalar(members.where(User.email == email.strip().lower()))
        if user is None:
            raise NotFound(f"No active member {email} in organization {org.id}")
    else:
        user = session.scalar(members.where(User.role == ORG_ADMIN).order_by(User.id))
        if user is None:
            raise NotFound(f"Organization {org.id} has no active admin: name a member with --email")
    raw = keys.issue_key(session, org.id, user.id, name)
    return Recovery(org=org, user=user, api_key=raw)


def is_empty(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(Organization)) == 0
