from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProjectInstruction")


@_attrs_define
class ProjectInstruction:
    """
    Attributes:
        id (int):
        project_id (int):
        org_id (int):
        title (str):
        content (str):
        position (int): 0-based place in the project's order (dense: 0..n-1).
        created_by_id (int | None):
        updated_by_id (int | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    project_id: int
    org_id: int
    title: str
    content: str
    position: int
    created_by_id: int | None
    updated_by_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        project_id = self.project_id

        org_id = self.org_id

        title = self.title

        content = self.content

        position = self.position

        created_by_id: int | None
        created_by_id = self.created_by_id

        updated_by_id: int | None
        updated_by_id = self.updated_by_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "org_id": org_id,
                "title": title,
                "content": content,
                "position": position,
                "created_by_id": created_by_id,
                "updated_by_id": updated_by_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        project_id = d.pop("project_id")

        org_id = d.pop("org_id")

        title = d.pop("title")

        content = d.pop("content")

        position = d.pop("position")

        def _parse_created_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        created_by_id = _parse_created_by_id(d.pop("created_by_id"))

        def _parse_updated_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        updated_by_id = _parse_updated_by_id(d.pop("updated_by_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        project_instruction = cls(
            id=id,
            project_id=project_id,
            org_id=org_id,
            title=title,
            content=content,
            position=position,
            created_by_id=created_by_id,
            updated_by_id=updated_by_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        project_instruction.additional_properties = d
        return project_instruction

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
