"""KFP v2beta1 RunService handlers (runs, and a run's artifacts): parse (empty query
parameters count as absent), call the rules, shape upstream's JSON."""

from __future__ import annotations

import base64

from ...runtime import current
from ...shared.timestamps import ts
from ...store.models import KfpRun
from ...web.auth import caller_session
from .. import artifacts, experiments, runs
from .wire import clean, list_query, list_reply, runtime_config, source, status


def _artifact_lists(arts: dict) -> dict:
    return {
        name: {"artifact_ids": [a["artifact_id"] for a in items]} for name, items in arts.items()
    }


def task_detail(run_id: str, rec: dict) -> dict:
    return clean(
        {
            "run_id": run_id,
            "task_id": rec["task_id"],
            "display_name": rec["display_name"],
            "create_time": rec.get("create_time"),
            "start_time": rec.get("start_time"),
            "end_time": rec.get("end_time"),
            "state": rec["state"],
            "error": status(rec.get("error")),
            "parent_task_id": rec.get("parent_task_id"),
            "child_tasks": [{"task_id": c} for c in rec.get("child_task_ids") or []],
            "state_history": rec.get("state_history"),
            "inputs": _artifact_lists(rec.get("input_artifacts") or {}),
            "outputs": _artifact_lists(rec.get("output_artifacts") or {}),
            # Extensions (not upstream): what a reader of a run wants without MLMD.
            "input_parameters": rec.get("input_parameters"),
            "output_parameters": rec.get("output_parameters"),
            "artifacts": [
                {
                    **{k: v for k, v in a.items() if k not in ("name", "path")},
                    "name": name,
                    "direction": direction,
                }
                for direction, key in (("input", "input_artifacts"), ("output", "output_artifacts"))
                for name, items in (rec.get(key) or {}).items()
                for a in items
            ],
            "kind": rec.get("kind"),
            "cached": rec.get("cached") or None,
            "pod_labels": rec.get("pod_labels") or None,
            "pod_annotations": rec.get("pod_annotations") or None,
        }
    )


def _run(r: KfpRun, details: bool = True) -> dict:
    out = {
        "run_id": r.id,
        "experiment_id": r.experiment_id,
        "display_name": r.display_name,
        "description": r.description,
        "storage_state": r.storage_state,
        "pipeline_version_id": r.pipeline_version_id,
        **source(r),
        "runtime_config": runtime_config(r.runtime_config),
        "service_account": r.service_account,
        "created_at": ts(r.created_at),
        "scheduled_at": ts(r.scheduled_at),
        "finished_at": ts(r.finished_at),
        "state": r.state,
        "error": status(r.error),
        "recurring_run_id": r.recurring_run_id,
        "state_history": r.state_history,
    }
    if details:
        out["run_details"] = {"task_details": [task_detail(r.id, t) for t in r.task_details or []]}
    return clean(out)


def _wake() -> None:
    current().kfp.wake()


# -- runs -----------------------------------------------------------------------------------


def run_service_create_run(body: dict, experiment_id: str | None = None):
    body = dict(body)
    if experiment_id and not body.get("experiment_id"):
        body["experiment_id"] = experiment_id
    with caller_session() as (session, me):
        run = runs.create_run(session, me, body)
        out = _run(run)
    _wake()
    return out, 200


def run_service_get_run(run_id: str, experiment_id: str | None = None):
    with caller_session() as (session, me):
        return _run(runs.get_run(session, me, run_id)), 200


def run_service_list_runs(
    namespace: str | None = None,
    experiment_id: str | None = None,
    page_token: str | None = None,
    page_size: int | None = None,
    sort_by: str | None = None,
    filter: str | None = None,  # noqa: A002 - upstream's parameter name
):
    scope = {"namespace": namespace, "experiment_id": experiment_id}
    with caller_session() as (session, me):
        page = list_query(filter, sort_by, page_token, page_size, **scope)
        rows, total, token = runs.list_runs(session, me, **page)
        return list_reply("runs", [_run(r) for r in rows], total, token), 200


def run_service_delete_run(run_id: str, experiment_id: str | None = None):
    with caller_session() as (session, me):
        run = runs.delete_run(session, me, run_id)
        org_id = run.org_id
    current().kfp.terminate_local(run_id)
    current().kfp.run_deleted(org_id, run_id)
    return {}, 200


def run_service_archive_run(run_id: str, experiment_id: str | None = None):
    with caller_session() as (session, me):
        runs.set_run_storage(session, me, run_id, experiments.ARCHIVED)
    return {}, 200


def run_service_unarchive_run(run_id: str, experiment_id: str | None = None):
    with caller_session() as (session, me):
        runs.set_run_storage(session, me, run_id, experiments.AVAILABLE)
    return {}, 200


def run_service_terminate_run(run_id: str, experiment_id: str | None = None):
    with caller_session() as (session, me):
        runs.terminate_run(session, me, run_id)
    current().kfp.terminate_local(run_id)
    return {}, 200


def run_service_retry_run(run_id: str, experiment_id: str | None = None):
    with caller_session() as (session, me):
        runs.retry_run(session, me, run_id)
    _wake()
    return {}, 200


# -- a run's artifacts ---------------------------------------------------------------------


def run_service_read_artifact(run_id: str, node_id: str, artifact_name: str):
    with caller_session() as (session, me):
        path = artifacts.artifact_of(
            session, me, current().settings.pipeline_root, run_id, node_id, artifact_name
        )
    data = artifacts.artifact_bytes(path, artifact_name)
    return {"data": base64.b64encode(data).decode()}, 200
