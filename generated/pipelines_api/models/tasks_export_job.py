from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tasks_export_job_format import TasksExportJobFormat
from ..models.tasks_job_status import TasksJobStatus

if TYPE_CHECKING:
    from ..models.tasks_job_result import TasksJobResult


T = TypeVar("T", bound="TasksExportJob")


@_attrs_define
class TasksExportJob:
    """
    Attributes:
        job_id (str):
        id (str): The same as job_id.
        kind (str):
        status (TasksJobStatus):
        done (int):
        total (int | None):
        progress (int | None):
        cancel_requested (bool):
        error (None | str):
        result (TasksJobResult):
        created_at (datetime.datetime):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
        format_ (TasksExportJobFormat):
        row_count (int):
        bytes_ (int):
        download_url (None | str): Where to GET the file, once completed (a path on this server).
    """

    job_id: str
    id: str
    kind: str
    status: TasksJobStatus
    done: int
    total: int | None
    progress: int | None
    cancel_requested: bool
    error: None | str
    result: TasksJobResult
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    format_: TasksExportJobFormat
    row_count: int
    bytes_: int
    download_url: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        id = self.id

        kind = self.kind

        status = self.status.value

        done = self.done

        total: int | None
        total = self.total

        progress: int | None
        progress = self.progress

        cancel_requested = self.cancel_requested

        error: None | str
        error = self.error

        result = self.result.to_dict()

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        format_ = self.format_.value

        row_count = self.row_count

        bytes_ = self.bytes_

        download_url: None | str
        download_url = self.download_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "id": id,
                "kind": kind,
                "status": status,
                "done": done,
                "total": total,
                "progress": progress,
                "cancel_requested": cancel_requested,
                "error": error,
                "result": result,
                "created_at": created_at,
                "started_at": started_at,
                "finished_at": finished_at,
                "format": format_,
                "row_count": row_count,
                "bytes": bytes_,
                "download_url": download_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tasks_job_result import TasksJobResult

        d = dict(src_dict)
        job_id = d.pop("job_id")

        id = d.pop("id")

        kind = d.pop("kind")

        status = TasksJobStatus(d.pop("status"))

        done = d.pop("done")

        def _parse_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total = _parse_total(d.pop("total"))

        def _parse_progress(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        progress = _parse_progress(d.pop("progress"))

        cancel_requested = d.pop("cancel_requested")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        result = TasksJobResult.from_dict(d.pop("result"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        format_ = TasksExportJobFormat(d.pop("format"))

        row_count = d.pop("row_count")

        bytes_ = d.pop("bytes")

        def _parse_download_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        download_url = _parse_download_url(d.pop("download_url"))

        tasks_export_job = cls(
            job_id=job_id,
            id=id,
            kind=kind,
            status=status,
            done=done,
            total=total,
            progress=progress,
            cancel_requested=cancel_requested,
            error=error,
            result=result,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
            format_=format_,
            row_count=row_count,
            bytes_=bytes_,
            download_url=download_url,
        )

        tasks_export_job.additional_properties = d
        return tasks_export_job

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
