from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PitEnvironmentCapabilitiesShellToolsAdditionalProperty")


@_attrs_define
class PitEnvironmentCapabilitiesShellToolsAdditionalProperty:
    """
    Attributes:
        available (bool | Unset):
        tier (int | Unset):
    """

    available: bool | Unset = UNSET
    tier: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        tier = self.tier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if available is not UNSET:
            field_dict["available"] = available
        if tier is not UNSET:
            field_dict["tier"] = tier

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        available = d.pop("available", UNSET)

        tier = d.pop("tier", UNSET)

        pit_environment_capabilities_shell_tools_additional_property = cls(
            available=available,
            tier=tier,
        )

        pit_environment_capabilities_shell_tools_additional_property.additional_properties = d
        return pit_environment_capabilities_shell_tools_additional_property

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
