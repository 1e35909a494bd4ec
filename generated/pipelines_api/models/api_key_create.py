from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.expires_in_days import ExpiresInDays
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiKeyCreate")


@_attrs_define
class ApiKeyCreate:
    """
    Attributes:
        name (str):
        expires_in_days (ExpiresInDays | Unset): Days from now; null or absent means no expiry.
    """

    name: str
    expires_in_days: ExpiresInDays | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        expires_in_days: int | Unset = UNSET
        if not isinstance(self.expires_in_days, Unset):
            expires_in_days = self.expires_in_days.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if expires_in_days is not UNSET:
            field_dict["expires_in_days"] = expires_in_days

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        _expires_in_days = d.pop("expires_in_days", UNSET)
        expires_in_days: ExpiresInDays | Unset
        if isinstance(_expires_in_days, Unset):
            expires_in_days = UNSET
        else:
            expires_in_days = ExpiresInDays(_expires_in_days)

        api_key_create = cls(
            name=name,
            expires_in_days=expires_in_days,
        )

        api_key_create.additional_properties = d
        return api_key_create

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
