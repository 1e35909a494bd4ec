"""Datasets: list, read, and a file imported in one call (upload, then wait for its job)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipelines_api.api.datasets import (
    get_dataset,
    get_dataset_content,
    import_dataset,
    list_datasets,
)
from pipelines_api.models import DatasetImportForm
from pipelines_api.types import UNSET, File

from ..errors import PipelinesError
from ._base import status_of, unset
from .jobs import AsyncJobs, Jobs


def _form(path: Path, handle, name: str | None, description: str | None, org_id: int | None):
    return DatasetImportForm(
        file=File(payload=handle, file_name=path.name),
        name=name or path.stem,
        description=UNSET if description is None else description,
        org_id=unset(org_id),
    )


def _imported(job) -> None:
    if status_of(job) not in ("completed", "completed_with_partial_results"):
        raise PipelinesError(f"dataset import {job.job_id} ended {status_of(job)}: {job.error}")


class Datasets:
    def __init__(self, client):
        self._client = client

    def list(self, *, search: str | None = None):
        return self._client.paginate(list_datasets, search=unset(search))

    def get(self, dataset_id: int):
        return self._client.call(get_dataset, dataset_id=dataset_id)

    def content(self, dataset_id: int):
        """Every row of the dataset, page after page."""
        return self._client.paginate(get_dataset_content, dataset_id=dataset_id)

    def import_file(
        self,
        path: str | Path,
        *,
        name: str | None = None,
        description: str | None = None,
        org_id: int | None = None,
        timeout: float = 3600,
        poll: float = 1.0,
        progress: Callable[[int, int | None], None] | None = None,
        idempotency_key: str | None = None,
    ):
        """Upload a CSV/JSON/JSONL file as a dataset and wait for its import job: the dataset.
        progress(rows done, total or None) while the server imports."""
        path = Path(path)
        with path.open("rb") as handle:
            started = self._client.call(
                import_dataset,
                body=_form(path, handle, name, description, org_id),
                idempotency_key=idempotency_key,
            )
        job = Jobs(self._client).wait_for(
            "dataset-import", started.job_id, timeout=timeout, poll=poll, progress=progress
        )
        _imported(job)
        return self.get(started.dataset_id)


class AsyncDatasets(Datasets):
    async def import_file(
        self,
        path: str | Path,
        *,
        name: str | None = None,
        description: str | None = None,
        org_id: int | None = None,
        timeout: float = 3600,
        poll: float = 1.0,
        progress: Callable[[int, int | None], None] | None = None,
        idempotency_key: str | None = None,
    ):
        path = Path(path)
        with path.open("rb") as handle:
            started = await self._client.call(
                import_dataset,
                body=_form(path, handle, name, description, org_id),
                idempotency_key=idempotency_key,
            )
        job = await AsyncJobs(self._client).wait_for(
            "dataset-import", started.job_id, timeout=timeout, poll=poll, progress=progress
        )
        _imported(job)
        return await self.get(started.dataset_id)
