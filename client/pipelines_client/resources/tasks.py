"""Tasks: batches of rows in, one task read, waiting for a task, the async export to a file."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from pipelines_api.api.jobs import export_tasks_async
from pipelines_api.api.tags import list_workflow_tasks
from pipelines_api.api.tasks import cancel_task, create_tasks, get_task, get_task_timeline
from pipelines_api.models import TasksCreateRequest, TasksExportRequest

from ..errors import InvalidFile
from ._base import Resource, Waiting, status_of, unset

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


def task_finished(task: Any) -> bool:
    return status_of(task) in FINAL_TASK_STATUSES


def rows_from_file(path: str | Path, format: str | None = None) -> list[dict]:
    """The rows of a CSV file (its header names the fields) or a JSONL file (one JSON object a
    line; blank lines skipped). `format` is csv or jsonl; by default the file's suffix decides.
    InvalidFile names the file (and line) when it cannot be read or parsed."""
    path = Path(path)
    kind = (format or path.suffix.lstrip(".")).lower()
    if kind not in ("csv", "jsonl", "ndjson", "json"):
        raise InvalidFile(f"{path}: name it .csv or .jsonl, or give the format (csv or jsonl)")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidFile(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from exc
    if kind == "csv":
        return [dict(row) for row in csv.DictReader(text.splitlines())]
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise InvalidFile(f"{path}:{number} is not JSON: {exc}") from exc
        if not isinstance(row, dict):
            raise InvalidFile(f"{path}:{number} is not a JSON object")
        rows.append(row)
    return rows


def batch_key(idempotency_key: str | None, number: int) -> str | None:
    """Batch `number`'s key, from the caller's key for the whole create (None: a fresh one)."""
    return None if idempotency_key is None else f"{idempotency_key}.{number}"


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


def _create_steps(project_id, wf_id, rows, batch_size, idempotency_key):
    """(offset, rows in the batch, the create_tasks arguments) for each batch."""
    done = 0
    for number, batch in enumerate(batches(rows, batch_size)):
        body = TasksCreateRequest.from_dict({"tasks": task_rows(batch)})
        key = batch_key(idempotency_key, number)
        yield (
            done,
            len(batch),
            {
                "project_id": project_id,
                "workflow_id": wf_id,
                "body": body,
                "idempotency_key": key,
            },
        )
        done += len(batch)


class Tasks(Resource):
    rows_from_file = staticmethod(rows_from_file)

    def create(
        self,
        project_id: int,
        wf_id: int,
        rows: Iterable[dict],
        *,
        batch_size: int = 100,
        progress: Callable[[int, int | None], None] | None = None,
        idempotency_key: str | None = None,
    ) -> TasksCreated:
        """Create tasks from rows of field values, `batch_size` per request (each batch one
        Idempotency-Key, kept across its retries). progress(rows sent, total or None).
        `idempotency_key`: the same rows sent again with the same key create nothing twice
        (batch n uses "<key>.<n>")."""
        total = _total(rows)
        created = TasksCreated()
        for offset, size, arguments in _create_steps(
            project_id, wf_id, rows, batch_size, idempotency_key
        ):
            _record(created, self._client.call(create_tasks, **arguments), offset)
            if progress:
                progress(offset + size, total)
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
        return self._finish(
            Waiting(
                lambda: self.get(project_id, wf_id, task_id),
                lambda task: status_of(task) in final,
                f"task {task_id}",
                timeout,
                poll,
                progress,
            )
        )

    def _snapshot(self, project_id: int, wf_id: int, task_ids):
        if task_ids is None:
            return list(self.list(project_id, wf_id))
        return [self.get(project_id, wf_id, task_id) for task_id in task_ids]

    def watch(
        self,
        project_id: int,
        wf_id: int,
        task_ids: Iterable[int] | None = None,
        *,
        timeout: float = 600,
        poll: float = 1.0,
        progress: Callable[[list], None] | None = None,
    ):
        """Wait until every task (of `task_ids`, else of the whole workflow) is in a final
        status (finished, failed, cancelled, quarantined): the last snapshot, a list of tasks.

        With `task_ids` each poll reads each task in full (with its nodes); for the whole
        workflow it reads the task list (summaries, one request per page). A workflow without
        tasks is done at once (an empty list). progress(snapshot) after each poll; WaitTimeout
        (`.last` = the snapshot) after `timeout` seconds."""
        ids = None if task_ids is None else list(task_ids)
        what = f"workflow {wf_id}'s tasks" if ids is None else f"tasks {ids}"
        return self._finish(
            Waiting(
                lambda: self._snapshot(project_id, wf_id, ids),
                lambda tasks: all(task_finished(t) for t in tasks),
                what,
                timeout,
                poll,
                progress,
            )
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
        idempotency_key: str | None = None,
    ):
        """Every task to a file, through an export job: start it, wait (progress(done, total)),
        download. Returns the finished job."""
        from .jobs import Jobs

        job = self._client.call(
            export_tasks_async,
            project_id=project_id,
            workflow_id=wf_id,
            body=_export_body(format, status),
            idempotency_key=idempotency_key,
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
            with open(path, "wb") as out:
                for chunk in r.iter_bytes():
                    out.write(chunk)
        return job


def _require_completed(job: Any) -> None:
    from ..errors import PipelinesError

    if status_of(job) != "completed":
        raise PipelinesError(f"export job {job.job_id} ended {status_of(job)}: {job.error}")


class AsyncTasks(Tasks):
    _finish = staticmethod(Waiting.arun)

    async def create(
        self,
        project_id: int,
        wf_id: int,
        rows: Iterable[dict],
        *,
        batch_size: int = 100,
        progress: Callable[[int, int | None], None] | None = None,
        idempotency_key: str | None = None,
    ) -> TasksCreated:
        total = _total(rows)
        created = TasksCreated()
        for offset, size, arguments in _create_steps(
            project_id, wf_id, rows, batch_size, idempotency_key
        ):
            _record(created, await self._client.call(create_tasks, **arguments), offset)
            if progress:
                progress(offset + size, total)
        return created

    async def _snapshot(self, project_id: int, wf_id: int, task_ids):
        if task_ids is None:
            return [task async for task in self.list(project_id, wf_id)]
        return [await self.get(project_id, wf_id, task_id) for task_id in task_ids]

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
        idempotency_key: str | None = None,
    ):
        from .jobs import AsyncJobs

        job = await self._client.call(
            export_tasks_async,
            project_id=project_id,
            workflow_id=wf_id,
            body=_export_body(format, status),
            idempotency_key=idempotency_key,
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
            with open(path, "wb") as out:
                async for chunk in r.aiter_bytes():
                    out.write(chunk)
        return job
