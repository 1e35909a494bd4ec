from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pit_platform_config import PitPlatformConfig
    from ..models.pit_settings_requested import PitSettingsRequested


T = TypeVar("T", bound="PipelinesServerApiPipelitSettingsApiUpdateSettingsResponse200")


@_attrs_define
class PipelinesServerApiPipelitSettingsApiUpdateSettingsResponse200:
    """
    Attributes:
        config (PitPlatformConfig):
        hot_reloaded (list[str]):
        restart_required (list[str]):
        requested (PitSettingsRequested | Unset): Values this organization asked for through PATCH (URLs redacted); not
            applied until the operator sets the matching PIPELINES_* variable and restarts
    """

    config: PitPlatformConfig
    hot_reloaded: list[str]
    restart_required: list[str]
    requested: PitSettingsRequested | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        config = self.config.to_dict()

        hot_reloaded = self.hot_reloaded

        restart_required = self.restart_required

        requested: dict[str, Any] | Unset = UNSET
        if not isinstance(self.requested, Unset):
            requested = self.requested.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "config": config,
                "hot_reloaded": hot_reloaded,
                "restart_required": restart_required,
            }
        )
        if requested is not UNSET:
            field_dict["requested"] = requested

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pit_platform_config import PitPlatformConfig
        from ..models.pit_settings_requested import PitSettingsRequested

        d = dict(src_dict)
        config = PitPlatformConfig.from_dict(d.pop("config"))

        hot_reloaded = cast(list[str], d.pop("hot_reloaded"))

        restart_required = cast(list[str], d.pop("restart_required"))

        _requested = d.pop("requested", UNSET)
        requested: PitSettingsRequested | Unset
        if isinstance(_requested, Unset):
            requested = UNSET
        else:
            requested = PitSettingsRequested.from_dict(_requested)

        pipelines_server_api_pipelit_settings_api_update_settings_response_200 = cls(
            config=config,
            hot_reloaded=hot_reloaded,
            restart_required=restart_required,
            requested=requested,
        )

        pipelines_server_api_pipelit_settings_api_update_settings_response_200.additional_properties = d
        return pipelines_server_api_pipelit_settings_api_update_settings_response_200

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
