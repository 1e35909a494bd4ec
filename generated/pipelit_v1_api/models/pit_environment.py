from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pit_environment_capabilities import PitEnvironmentCapabilities
    from ..models.pit_environment_gate import PitEnvironmentGate


T = TypeVar("T", bound="PitEnvironment")


@_attrs_define
class PitEnvironment:
    """
    Attributes:
        os (str):
        arch (str):
        bwrap_available (bool):
        rootfs_ready (bool):
        sandbox_mode (str):
        capabilities (PitEnvironmentCapabilities):
        tier1_met (bool):
        tier2_warnings (list[str]):
        gate (PitEnvironmentGate):
        container (None | str | Unset):
    """

    os: str
    arch: str
    bwrap_available: bool
    rootfs_ready: bool
    sandbox_mode: str
    capabilities: PitEnvironmentCapabilities
    tier1_met: bool
    tier2_warnings: list[str]
    gate: PitEnvironmentGate
    container: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        os = self.os

        arch = self.arch

        bwrap_available = self.bwrap_available

        rootfs_ready = self.rootfs_ready

        sandbox_mode = self.sandbox_mode

        capabilities = self.capabilities.to_dict()

        tier1_met = self.tier1_met

        tier2_warnings = self.tier2_warnings

        gate = self.gate.to_dict()

        container: None | str | Unset
        if isinstance(self.container, Unset):
            container = UNSET
        else:
            container = self.container

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "os": os,
                "arch": arch,
                "bwrap_available": bwrap_available,
                "rootfs_ready": rootfs_ready,
                "sandbox_mode": sandbox_mode,
                "capabilities": capabilities,
                "tier1_met": tier1_met,
                "tier2_warnings": tier2_warnings,
                "gate": gate,
            }
        )
        if container is not UNSET:
            field_dict["container"] = container

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pit_environment_capabilities import PitEnvironmentCapabilities
        from ..models.pit_environment_gate import PitEnvironmentGate

        d = dict(src_dict)
        os = d.pop("os")

        arch = d.pop("arch")

        bwrap_available = d.pop("bwrap_available")

        rootfs_ready = d.pop("rootfs_ready")

        sandbox_mode = d.pop("sandbox_mode")

        capabilities = PitEnvironmentCapabilities.from_dict(d.pop("capabilities"))

        tier1_met = d.pop("tier1_met")

        tier2_warnings = cast(list[str], d.pop("tier2_warnings"))

        gate = PitEnvironmentGate.from_dict(d.pop("gate"))

        def _parse_container(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        container = _parse_container(d.pop("container", UNSET))

        pit_environment = cls(
            os=os,
            arch=arch,
            bwrap_available=bwrap_available,
            rootfs_ready=rootfs_ready,
            sandbox_mode=sandbox_mode,
            capabilities=capabilities,
            tier1_met=tier1_met,
            tier2_warnings=tier2_warnings,
            gate=gate,
            container=container,
        )

        pit_environment.additional_properties = d
        return pit_environment

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
