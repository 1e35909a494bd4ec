from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dataset_job_view_status import DatasetJobViewStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_job_view_result import DatasetJobViewResult
    from ..models.dataset_line_error import DatasetLineError


T = TypeVar("T", bound="DatasetImportJob")


@_attrs_define
class DatasetImportJob:
    """
    Attributes:
        job_id (str):
        id (str):
        kind (str):
        status (DatasetJobViewStatus):
        done (int):
        progress (int | None): Percent done (0-100).
        cancel_requested (bool):
        result (DatasetJobViewResult):
        created_at (datetime.datetime):
        dataset_id (int):
        rows_imported (int):
        error_count (int):
        errors (list[DatasetLineError]):
        total (int | None | Unset):
        error (None | str | Unset):
        started_at (datetime.datetime | None | Unset):
        finished_at (datetime.datetime | None | Unset):
        dataset_status (None | str | Unset): importing, ready, failed or cancelled (null: the dataset is gone).
    """

    job_id: str
    id: str
    kind: str
    status: DatasetJobViewStatus
    done: int
    progress: int | None
    cancel_requested: bool
    result: DatasetJobViewResult
    created_at: datetime.datetime
    dataset_id: int
    rows_imported: int
    error_count: int
    errors: list[DatasetLineError]
    total: int | None | Unset = UNSET
    error: None | str | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    dataset_status: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        id = self.id

        kind = self.kind

        status = self.status.value

        done = self.done

        progress: int | None
        progress = self.progress

        cancel_requested = self.cancel_requested

        result = self.result.to_dict()

        created_at = self.created_at.isoformat()

        dataset_id = self.dataset_id

        rows_imported = self.rows_imported

        error_count = self.error_count

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        total: int | None | Unset
        if isinstance(self.total, Unset):
            total = UNSET
        else:
            total = self.total

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        dataset_status: None | str | Unset
        if isinstance(self.dataset_status, Unset):
            dataset_status = UNSET
        else:
            dataset_status = self.dataset_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "id": id,
                "kind": kind,
                "status": status,
                "done": done,
                "progress": progress,
                "cancel_requested": cancel_requested,
                "result": result,
                "created_at": created_at,
                "dataset_id": dataset_id,
                "rows_imported": rows_imported,
                "error_count": error_count,
                "errors": errors,
            }
        )
        if total is not UNSET:
            field_dict["total"] = total
        if error is not UNSET:
            field_dict["error"] = error
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if dataset_status is not UNSET:
            field_dict["dataset_status"] = dataset_status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_job_view_result import DatasetJobViewResult
        from ..models.dataset_line_error import DatasetLineError

        d = dict(src_dict)
        job_id = d.pop("job_id")

        id = d.pop("id")

        kind = d.pop("kind")

        status = DatasetJobViewStatus(d.pop("status"))

        done = d.pop("done")

        def _parse_progress(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        progress = _parse_progress(d.pop("progress"))

        cancel_requested = d.pop("cancel_requested")

        result = DatasetJobViewResult.from_dict(d.pop("result"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        dataset_id = d.pop("dataset_id")

        rows_imported = d.pop("rows_imported")

        error_count = d.pop("error_count")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = DatasetLineError.from_dict(errors_item_data)

            errors.append(errors_item)

        def _parse_total(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total = _parse_total(d.pop("total", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        def _parse_dataset_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dataset_status = _parse_dataset_status(d.pop("dataset_status", UNSET))

        dataset_import_job = cls(
            job_id=job_id,
            id=id,
            kind=kind,
            status=status,
            done=done,
            progress=progress,
            cancel_requested=cancel_requested,
            result=result,
            created_at=created_at,
            dataset_id=dataset_id,
            rows_imported=rows_imported,
            error_count=error_count,
            errors=errors,
            total=total,
            error=error,
            started_at=started_at,
            finished_at=finished_at,
            dataset_status=dataset_status,
        )

        dataset_import_job.additional_properties = d
        return dataset_import_job

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
