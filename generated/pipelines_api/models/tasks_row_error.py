from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TasksRowError")


@_attrs_define
class TasksRowError:
    """
    Attributes:
        index (int | None): Zero-based position of the row.
        field_name (None | str):
        message (str):
    """

    index: int | None
    field_name: None | str
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index: int | None
        index = self.index

        field_name: None | str
        field_name = self.field_name

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "field_name": field_name,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_index(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        index = _parse_index(d.pop("index"))

        def _parse_field_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        field_name = _parse_field_name(d.pop("field_name"))

        message = d.pop("message")

        tasks_row_error = cls(
            index=index,
            field_name=field_name,
            message=message,
        )

        tasks_row_error.additional_properties = d
        return tasks_row_error

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
