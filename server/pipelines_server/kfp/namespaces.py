"""The organization scope of every KFP resource: namespaces (projects of the caller's
organization), lookups by id within the organization, and pages of its rows."""

from __future__ import annotations

import re

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..shared.errors import BadRequest, Conflict, NotFound
from ..shared.principal import Principal
from ..store.models import Organization, Project
from . import query as q

# The ids this server gives (uuid4 strings); anything else names no row and is not looked up.
_ID = re.compile(r"^[0-9A-Za-z-]{1,36}$")


# PIPELINES_KFP_AUTO_NAMESPACES: an unknown namespace becomes a project of the caller's
# organization when something is created in it (upstream's single-user mode accepts any
# namespace). Set once at start (configure()).
_auto_namespaces = False
AUTO_DESCRIPTION = "Created for the KFP namespace of that name (PIPELINES_KFP_AUTO_NAMESPACES)"


def configure(auto_namespaces: bool) -> None:
    global _auto_namespaces
    _auto_namespaces = bool(auto_namespaces)


def _find(session: Session, principal: Principal, namespace: str | None) -> Project | None:
    where = [Project.org_id == principal.org_id]
    if namespace and ("\x00" in namespace or len(namespace) > 200):
        return None  # names no project (and PostgreSQL refuses a NUL in text)
    if namespace:
        where.append(Project.name == namespace)
    # The oldest of that name: two made at once (another process) both resolve to one.
    return session.scalars(select(Project).where(*where).order_by(Project.id).limit(1)).first()


def resolve_namespace(
    session: Session, principal: Principal, namespace: str | None, *, create: bool = False
) -> Project:
    """A namespace names a project of the caller's organization; none is its first project.
    With `create` and PIPELINES_KFP_AUTO_NAMESPACES on, an unknown namespace becomes a new
    project of the caller's organization (never another organization's)."""
    project = _find(session, principal, namespace)
    if project is None and namespace and create and _auto_namespaces:
        project = _create(session, principal, namespace)
    if project is None:
        if namespace:
            raise NotFound(f"Namespace {namespace!r} is not a project of this organization")
        raise NotFound("This organization has no project to use as its default namespace")
    return project


def _create(session: Session, principal: Principal, namespace: str) -> Project:
    if len(namespace) > 200 or not namespace.strip() or "\x00" in namespace:
        raise BadRequest("A namespace is a name of 1 to 200 characters")
    # The organization's row, written first, is the lock: concurrent creators of one
    # organization's namespace wait here (PostgreSQL's row lock, SQLite's write lock) and
    # then find the project the first one made.
    session.execute(
        update(Organization)
        .where(Organization.id == principal.org_id)
        .values(id=Organization.id)
        .execution_options(synchronize_session=False)
    )
    project = _find(session, principal, namespace)
    if project is None:
        project = Project(org_id=principal.org_id, name=namespace, description=AUTO_DESCRIPTION)
        session.add(project)
        session.flush()
    return project


def known_namespace(session: Session, principal: Principal, namespace: str) -> Project | None:
    """The namespace's project for a read: None for an unknown one when namespaces are made
    on first use (it is empty until then), NotFound otherwise."""
    if _auto_namespaces:
        return _find(session, principal, namespace)
    return resolve_namespace(session, principal, namespace)


def namespaces_of(session: Session, rows: list) -> dict[int, str]:
    """Project id -> name for rows that have a project_id (experiments, pipelines, runs...)."""
    ids = {r.project_id for r in rows}
    if not ids:
        return {}
    return dict(session.execute(select(Project.id, Project.name).where(Project.id.in_(ids))).all())


def by_id(session: Session, model, row_id: str | None):
    """The row of `model` with this id, or None (an id this server could not have given
    is not looked up)."""
    return session.get(model, row_id) if _ID.match(row_id or "") else None


def in_org(session: Session, principal: Principal, model, row_id: str | None, what: str):
    """The row of `model` with this id in the caller's organization; NotFound otherwise."""
    row = by_id(session, model, row_id)
    if row is None or row.org_id != principal.org_id:
        raise NotFound(f"{what} {row_id!r} not found")
    return row


def refuse_duplicate(session: Session, model, message: str, *where) -> None:
    """Conflict (upstream's ALREADY_EXISTS) when a row of `model` matches `where`."""
    if session.scalar(select(func.count()).select_from(model).where(*where)):
        raise Conflict(message)


def flush_unique(session: Session, message: str) -> None:
    """Flushes; a unique constraint a concurrent create won is a Conflict with `message`."""
    try:
        session.flush()
    except IntegrityError as exc:
        raise Conflict(message) from exc


def page_of(
    session: Session,
    model,
    fields: dict[str, q.Field],
    where: list,
    *,
    filter_raw: str | None,
    sort_by: str | None,
    page_token: str | None,
    page_size: int | None,
    scope: str,
) -> tuple[list, int, str]:
    """A page of `model`'s rows matching `where` and the caller's filter, ordered by
    created_at unless sort_by says otherwise (ties by id); page tokens are bound to `scope`."""
    query = q.build(
        fields,
        filter_raw=filter_raw,
        sort_raw=sort_by,
        page_token=page_token,
        size=page_size,
        default_sort="created_at",
        tiebreak=model.__table__.c.id.asc(),
        scope=scope,
    )
    return q.page(session, model, where, query)


def list_in_org(
    session: Session,
    principal: Principal,
    model,
    fields: dict[str, q.Field],
    *,
    namespace: str | None,
    filter_raw: str | None,
    sort_by: str | None,
    page_token: str | None,
    page_size: int | None,
    where: tuple = (),
    scope: str = "",
) -> tuple[list, int, str]:
    """A page of an organization's KFP resources (rows with org_id and project_id), of one
    namespace when it is given, ordered by created_at unless sort_by says otherwise."""
    where = [model.org_id == principal.org_id, *where]
    scope = f"{model.__tablename__}:{scope}"
    if namespace:
        project = known_namespace(session, principal, namespace)
        where.append(model.project_id == (project.id if project is not None else -1))
        scope += f"/{project.id if project is not None else 0}"
    return page_of(
        session,
        model,
        fields,
        where,
        filter_raw=filter_raw,
        sort_by=sort_by,
        page_token=page_token,
        page_size=page_size,
        scope=scope,
    )
