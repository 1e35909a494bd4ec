from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tasks_row_error import TasksRowError


T = TypeVar("T", bound="TasksCreateResult")


@_attrs_define
class TasksCreateResult:
    """
    Attributes:
        success_count (int):
        error_count (int): Rows that were not created.
        errors (list[TasksRowError]):
        task_ids (list[int]):
    """

    success_count: int
    error_count: int
    errors: list[TasksRowError]
    task_ids: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success_count = self.success_count

        error_count = self.error_count

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        task_ids = self.task_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success_count": success_count,
                "error_count": error_count,
                "errors": errors,
                "task_ids": task_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tasks_row_error import TasksRowError

        d = dict(src_dict)
        success_count = d.pop("success_count")

        error_count = d.pop("error_count")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = TasksRowError.from_dict(errors_item_data)

            errors.append(errors_item)

        task_ids = cast(list[int], d.pop("task_ids"))

        tasks_create_result = cls(
            success_count=success_count,
            error_count=error_count,
            errors=errors,
            task_ids=task_ids,
        )

        tasks_create_result.additional_properties = d
        return tasks_create_result

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
