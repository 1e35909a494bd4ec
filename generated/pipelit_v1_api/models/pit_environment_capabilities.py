from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pit_environment_capabilities_network import (
        PitEnvironmentCapabilitiesNetwork,
    )
    from ..models.pit_environment_capabilities_runtimes import (
        PitEnvironmentCapabilitiesRuntimes,
    )
    from ..models.pit_environment_capabilities_shell_tools import (
        PitEnvironmentCapabilitiesShellTools,
    )


T = TypeVar("T", bound="PitEnvironmentCapabilities")


@_attrs_define
class PitEnvironmentCapabilities:
    """
    Attributes:
        runtimes (PitEnvironmentCapabilitiesRuntimes):
        shell_tools (PitEnvironmentCapabilitiesShellTools):
        network (PitEnvironmentCapabilitiesNetwork):
    """

    runtimes: PitEnvironmentCapabilitiesRuntimes
    shell_tools: PitEnvironmentCapabilitiesShellTools
    network: PitEnvironmentCapabilitiesNetwork
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        runtimes = self.runtimes.to_dict()

        shell_tools = self.shell_tools.to_dict()

        network = self.network.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "runtimes": runtimes,
                "shell_tools": shell_tools,
                "network": network,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pit_environment_capabilities_network import (
            PitEnvironmentCapabilitiesNetwork,
        )
        from ..models.pit_environment_capabilities_runtimes import (
            PitEnvironmentCapabilitiesRuntimes,
        )
        from ..models.pit_environment_capabilities_shell_tools import (
            PitEnvironmentCapabilitiesShellTools,
        )

        d = dict(src_dict)
        runtimes = PitEnvironmentCapabilitiesRuntimes.from_dict(d.pop("runtimes"))

        shell_tools = PitEnvironmentCapabilitiesShellTools.from_dict(d.pop("shell_tools"))

        network = PitEnvironmentCapabilitiesNetwork.from_dict(d.pop("network"))

        pit_environment_capabilities = cls(
            runtimes=runtimes,
            shell_tools=shell_tools,
            network=network,
        )

        pit_environment_capabilities.additional_properties = d
        return pit_environment_capabilities

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
