from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pit_environment import PitEnvironment


T = TypeVar("T", bound="PipelinesServerApiPipelitSettingsApiRecheckEnvironmentResponse200")


@_attrs_define
class PipelinesServerApiPipelitSettingsApiRecheckEnvironmentResponse200:
    """
    Attributes:
        environment (PitEnvironment):
    """

    environment: PitEnvironment
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        environment = self.environment.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "environment": environment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pit_environment import PitEnvironment

        d = dict(src_dict)
        environment = PitEnvironment.from_dict(d.pop("environment"))

        pipelines_server_api_pipelit_settings_api_recheck_environment_response_200 = cls(
            environment=environment,
        )

        pipelines_server_api_pipelit_settings_api_recheck_environment_response_200.additional_properties = d
        return pipelines_server_api_pipelit_settings_api_recheck_environment_response_200

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
