"""A KFP run's files as the API serves them: a task's log and its artifacts, only from the
folder of a run of the caller's organization under the pipeline root, read without
following links and under size caps (a folder artifact as a tar.gz)."""

from __future__ import annotations

import io
import os
import tarfile

from sqlalchemy.orm import Session

from ..shared.errors import BadRequest, NotFound
from ..shared.principal import Principal
from ..store.models import KfpRun
from .files import read_regular_tail
from .runs import get_run

MAX_LOG_BYTES = 8 * 1024 * 1024
MAX_ARTIFACT_BYTES = 32 * 1024 * 1024


def in_org_run_folder(session: Session, root, path: str, org_id: int) -> str | None:
    """The real path of `path` when it lies in the folder of a run of organization `org_id`
    under the pipeline root `root` (a cached task's files are in the run that made them), else
    None: an importer's source, another organization's run, the root's own entries."""
    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    if not real.startswith(real_root + os.sep):
        return None
    parts = os.path.relpath(real, real_root).split(os.sep)
    if len(parts) < 2 or len(parts[0]) > 36:
        return None  # the root's own entries belong to no task
    run = session.get(KfpRun, parts[0])
    return real if run is not None and run.org_id == org_id else None


def task_of(session: Session, principal: Principal, run_id: str, node_id: str) -> dict:
    """The task record of a run of the caller's organization, by task id or display name."""
    run = get_run(session, principal, run_id)
    for rec in list(run.task_details or []):
        if rec["task_id"] == node_id or rec["display_name"] == node_id:
            return rec
    raise NotFound(f"Run {run_id!r} has no task {node_id!r}")


def _tree_bytes(path: str) -> int:
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files)


def log_of(session: Session, principal: Principal, root, run_id: str, node_id: str) -> str:
    """The real path of a task's log, in a run folder of the caller's organization; NotFound
    when the task ran no process (or its log is not in such a folder)."""
    rec = task_of(session, principal, run_id, node_id)
    path = rec.get("log_path")
    path = in_org_run_folder(session, root, path, principal.org_id) if path else None
    if path is None:
        raise _no_log(run_id, node_id)
    return path


def _no_log(run_id: str, node_id: str) -> NotFound:
    return NotFound(f"Task {node_id!r} of run {run_id!r} has no log (it ran no process)")


def log_tail(path: str, run_id: str, node_id: str, limit: int = MAX_LOG_BYTES) -> bytes:
    """The end of a log `log_of` found (at most `limit` bytes, MAX_LOG_BYTES at most);
    NotFound when it is not a regular file (any more)."""
    data = read_regular_tail(path, min(limit, MAX_LOG_BYTES))
    if data is None:
        raise _no_log(run_id, node_id)
    return data


def artifact_of(
    session: Session, principal: Principal, root, run_id: str, node_id: str, artifact_name: str
) -> str:
    """The real path of a task's output (else input) artifact, in a run folder of the
    caller's organization; NotFound otherwise."""
    rec = task_of(session, principal, run_id, node_id)
    items = (rec.get("output_artifacts") or {}).get(artifact_name) or (
        rec.get("input_artifacts") or {}
    ).get(artifact_name)
    if not items:
        raise NotFound(f"Task {node_id!r} of run {run_id!r} has no artifact {artifact_name!r}")
    path = items[0].get("path")
    path = in_org_run_folder(session, root, path, principal.org_id) if path else None
    if path is None or not os.path.exists(path):
        raise NotFound(f"Artifact {artifact_name!r} has no file in a run's folder")
    return path


def artifact_bytes(path: str, artifact_name: str) -> bytes:
    """An artifact `artifact_of` found: its file, or its folder as a tar.gz; at most
    MAX_ARTIFACT_BYTES on disk."""
    size = _tree_bytes(path) if os.path.isdir(path) else os.path.getsize(path)
    if size > MAX_ARTIFACT_BYTES:
        raise BadRequest(f"Artifact {artifact_name!r} is larger than {MAX_ARTIFACT_BYTES} bytes")
    if os.path.isdir(path):
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w:gz") as tar:
            tar.add(path, arcname=os.path.basename(path))
        return buf.getvalue()
    with open(path, "rb") as f:
        return f.read()
