"""KFP v2beta1 RecurringRunService handlers: parse (empty query parameters count as
absent), call the rules, shape upstream's JSON."""

from __future__ import annotations

from ...runtime import current
from ...shared.timestamps import ts
from ...store.models import KfpRecurringRun
from ...web.auth import caller_session
from .. import recurring_runs
from ..namespaces import namespaces_of
from .wire import clean, list_query, list_reply, runtime_config, source


def _recurring(r: KfpRecurringRun, namespaces: dict[int, str]) -> dict:
    trigger = dict(r.trigger or {})
    return clean(
        {
            "recurring_run_id": r.id,
            "display_name": r.display_name,
            "description": r.description,
            "pipeline_version_id": r.pipeline_version_id,
            **source(r),
            "runtime_config": runtime_config(r.runtime_config),
            "service_account": r.service_account,
            "max_concurrency": str(r.max_concurrency),
            "trigger": trigger,
            "mode": r.mode,
            "created_at": ts(r.created_at),
            "updated_at": ts(r.updated_at),
            "status": "ENABLED" if r.mode == "ENABLE" else "DISABLED",
            "no_catchup": bool(r.no_catchup),
            "namespace": namespaces.get(r.project_id, ""),
            "experiment_id": r.experiment_id,
        }
    )


def recurring_run_service_create_recurring_run(body: dict):
    with caller_session() as (session, me):
        rec = recurring_runs.create_recurring_run(session, me, body)
        out = _recurring(rec, namespaces_of(session, [rec]))
    current().kfp.wake()
    return out, 200


def recurring_run_service_get_recurring_run(recurring_run_id: str):
    with caller_session() as (session, me):
        rec = recurring_runs.get_recurring_run(session, me, recurring_run_id)
        return _recurring(rec, namespaces_of(session, [rec])), 200


def recurring_run_service_list_recurring_runs(
    page_token: str | None = None,
    page_size: int | None = None,
    sort_by: str | None = None,
    namespace: str | None = None,
    filter: str | None = None,  # noqa: A002 - upstream's parameter name
    experiment_id: str | None = None,
):
    scope = {"namespace": namespace, "experiment_id": experiment_id}
    with caller_session() as (session, me):
        page = list_query(filter, sort_by, page_token, page_size, **scope)
        rows, total, token = recurring_runs.list_recurring_runs(session, me, **page)
        names = namespaces_of(session, rows)
        return list_reply("recurringRuns", [_recurring(r, names) for r in rows], total, token), 200


def recurring_run_service_enable_recurring_run(recurring_run_id: str):
    with caller_session() as (session, me):
        recurring_runs.set_recurring_mode(session, me, recurring_run_id, True)
    current().kfp.wake()
    return {}, 200


def recurring_run_service_disable_recurring_run(recurring_run_id: str):
    with caller_session() as (session, me):
        recurring_runs.set_recurring_mode(session, me, recurring_run_id, False)
    return {}, 200


def recurring_run_service_delete_recurring_run(
    recurring_run_id: str, propagation_policy: str | None = None
):
    with caller_session() as (session, me):
        recurring_runs.delete_recurring_run(session, me, recurring_run_id)
    return {}, 200
