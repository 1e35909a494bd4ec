"""The External API v1 (deprecated; for its users' migration): tasks by workflow, the cursor
list, and the ZIP upload in one call."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from external_v1_api.api.tasks import create_tasks, get_task, list_tasks
from external_v1_api.api.uploads import confirm_upload, get_upload, init_upload
from external_v1_api.api.workflows import get_workflow, get_workflow_schema
from external_v1_api.models import CreateTasksRequest, UploadInitRequest
from external_v1_api.types import UNSET

from ._base import Resource, Waiting
from .files import aput_signed, put_signed
from .tasks import task_finished, task_rows

ZIP = {"Content-Type": "application/zip"}


def _opt(value: Any) -> Any:
    return UNSET if value is None else value


class V1(Resource):
    def workflow(self, wf_id: int):
        return self._client.call(get_workflow, workflow_id=wf_id)

    def schema(self, wf_id: int):
        return self._client.call(get_workflow_schema, workflow_id=wf_id)

    def create_tasks(self, wf_id: int, rows: Iterable[dict], *, idempotency_key=None):
        body = CreateTasksRequest.from_dict({"tasks": task_rows(rows)})
        return self._client.call(
            create_tasks, workflow_id=wf_id, body=body, idempotency_key=idempotency_key
        )

    def list_tasks(self, wf_id: int, *, status=None, limit: int = 100):
        """Every task of the workflow, following the cursor."""
        return self._client.paginate_cursor(
            list_tasks, key="tasks", limit=limit, workflow_id=wf_id, status=_opt(status)
        )

    def get_task(self, wf_id: int, task_id: int):
        return self._client.call(get_task, workflow_id=wf_id, task_id=task_id)

    def get_upload(self, wf_id: int, upload_id):
        return self._client.call(get_upload, workflow_id=wf_id, upload_id=upload_id)

    def upload_zip(
        self,
        wf_id: int,
        path: str | Path,
        *,
        progress: Callable[[int, int | None], None] | None = None,
        idempotency_key: str | None = None,
    ):
        """Request an upload, send the ZIP, confirm it: the confirmation (upload_id, status)."""
        path = Path(path)
        body = UploadInitRequest(file_size_bytes=path.stat().st_size)
        grant = self._client.call(
            init_upload, workflow_id=wf_id, body=body, idempotency_key=idempotency_key
        )
        put_signed(self._client, grant.upload_url, ZIP, path, progress)
        return self._client.call(confirm_upload, workflow_id=wf_id, upload_id=grant.upload_id)

    def wait_for_task(
        self,
        wf_id: int,
        task_id: int,
        *,
        timeout: float = 600,
        poll: float = 1.0,
        progress: Callable[[Any], None] | None = None,
    ):
        return self._finish(
            Waiting(
                lambda: self.get_task(wf_id, task_id),
                task_finished,
                f"task {task_id}",
                timeout,
                poll,
                progress,
            )
        )


class AsyncV1(V1):
    _finish = staticmethod(Waiting.arun)

    async def upload_zip(
        self,
        wf_id: int,
        path: str | Path,
        *,
        progress: Callable[[int, int | None], None] | None = None,
        idempotency_key: str | None = None,
    ):
        path = Path(path)
        body = UploadInitRequest(file_size_bytes=path.stat().st_size)
        grant = await self._client.call(
            init_upload, workflow_id=wf_id, body=body, idempotency_key=idempotency_key
        )
        await aput_signed(self._client, grant.upload_url, ZIP, path, progress)
        return await self._client.call(confirm_upload, workflow_id=wf_id, upload_id=grant.upload_id)
