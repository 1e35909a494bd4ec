"""The server's background jobs (create-tasks-async, export, dataset import, seed): read one,
wait for it to end with progress(done, total) after each read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pipelines_api.api.datasets import get_dataset_import_job, get_seed_status
from pipelines_api.api.jobs import (
    cancel_create_tasks,
    create_tasks_async,
    get_create_tasks_status,
    get_export_status,
)
from pipelines_api.models import TasksCreateAsyncRequest

from ._base import Resource, Waiting, counted, status_of
from .tasks import task_rows

# Every job kind reports one of these when it has ended.
FINAL_JOB_STATUSES = frozenset(
    {"completed", "completed_with_partial_results", "failed", "cancelled"}
)

# kind -> (status operation, the path ids it needs besides job_id)
_KINDS: dict[str, tuple[Any, tuple[str, ...]]] = {
    "create-tasks": (get_create_tasks_status, ("project_id", "workflow_id")),
    "export": (get_export_status, ("project_id", "workflow_id")),
    "dataset-import": (get_dataset_import_job, ()),
    "seed": (get_seed_status, ("project_id", "workflow_id")),
}


def job_finished(state: Any) -> bool:
    return status_of(state) in FINAL_JOB_STATUSES


def _status_call(kind: str, job_id: str, ids: dict) -> tuple[Any, dict]:
    if kind not in _KINDS:
        raise ValueError(f"unknown job kind {kind!r}: one of {', '.join(_KINDS)}")
    operation, needs = _KINDS[kind]
    missing = [name for name in needs if name not in ids]
    if missing:
        raise TypeError(f"a {kind} job needs {', '.join(missing)}")
    return operation, {"job_id": job_id, **{name: ids[name] for name in needs}}


class Jobs(Resource):
    """`kind` is one of create-tasks, export, dataset-import, seed; the ids are the job's
    project_id and workflow_id where its routes have them."""

    def get(self, kind: str, job_id: str, **ids: int):
        operation, arguments = _status_call(kind, job_id, ids)
        return self._client.call(operation, **arguments)

    def wait_for(
        self,
        kind: str,
        job_id: str,
        *,
        timeout: float = 600,
        poll: float = 1.0,
        progress: Callable[[int, int | None], None] | None = None,
        **ids: int,
    ):
        """The job once it has ended (completed, partial, failed or cancelled)."""
        operation, arguments = _status_call(kind, job_id, ids)
        return self._finish(
            Waiting(
                lambda: self._client.call(operation, **arguments),
                job_finished,
                f"{kind} job {job_id}",
                timeout,
                poll,
                counted(progress),
            )
        )

    def create_tasks(self, project_id: int, wf_id: int, rows, *, idempotency_key=None):
        """Start a create-tasks-async job (any number of rows); wait_for("create-tasks", ...)."""
        body = TasksCreateAsyncRequest.from_dict({"tasks": task_rows(rows)})
        return self._client.call(
            create_tasks_async,
            project_id=project_id,
            workflow_id=wf_id,
            body=body,
            idempotency_key=idempotency_key,
        )

    def cancel_create_tasks(self, project_id: int, wf_id: int, job_id: str):
        return self._client.call(
            cancel_create_tasks, project_id=project_id, workflow_id=wf_id, job_id=job_id
        )


class AsyncJobs(Jobs):
    _finish = staticmethod(Waiting.arun)
