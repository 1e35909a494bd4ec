from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PitPlatformConfig")


@_attrs_define
class PitPlatformConfig:
    """
    Attributes:
        pipelit_dir (str):
        sandbox_mode (str):
        database_url (str): Password replaced by ***
        redis_url (str): Password replaced by ***
        log_level (str):
        log_file (str):
        platform_base_url (str):
        cors_allow_all_origins (bool | None):
        zombie_execution_threshold_seconds (int | None):
    """

    pipelit_dir: str
    sandbox_mode: str
    database_url: str
    redis_url: str
    log_level: str
    log_file: str
    platform_base_url: str
    cors_allow_all_origins: bool | None
    zombie_execution_threshold_seconds: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pipelit_dir = self.pipelit_dir

        sandbox_mode = self.sandbox_mode

        database_url = self.database_url

        redis_url = self.redis_url

        log_level = self.log_level

        log_file = self.log_file

        platform_base_url = self.platform_base_url

        cors_allow_all_origins: bool | None
        cors_allow_all_origins = self.cors_allow_all_origins

        zombie_execution_threshold_seconds: int | None
        zombie_execution_threshold_seconds = self.zombie_execution_threshold_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pipelit_dir": pipelit_dir,
                "sandbox_mode": sandbox_mode,
                "database_url": database_url,
                "redis_url": redis_url,
                "log_level": log_level,
                "log_file": log_file,
                "platform_base_url": platform_base_url,
                "cors_allow_all_origins": cors_allow_all_origins,
                "zombie_execution_threshold_seconds": zombie_execution_threshold_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        pipelit_dir = d.pop("pipelit_dir")

        sandbox_mode = d.pop("sandbox_mode")

        database_url = d.pop("database_url")

        redis_url = d.pop("redis_url")

        log_level = d.pop("log_level")

        log_file = d.pop("log_file")

        platform_base_url = d.pop("platform_base_url")

        def _parse_cors_allow_all_origins(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        cors_allow_all_origins = _parse_cors_allow_all_origins(d.pop("cors_allow_all_origins"))

        def _parse_zombie_execution_threshold_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        zombie_execution_threshold_seconds = _parse_zombie_execution_threshold_seconds(
            d.pop("zombie_execution_threshold_seconds")
        )

        pit_platform_config = cls(
            pipelit_dir=pipelit_dir,
            sandbox_mode=sandbox_mode,
            database_url=database_url,
            redis_url=redis_url,
            log_level=log_level,
            log_file=log_file,
            platform_base_url=platform_base_url,
            cors_allow_all_origins=cors_allow_all_origins,
            zombie_execution_threshold_seconds=zombie_execution_threshold_seconds,
        )

        pit_platform_config.additional_properties = d
        return pit_platform_config

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
