from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.project_file_gc_status import ProjectFileGcStatus

T = TypeVar("T", bound="ProjectFileGc")


@_attrs_define
class ProjectFileGc:
    """
    Attributes:
        file_id (str):
        status (ProjectFileGcStatus):
        gc_after (datetime.datetime):
    """

    file_id: str
    status: ProjectFileGcStatus
    gc_after: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_id = self.file_id

        status = self.status.value

        gc_after = self.gc_after.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file_id": file_id,
                "status": status,
                "gc_after": gc_after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        file_id = d.pop("file_id")

        status = ProjectFileGcStatus(d.pop("status"))

        gc_after = datetime.datetime.fromisoformat(d.pop("gc_after"))

        project_file_gc = cls(
            file_id=file_id,
            status=status,
            gc_after=gc_after,
        )

        project_file_gc.additional_properties = d
        return project_file_gc

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
