"""Tasks: batches of rows in, one task read, waiting for a task, the async export to a file."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from pipelines_api.api.jobs import export_tasks_async
from pipelines_api.api.tags import list_workflow_tasks
from pipelines_api.api.tasks import cancel_task, create_tasks, get_task, get_task_timeline
from pipelines_api.models import TasksCreateRequest, TasksExportRequest

from ._base import await_wait, status_of, unset, wait

# A task in one of these has stopped moving (paused and escalated may move again, by a person).
FINAL_TASK_STATUSES = frozenset({"finished", "failed", "cancelled", "quarantined"})


def task_rows(rows: Iterable[dict]) -> list[dict]:
    """Rows as the API's TasksRow: a row is its field values, or already {"fields": {...}}."""
    out = []
    for row in rows:
        if set(row) == {"fields"} and isinstance(row["fields"], dict):
            out.append(row)
        else:
            out.append({"fields": dict(row)})
    return out


def batches(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    if size < 1:
        raise ValueError("batch_size must be at least 1")
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


class TasksCreated(list):
    """The ids of the created tasks, in row order; `errors` lists the rejected rows (their
    `index` counted over every row given, not per batch)."""

    def __init__(self, ids=(), errors=()):
        super().__init__(ids)
        self.errors: list[dict] = list(errors)


def _record(created: TasksCreated, result: Any, offset: int) -> None:
    data = result.to_dict() if hasattr(result, "to_dict") else dict(result)
    created.extend(data.get("task_ids") or [])
    for error in data.get("errors") or []:
        if error.get("index") is not None:
            error = {**error, "index": error["index"] + offset}
        created.errors.append(error)


def _total(rows: Iterable[dict]) -> int | None:
    return len(rows) if hasattr(rows, "__len__") else None


def _export_body(format: str, status: str | None) -> TasksExportRequest:
    body = {"format": format}
    if status:
        body["status"] = status
    return TasksExportRequest.from_dict(body)


def _download_path(project_id: int, wf_id: int, job_id: str) -> str:
    return f"/api/projects/{project_id}/workflows/{wf_id}/export-tasks-status/{job_id}/download"


class Tasks:
    def __init__(self, client):
        self._client = client

    def create(
        self,
        project_id: int,
        wf_id: int,
        rows: Iterable[dict],
        *,
        batch_size: int = 100,
        progress: Callable[[int, int | None], None] | None = None,
    ) -> TasksCreated:
        """Create tasks from rows of field values, `batch_size` per request (each batch one
        Idempotency-Key, kept across its retries). progress(rows sent, total or None)."""
        total = _total(rows)
        created, done = TasksCreated(), 0
        for batch in batches(rows, batch_size):
            body = TasksCreateRequest.from_dict({"tasks": task_rows(batch)})
            result = self._client.call(
                create_tasks, project_id=project_id, workflow_id=wf_id, body=body
            )
            _record(created, result, done)
            done += len(batch)
            if progress:
                progress(done, total)
        return created

    def list(self, project_id: int, wf_id: int, status=None, tag: str | None = None):
        return self._client.paginate(
            list_workflow_tasks,
            project_id=project_id,
            workflow_id=wf_id,
            status=unset(status),
            tag=unset(tag),
        )

    def get(self, project_id: int, wf_id: int, task_id: int):
        return self._client.call(
            get_task, project_id=project_id, workflow_id=wf_id, task_id=task_id
        )

    def timeline(self, project_id: int, wf_id: int, task_id: int):
        """Every event of the task, oldest first (an iterator over the pages)."""
        return self._client.paginate(
            get_task_timeline, project_id=project_id, workflow_id=wf_id, task_id=task_id
        )

    def cancel(self, project_id: int, wf_id: int, task_id: int):
        return self._client.call(
            cancel_task, project_id=project_id, workflow_id=wf_id, task_id=task_id
        )

    def wait_for(
        self,
        project_id: int,
        wf_id: int,
        task_id: int,
        *,
        timeout: float = 600,
        poll: float = 1.0,
        progress: Callable[[Any], None] | None = None,
        until: Iterable[str] = FINAL_TASK_STATUSES,
    ):
        """The task once its status is in `until` (finished, failed, cancelled, quarantined);
        progress(task) after each read; WaitTimeout (with `.last`) after `timeout` seconds."""
        final = frozenset(until)
        return wait(
            lambda: self.get(project_id, wf_id, task_id),
            lambda task: status_of(task) in final,
            what=f"task {task_id}",
            timeout=timeout,
            poll=poll,
            progress=progress,
        )

    def export(
        self,
        project_id: int,
        wf_id: int,
        path: str | Path,
        *,
        format: str = "jsonl",
        status: str | None = None,
        timeout: float = 3600,
        poll: float = 1.0,
        progress: Callable[[int, int | None], None] | None = None,
    ):
        """Every task to a file, through an export job: start it, wait (progress(done, total)),
        download. Returns the finished job."""
        from .jobs import Jobs

        job = self._client.call(
            export_tasks_async,
            project_id=project_id,
            workflow_id=wf_id,
            body=_export_body(format, status),
        )
        job = Jobs(self._client).wait_for(
            "export",
            job.job_id,
            project_id=project_id,
            workflow_id=wf_id,
            timeout=timeout,
            poll=poll,
            progress=progress,
        )
        _require_completed(job)
        with self._client.http.stream("GET", _download_path(project_id, wf_id, job.job_id)) as r:
            _raise_streamed(r)
            with open(path, "wb") as out:
                for chunk in r.iter_bytes():
                    out.write(chunk)
        return job


def _require_completed(job: Any) -> None:
    from ..errors import PipelinesError

    if status_of(job) != "completed":
        raise PipelinesError(f"export job {job.job_id} ended {status_of(job)}: {job.error}")


def _raise_streamed(response) -> None:
    from ..errors import raise_for_status

    if response.status_code >= 400:
        response.read()
        raise_for_status(response)


async def _araise_streamed(response) -> None:
    from ..errors import raise_for_status

    if response.status_code >= 400:
        await response.aread()
        raise_for_status(response)


class AsyncTasks(Tasks):
    async def create(
        self,
        project_id: int,
        wf_id: int,
        rows: Iterable[dict],
        *,
        batch_size: int = 100,
        progress: Callable[[int, int | None], None] | None = None,
    ) -> TasksCreated:
        total = _total(rows)
        created, done = TasksCreated(), 0
        for batch in batches(rows, batch_size):
            body = TasksCreateRequest.from_dict({"tasks": task_rows(batch)})
            result = await self._client.call(
                create_tasks, project_id=project_id, workflow_id=wf_id, body=body
            )
            _record(created, result, done)
            done += len(batch)
            if progress:
                progress(done, total)
        return created

    async def wait_for(
        self,
        project_id: int,
        wf_id: int,
        task_id: int,
        *,
        timeout: float = 600,
        poll: float = 1.0,
        progress: Callable[[Any], None] | None = None,
        until: Iterable[str] = FINAL_TASK_STATUSES,
    ):
        final = frozenset(until)
        return await await_wait(
            lambda: self.get(project_id, wf_id, task_id),
            lambda task: status_of(task) in final,
            what=f"task {task_id}",
            timeout=timeout,
            poll=poll,
            progress=progress,
        )

    async def export(
        self,
        project_id: int,
        wf_id: int,
        path: str | Path,
        *,
        format: str = "jsonl",
        status: str | None = None,
        timeout: float = 3600,
        poll: float = 1.0,
        progress: Callable[[int, int | None], None] | None = None,
    ):
        from .jobs import AsyncJobs

        job = await self._client.call(
            export_tasks_async,
            project_id=project_id,
            workflow_id=wf_id,
            body=_export_body(format, status),
        )
        job = await AsyncJobs(self._client).wait_for(
            "export",
            job.job_id,
            project_id=project_id,
            workflow_id=wf_id,
            timeout=timeout,
            poll=poll,
            progress=progress,
        )
        _require_completed(job)
        url = _download_path(project_id, wf_id, job.job_id)
        async with self._client.http.stream("GET", url) as r:
            await _araise_streamed(r)
            with open(path, "wb") as out:
                async for chunk in r.aiter_bytes():
                    out.write(chunk)
        return job
