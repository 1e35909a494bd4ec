from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dataset_import_started_format import DatasetImportStartedFormat
from ..models.dataset_status import DatasetStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="DatasetImportStarted")


@_attrs_define
class DatasetImportStarted:
    """
    Attributes:
        job_id (str):
        dataset_id (int):
        status (str):
        id (str | Unset):
        dataset_status (DatasetStatus | Unset):
        format_ (DatasetImportStartedFormat | Unset):
        columns (list[str] | Unset):
        total (int | None | Unset): Estimated records in the file.
    """

    job_id: str
    dataset_id: int
    status: str
    id: str | Unset = UNSET
    dataset_status: DatasetStatus | Unset = UNSET
    format_: DatasetImportStartedFormat | Unset = UNSET
    columns: list[str] | Unset = UNSET
    total: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        dataset_id = self.dataset_id

        status = self.status

        id = self.id

        dataset_status: str | Unset = UNSET
        if not isinstance(self.dataset_status, Unset):
            dataset_status = self.dataset_status.value

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        columns: list[str] | Unset = UNSET
        if not isinstance(self.columns, Unset):
            columns = self.columns

        total: int | None | Unset
        if isinstance(self.total, Unset):
            total = UNSET
        else:
            total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "dataset_id": dataset_id,
                "status": status,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if dataset_status is not UNSET:
            field_dict["dataset_status"] = dataset_status
        if format_ is not UNSET:
            field_dict["format"] = format_
        if columns is not UNSET:
            field_dict["columns"] = columns
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        job_id = d.pop("job_id")

        dataset_id = d.pop("dataset_id")

        status = d.pop("status")

        id = d.pop("id", UNSET)

        _dataset_status = d.pop("dataset_status", UNSET)
        dataset_status: DatasetStatus | Unset
        if isinstance(_dataset_status, Unset):
            dataset_status = UNSET
        else:
            dataset_status = DatasetStatus(_dataset_status)

        _format_ = d.pop("format", UNSET)
        format_: DatasetImportStartedFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = DatasetImportStartedFormat(_format_)

        columns = cast(list[str], d.pop("columns", UNSET))

        def _parse_total(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total = _parse_total(d.pop("total", UNSET))

        dataset_import_started = cls(
            job_id=job_id,
            dataset_id=dataset_id,
            status=status,
            id=id,
            dataset_status=dataset_status,
            format_=format_,
            columns=columns,
            total=total,
        )

        dataset_import_started.additional_properties = d
        return dataset_import_started

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
