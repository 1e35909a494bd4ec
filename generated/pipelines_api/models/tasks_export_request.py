from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status import TaskStatus
from ..models.tasks_export_request_format import TasksExportRequestFormat
from ..models.tasks_export_request_include_item import TasksExportRequestIncludeItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="TasksExportRequest")


@_attrs_define
class TasksExportRequest:
    """
    Attributes:
        format_ (TasksExportRequestFormat | Unset):  Default: TasksExportRequestFormat.CSV.
        status (TaskStatus | Unset): Derived from the task's nodes: failed when a node failed; finished when the end
            node finished; escalated or quarantined when a node is; paused while its workflow is paused; in_progress once
            started; pending before. `cancelled` is native only (the External API v1 shows it as failed).
        include (list[TasksExportRequestIncludeItem] | Unset): Column groups besides id, status, created_at and
            finished_at (default fields and output).
    """

    format_: TasksExportRequestFormat | Unset = TasksExportRequestFormat.CSV
    status: TaskStatus | Unset = UNSET
    include: list[TasksExportRequestIncludeItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        include: list[str] | Unset = UNSET
        if not isinstance(self.include, Unset):
            include = []
            for include_item_data in self.include:
                include_item = include_item_data.value
                include.append(include_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if format_ is not UNSET:
            field_dict["format"] = format_
        if status is not UNSET:
            field_dict["status"] = status
        if include is not UNSET:
            field_dict["include"] = include

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _format_ = d.pop("format", UNSET)
        format_: TasksExportRequestFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = TasksExportRequestFormat(_format_)

        _status = d.pop("status", UNSET)
        status: TaskStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = TaskStatus(_status)

        _include = d.pop("include", UNSET)
        include: list[TasksExportRequestIncludeItem] | Unset = UNSET
        if _include is not UNSET:
            include = []
            for include_item_data in _include:
                include_item = TasksExportRequestIncludeItem(include_item_data)

                include.append(include_item)

        tasks_export_request = cls(
            format_=format_,
            status=status,
            include=include,
        )

        tasks_export_request.additional_properties = d
        return tasks_export_request

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
