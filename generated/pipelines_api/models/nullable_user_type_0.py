from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role

T = TypeVar("T", bound="NullableUserType0")


@_attrs_define
class NullableUserType0:
    """The key's user; null when the user who created the key has been removed.

    Attributes:
        id (int):
        org_id (int):
        email (str):
        name (str):
        role (Role):
        created_at (datetime.datetime):
    """

    id: int
    org_id: int
    email: str
    name: str
    role: Role
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        org_id = self.org_id

        email = self.email

        name = self.name

        role = self.role.value

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "org_id": org_id,
                "email": email,
                "name": name,
                "role": role,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        org_id = d.pop("org_id")

        email = d.pop("email")

        name = d.pop("name")

        role = Role(d.pop("role"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        nullable_user_type_0 = cls(
            id=id,
            org_id=org_id,
            email=email,
            name=name,
            role=role,
            created_at=created_at,
        )

        nullable_user_type_0.additional_properties = d
        return nullable_user_type_0

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
