from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tasks_export_inline_format import TasksExportInlineFormat

T = TypeVar("T", bound="TasksExportInline")


@_attrs_define
class TasksExportInline:
    """
    Attributes:
        format_ (TasksExportInlineFormat):
        row_count (int):
        filename (str):
        content (str): The whole file's text.
    """

    format_: TasksExportInlineFormat
    row_count: int
    filename: str
    content: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_.value

        row_count = self.row_count

        filename = self.filename

        content = self.content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "format": format_,
                "row_count": row_count,
                "filename": filename,
                "content": content,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        format_ = TasksExportInlineFormat(d.pop("format"))

        row_count = d.pop("row_count")

        filename = d.pop("filename")

        content = d.pop("content")

        tasks_export_inline = cls(
            format_=format_,
            row_count=row_count,
            filename=filename,
            content=content,
        )

        tasks_export_inline.additional_properties = d
        return tasks_export_inline

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
