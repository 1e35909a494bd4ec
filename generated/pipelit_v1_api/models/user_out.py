from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_out_role import UserOutRole

T = TypeVar("T", bound="UserOut")


@_attrs_define
class UserOut:
    """
    Attributes:
        id (int):
        username (str):
        role (UserOutRole):
        first_name (str):
        last_name (str):
        created_at (str):
        mfa_enabled (bool):
        key_count (int):
    """

    id: int
    username: str
    role: UserOutRole
    first_name: str
    last_name: str
    created_at: str
    mfa_enabled: bool
    key_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username = self.username

        role = self.role.value

        first_name = self.first_name

        last_name = self.last_name

        created_at = self.created_at

        mfa_enabled = self.mfa_enabled

        key_count = self.key_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "username": username,
                "role": role,
                "first_name": first_name,
                "last_name": last_name,
                "created_at": created_at,
                "mfa_enabled": mfa_enabled,
                "key_count": key_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        username = d.pop("username")

        role = UserOutRole(d.pop("role"))

        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        created_at = d.pop("created_at")

        mfa_enabled = d.pop("mfa_enabled")

        key_count = d.pop("key_count")

        user_out = cls(
            id=id,
            username=username,
            role=role,
            first_name=first_name,
            last_name=last_name,
            created_at=created_at,
            mfa_enabled=mfa_enabled,
            key_count=key_count,
        )

        user_out.additional_properties = d
        return user_out

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
