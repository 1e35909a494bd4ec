"""KFP v2beta1 runs and recurring runs, plus a run's logs and artifact reads: parse (empty
query parameters count as absent), call the domain, shape upstream's JSON."""

from __future__ import annotations

import base64
import io
import json
import os
import tarfile

from flask import Response

from ...domain import kfp, kfp_runs
from ...runtime import current
from ...shared.errors import BadRequest, NotFound
from ...store.models import KfpRecurringRun, KfpRun
from ...web.auth import principal
from ..serialize import ts
from .wire import list_reply, opt

MAX_LOG_BYTES = 8 * 1024 * 1024
MAX_ARTIFACT_BYTES = 32 * 1024 * 1024


def _clean(out: dict) -> dict:
    return {k: v for k, v in out.items() if v not in (None, "", [], {})}


def _status(message: str | None) -> dict | None:
    if not message:
        return None
    return {"code": 2, "message": message}


def _source(row: KfpRun | KfpRecurringRun) -> dict:
    if row.inline_spec:
        return {"pipeline_spec": json.loads(row.pipeline_spec)}
    return {
        "pipeline_version_reference": _clean(
            {"pipeline_id": row.pipeline_id, "pipeline_version_id": row.pipeline_version_id}
        )
    }


def _runtime_config(config: dict | None) -> dict | None:
    config = config or {}
    return (
        _clean(
            {"parameters": config.get("parameters"), "pipeline_root": config.get("pipeline_root")}
        )
        or None
    )


def _artifact_lists(arts: dict) -> dict:
    return {
        name: {"artifact_ids": [a["artifact_id"] for a in items]} for name, items in arts.items()
    }


def task_detail(run_id: str, rec: dict) -> dict:
    return _clean(
        {
            "run_id": run_id,
            "task_id": rec["task_id"],
            "display_name": rec["display_name"],
            "create_time": rec.get("create_time"),
            "start_time": rec.get("start_time"),
            "end_time": rec.get("end_time"),
            "state": rec["state"],
            "error": _status(rec.get("error")),
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
        **_source(r),
        "runtime_config": _runtime_config(r.runtime_config),
        "service_account": r.service_account,
        "created_at": ts(r.created_at),
        "scheduled_at": ts(r.scheduled_at),
        "finished_at": ts(r.finished_at),
        "state": r.state,
        "error": _status(r.error),
        "recurring_run_id": r.recurring_run_id,
        "state_history": r.state_history,
    }
    if details:
        out["run_details"] = {"task_details": [task_detail(r.id, t) for t in r.task_details or []]}
    return _clean(out)


def _wake() -> None:
    current().kfp.wake()


# -- runs -----------------------------------------------------------------------------------


def run_service_create_run(body: dict, experiment_id: str | None = None):
    body = dict(body)
    if experiment_id and not body.get("experiment_id"):
        body["experiment_id"] = experiment_id
    with current().db.session() as session:
        run = kfp_runs.create_run(session, principal(), body)
        out = _run(run)
    _wake()
    return out, 200


def run_service_get_run(run_id: str, experiment_id: str | None = None):
    with current().db.session() as session:
        return _run(kfp_runs.get_run(session, principal(), run_id)), 200


def run_service_list_runs(
    namespace: str | None = None,
    experiment_id: str | None = None,
    page_token: str | None = None,
    page_size: int | None = None,
    sort_by: str | None = None,
    filter: str | None = None,  # noqa: A002 - upstream's parameter name
):
    with current().db.session() as session:
        rows, total, token = kfp_runs.list_runs(
            session,
            principal(),
            namespace=opt(namespace),
            experiment_id=opt(experiment_id),
            filter_raw=opt(filter),
            sort_by=opt(sort_by),
            page_token=opt(page_token),
            page_size=page_size,
        )
        return list_reply("runs", [_run(r) for r in rows], total, token), 200


def run_service_delete_run(run_id: str, experiment_id: str | None = None):
    with current().db.session() as session:
        kfp_runs.delete_run(session, principal(), run_id)
    current().kfp.terminate_local(run_id)
    return {}, 200


def run_service_archive_run(run_id: str, experiment_id: str | None = None):
    with current().db.session() as session:
        kfp_runs.set_run_storage(session, principal(), run_id, kfp.ARCHIVED)
    return {}, 200


def run_service_unarchive_run(run_id: str, experiment_id: str | None = None):
    with current().db.session() as session:
        kfp_runs.set_run_storage(session, principal(), run_id, kfp.AVAILABLE)
    return {}, 200


def run_service_terminate_run(run_id: str, experiment_id: str | None = None):
    with current().db.session() as session:
        kfp_runs.terminate_run(session, principal(), run_id)
    current().kfp.terminate_local(run_id)
    return {}, 200


def run_service_retry_run(run_id: str, experiment_id: str | None = None):
    with current().db.session() as session:
        kfp_runs.retry_run(session, principal(), run_id)
    _wake()
    return {}, 200


# -- a run's logs and artifacts ---------------------------------------------------------------


def _task(run_id: str, node_id: str) -> dict:
    with current().db.session() as session:
        run = kfp_runs.get_run(session, principal(), run_id)
        details = list(run.task_details or [])
    for rec in details:
        if rec["task_id"] == node_id or rec["display_name"] == node_id:
            return rec
    raise NotFound(f"Run {run_id!r} has no task {node_id!r}")


def _in_a_run_folder(path: str | None) -> str | None:
    """The real path, when it lies in the folder of a run of the caller's organization under
    the pipeline root (a cached task's files are in the run that made them). Anything else -
    an importer's source, another organization's run, the root itself - is never served."""
    if not path:
        return None
    rt = current()
    with rt.db.session() as session:
        return kfp_runs.in_org_run_folder(
            session, rt.settings.pipeline_root, path, principal().org_id
        )


def _tree_bytes(path: str) -> int:
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files)


