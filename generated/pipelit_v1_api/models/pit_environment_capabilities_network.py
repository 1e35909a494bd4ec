from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PitEnvironmentCapabilitiesNetwork")


@_attrs_define
class PitEnvironmentCapabilitiesNetwork:
    """
    Attributes:
        dns (bool | Unset):
        http (bool | Unset):
    """

    dns: bool | Unset = UNSET
    http: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dns = self.dns

        http = self.http

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if dns is not UNSET:
            field_dict["dns"] = dns
        if http is not UNSET:
            field_dict["http"] = http

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        dns = d.pop("dns", UNSET)

        http = d.pop("http", UNSET)

        pit_environment_capabilities_network = cls(
            dns=dns,
            http=http,
        )

        pit_environment_capabilities_network.additional_properties = d
        return pit_environment_capabilities_network

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
