"""KFP v2beta1 handlers: parse (empty query parameters count as absent), call the domain,
shape upstream's JSON (snake_case, unset fields omitted, enums as strings, RFC 3339)."""

from __future__ import annotations

from ...domain import kfp
from ...runtime import current
from ...store.models import KfpExperiment
from ...web.auth import principal
from ..serialize import ts
from .wire import list_reply, opt


def healthz_service_get_healthz():
    return {
        "commit_sha": "pipelines-server",
        "tag_name": "2.17.0",
        "multi_user": False,
        "pipeline_store": "database",
    }, 200


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
    with current().db.session() as session:
        exp = kfp.create_experiment(
            session,
            principal(),
            body.get("display_name"),
            body.get("description"),
            opt(body.get("namespace")),
        )
        return _experiment(exp, kfp.namespaces_of(session, [exp])), 200


def experiment_service_get_experiment(experiment_id: str):
    with current().db.session() as session:
        exp = kfp.get_experiment(session, principal(), experiment_id)
        return _experiment(exp, kfp.namespaces_of(session, [exp])), 200


def experiment_service_list_experiments(
    page_token: str | None = None,
    page_size: int | None = None,
    sort_by: str | None = None,
    filter: str | None = None,  # noqa: A002 - upstream's parameter name
    namespace: str | None = None,
):
    with current().db.session() as session:
        rows, total, token = kfp.list_experiments(
            session,
            principal(),
            namespace=opt(namespace),
            filter_raw=opt(filter),
            sort_by=opt(sort_by),
            page_token=opt(page_token),
            page_size=page_size,
        )
        names = kfp.namespaces_of(session, rows)
        return list_reply("experiments", [_experiment(e, names) for e in rows], total, token), 200


def experiment_service_delete_experiment(experiment_id: str):
    with current().db.session() as session:
        kfp.delete_experiment(session, principal(), experiment_id)
    return {}, 200


def experiment_service_archive_experiment(experiment_id: str):
    with current().db.session() as session:
        kfp.set_experiment_state(session, principal(), experiment_id, kfp.ARCHIVED)
    return {}, 200


def experiment_service_unarchive_experiment(experiment_id: str):
    with current().db.session() as session:
        kfp.set_experiment_state(session, principal(), experiment_id, kfp.AVAILABLE)
    return {}, 200