def run_service_read_log(run_id: str, node_id: str):
    rec = _task(run_id, node_id)
    path = _in_a_run_folder(rec.get("log_path"))
    data = kfp_runs.read_regular_tail(path, MAX_LOG_BYTES) if path else None
    if data is None:
        raise NotFound(f"Task {node_id!r} of run {run_id!r} has no log (it ran no process)")
    return Response(data, status=200, mimetype="text/plain")


def run_service_read_artifact(run_id: str, node_id: str, artifact_name: str):
    rec = _task(run_id, node_id)
    items = (rec.get("output_artifacts") or {}).get(artifact_name) or (
        rec.get("input_artifacts") or {}
    ).get(artifact_name)
    if not items:
        raise NotFound(f"Task {node_id!r} of run {run_id!r} has no artifact {artifact_name!r}")
    path = _in_a_run_folder(items[0].get("path"))
    if path is None or not os.path.exists(path):
        raise NotFound(f"Artifact {artifact_name!r} has no file in a run's folder")
    size = _tree_bytes(path) if os.path.isdir(path) else os.path.getsize(path)
    if size > MAX_ARTIFACT_BYTES:
        raise BadRequest(f"Artifact {artifact_name!r} is larger than {MAX_ARTIFACT_BYTES} bytes")
    if os.path.isdir(path):
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w:gz") as tar:
            tar.add(path, arcname=os.path.basename(path))
        data = buf.getvalue()
    else:
        with open(path, "rb") as f:
            data = f.read()
    return {"data": base64.b64encode(data).decode()}, 200


# -- recurring runs -------------------------------------------------------------------------------


def _recurring(r: KfpRecurringRun, namespaces: dict[int, str]) -> dict:
    trigger = dict(r.trigger or {})
    return _clean(
        {
            "recurring_run_id": r.id,
            "display_name": r.display_name,
            "description": r.description,
            "pipeline_version_id": r.pipeline_version_id,
            **_source(r),
            "runtime_config": _runtime_config(r.runtime_config),
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
    with current().db.session() as session:
        rec = kfp_runs.create_recurring_run(session, principal(), body)
        out = _recurring(rec, kfp.namespaces_of(session, [rec]))
    _wake()
    return out, 200


def recurring_run_service_get_recurring_run(recurring_run_id: str):
    with current().db.session() as session:
        rec = kfp_runs.get_recurring_run(session, principal(), recurring_run_id)
        return _recurring(rec, kfp.namespaces_of(session, [rec])), 200


def recurring_run_service_list_recurring_runs(
    page_token: str | None = None,
    page_size: int | None = None,
    sort_by: str | None = None,
    namespace: str | None = None,
    filter: str | None = None,  # noqa: A002 - upstream's parameter name
    experiment_id: str | None = None,
):
    with current().db.session() as session:
        rows, total, token = kfp_runs.list_recurring_runs(
            session,
            principal(),
            namespace=opt(namespace),
            experiment_id=opt(experiment_id),
            filter_raw=opt(filter),
            sort_by=opt(sort_by),
            page_token=opt(page_token),
            page_size=page_size,
        )
        names = kfp.namespaces_of(session, rows)
        return list_reply("recurringRuns", [_recurring(r, names) for r in rows], total, token), 200


def recurring_run_service_enable_recurring_run(recurring_run_id: str):
    with current().db.session() as session:
        kfp_runs.set_recurring_mode(session, principal(), recurring_run_id, True)
    _wake()
    return {}, 200


def recurring_run_service_disable_recurring_run(recurring_run_id: str):
    with current().db.session() as session:
        kfp_runs.set_recurring_mode(session, principal(), recurring_run_id, False)
    return {}, 200


def recurring_run_service_delete_recurring_run(
    recurring_run_id: str, propagation_policy: str | None = None
):
    with current().db.session() as session:
        kfp_runs.delete_recurring_run(session, principal(), recurring_run_id)
    return {}, 200
