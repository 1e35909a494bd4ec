from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_input import TaskInput


T = TypeVar("T", bound="UploadInitRequest")


@_attrs_define
class UploadInitRequest:
    """
    Attributes:
        tasks (list[TaskInput] | Unset): Rows; file-upload fields name a file path inside the ZIP.
        file_size_bytes (int | Unset): Size of the ZIP to come; scales `expires_at`.
    """

    tasks: list[TaskInput] | Unset = UNSET
    file_size_bytes: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tasks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tasks, Unset):
            tasks = []
            for tasks_item_data in self.tasks:
                tasks_item = tasks_item_data.to_dict()
                tasks.append(tasks_item)

        file_size_bytes = self.file_size_bytes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tasks is not UNSET:
            field_dict["tasks"] = tasks
        if file_size_bytes is not UNSET:
            field_dict["file_size_bytes"] = file_size_bytes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.task_input import TaskInput

        d = dict(src_dict)
        _tasks = d.pop("tasks", UNSET)
        tasks: list[TaskInput] | Unset = UNSET
        if _tasks is not UNSET:
            tasks = []
            for tasks_item_data in _tasks:
                tasks_item = TaskInput.from_dict(tasks_item_data)

                tasks.append(tasks_item)

        file_size_bytes = d.pop("file_size_bytes", UNSET)

        upload_init_request = cls(
            tasks=tasks,
            file_size_bytes=file_size_bytes,
        )

        upload_init_request.additional_properties = d
        return upload_init_request

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
