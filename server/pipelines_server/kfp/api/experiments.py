"""KFP v2beta1 ExperimentService handlers: parse (empty query parameters count as absent),
call the rules, shape upstream's JSON (snake_case, unset fields omitted, RFC 3339)."""

from __future__ import annotations

from ...shared.timestamps import ts
from ...store.models import KfpExperiment
from ...web.auth import caller_session
from .. import experiments
from ..namespaces import namespaces_of
from .wire import list_query, list_reply, opt


def _experiment(e: KfpExperiment, namespaces: dict[int, str]) -> dict:
    out = {
        "experiment_id": e.id,
        "display_name": e.display_name,
        "description": e.description,
        "created_at": ts(e.created_at),
        "namespace": namespaces.get(e.project_id, ""),
        "storage_state": e.storage_state,
    }
    if e.last_run_created_at is not None:
        out["last_run_created_at"] = ts(e.last_run_created_at)
    return {k: v for k, v in out.items() if v not in (None, "")}


def experiment_service_create_experiment(body: dict):
    with caller_session() as (session, me):
        exp = experiments.create_experiment(
            session,
            me,
            body.get("display_name"),
            body.get("description"),
            opt(body.get("namespace")),
        )
        return _experiment(exp, namespaces_of(session, [exp])), 200


def experiment_service_get_experiment(experiment_id: str):
    with caller_session() as (session, me):
        exp = experiments.get_experiment(session, me, experiment_id)
        return _experiment(exp, namespaces_of(session, [exp])), 200


def experiment_service_list_experiments(
    page_token: str | None = None,
    page_size: int | None = None,
    sort_by: str | None = None,
    filter: str | None = None,  # noqa: A002 - upstream's parameter name
    namespace: str | None = None,
):
    with caller_session() as (session, me):
        rows, total, token = experiments.list_experiments(
            session, me, **list_query(filter, sort_by, page_token, page_size, namespace=namespace)
        )
        names = namespaces_of(session, rows)
        return list_reply("experiments", [_experiment(e, names) for e in rows], total, token), 200


def experiment_service_delete_experiment(experiment_id: str):
    with caller_session() as (session, me):
        experiments.delete_experiment(session, me, experiment_id)
    return {}, 200


def experiment_service_archive_experiment(experiment_id: str):
    with caller_session() as (session, me):
        experiments.set_experiment_state(session, me, experiment_id, experiments.ARCHIVED)
    return {}, 200


def experiment_service_unarchive_experiment(experiment_id: str):
    with caller_session() as (session, me):
        experiments.set_experiment_state(session, me, experiment_id, experiments.AVAILABLE)
    return {}, 200
