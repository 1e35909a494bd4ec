"""Kubeflow Pipelines resources over the one domain: namespaces are projects of the
caller's organization; experiments (pipelines, versions, runs and recurring runs follow)."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..shared.errors import BadRequest, Conflict, NotFound
from ..shared.principal import Principal
from ..store.models import KfpExperiment, KfpRecurringRun, KfpRun, Project
from . import kfp_query as q

AVAILABLE, ARCHIVED = "AVAILABLE", "ARCHIVED"
_E = KfpExperiment.__table__.c
EXPERIMENT_FIELDS = {
    "experiment_id": q.Field(_E.id),
    "display_name": q.Field(_E.display_name),
    "description": q.Field(_E.description),
    "created_at": q.Field(_E.created_at, "timestamp"),
    "last_run_created_at": q.Field(_E.last_run_created_at, "timestamp"),
    "storage_state": q.Field(_E.storage_state),
}


def resolve_namespace(session: Session, principal: Principal, namespace: str | None) -> Project:
    """A namespace names a project of the caller's organization; none is its first project."""
    where = [Project.org_id == principal.org_id]
    if namespace:
        where.append(Project.name == namespace)
    project = session.scalars(select(Project).where(*where).order_by(Project.id).limit(1)).first()
    if project is None:
        if namespace:
            raise NotFound(f"Namespace {namespace!r} is not a project of this organization")
        raise NotFound("This organization has no project to use as its default namespace")
    return project


def _namespaces(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(Project.id, Project.name).where(Project.id.in_(ids))).all())


def namespaces_of(session: Session, rows: list) -> dict[int, str]:
    """Project id -> name for rows that have a project_id (experiments, pipelines, runs...)."""
    return _namespaces(session, {r.project_id for r in rows})


def create_experiment(
    session: Session,
    principal: Principal,
    display_name: str | None,
    description: str | None,
    namespace: str | None,
) -> KfpExperiment:
    name = (display_name or "").strip()
    if not name:
        raise BadRequest("Experiment display_name is required")
    project = resolve_namespace(session, principal, namespace)
    exists = session.scalar(
        select(func.count())
        .select_from(KfpExperiment)
        .where(KfpExperiment.project_id == project.id, KfpExperiment.display_name == name)
    )
    if exists:
        raise Conflict(f"An experiment named {name!r} already exists in namespace {project.name!r}")
    exp = KfpExperiment(
        id=str(uuid.uuid4()),
        org_id=principal.org_id,
        project_id=project.id,
        display_name=name,
        description=description or "",
        storage_state=AVAILABLE,
    )
    session.add(exp)
    try:
        session.flush()
    except IntegrityError as exc:
        raise Conflict(f"An experiment named {name!r} already exists") from exc
    return exp


def get_experiment(session: Session, principal: Principal, experiment_id: str) -> KfpExperiment:
    exp = session.get(KfpExperiment, experiment_id)
    if exp is None or exp.org_id != principal.org_id:
        raise NotFound(f"Experiment {experiment_id!r} not found")
    return exp


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
        project = resolve_namespace(session, principal, namespace)
        where.append(model.project_id == project.id)
        scope += f"/{project.id}"
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


def list_experiments(session: Session, principal: Principal, **query):
    """Experiments; `query` is list_in_org's keywords."""
    return list_in_org(session, principal, KfpExperiment, EXPERIMENT_FIELDS, **query)


def set_experiment_state(
    session: Session, principal: Principal, experiment_id: str, state: str
) -> KfpExperiment:
    """Archiving an experiment archives its runs and disables its recurring runs, as
    upstream does; unarchiving restores the experiment alone."""
    exp = get_experiment(session, principal, experiment_id)
    exp.storage_state = state
    if state == ARCHIVED:
        session.execute(
            update(KfpRun).where(KfpRun.experiment_id == exp.id).values(storage_state=ARCHIVED)
        )
        session.execute(
            update(KfpRecurringRun)
            .where(KfpRecurringRun.experiment_id == exp.id)
            .values(mode="DISABLE", next_fire_at=None)
        )
    return exp


def delete_experiment(session: Session, principal: Principal, experiment_id: str) -> None:
    session.delete(get_experiment(session, principal, experiment_id))
