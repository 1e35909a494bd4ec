"""Kubeflow Pipelines experiments: create, read, list, archive (with their runs and
recurring runs), delete; and the storage states experiments and runs share."""

from __future__ import annotations

import uuid

from sqlalchemy import update
from sqlalchemy.orm import Session

from ..shared.errors import BadRequest
from ..shared.principal import Principal
from ..store.models import KfpExperiment, KfpRecurringRun, KfpRun
from . import query as q
from .namespaces import flush_unique, in_org, list_in_org, refuse_duplicate, resolve_namespace

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
    project = resolve_namespace(session, principal, namespace, create=True)
    refuse_duplicate(
        session,
        KfpExperiment,
        f"An experiment named {name!r} already exists in namespace {project.name!r}",
        KfpExperiment.project_id == project.id,
        KfpExperiment.display_name == name,
    )
    exp = KfpExperiment(
        id=str(uuid.uuid4()),
        org_id=principal.org_id,
        project_id=project.id,
        display_name=name,
        description=description or "",
        storage_state=AVAILABLE,
    )
    session.add(exp)
    flush_unique(session, f"An experiment named {name!r} already exists")
    return exp


def get_experiment(session: Session, principal: Principal, experiment_id: str) -> KfpExperiment:
    return in_org(session, principal, KfpExperiment, experiment_id, "Experiment")


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
