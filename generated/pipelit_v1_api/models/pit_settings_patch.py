from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.pit_settings_patch_log_level_type_1 import PitSettingsPatchLogLevelType1
from ..models.pit_settings_patch_log_level_type_2_type_1 import (
    PitSettingsPatchLogLevelType2Type1,
)
from ..models.pit_settings_patch_log_level_type_3_type_1 import (
    PitSettingsPatchLogLevelType3Type1,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="PitSettingsPatch")


@_attrs_define
class PitSettingsPatch:
    """
    Attributes:
        sandbox_mode (None | str | Unset):
        database_url (None | str | Unset):
        redis_url (None | str | Unset):
        log_level (None | PitSettingsPatchLogLevelType1 | PitSettingsPatchLogLevelType2Type1 |
            PitSettingsPatchLogLevelType3Type1 | Unset):
        log_file (None | str | Unset):
        platform_base_url (None | str | Unset):
        cors_allow_all_origins (bool | None | Unset):
        zombie_execution_threshold_seconds (int | None | Unset):
    """

    sandbox_mode: None | str | Unset = UNSET
    database_url: None | str | Unset = UNSET
    redis_url: None | str | Unset = UNSET
    log_level: (
        None
        | PitSettingsPatchLogLevelType1
        | PitSettingsPatchLogLevelType2Type1
        | PitSettingsPatchLogLevelType3Type1
        | Unset
    ) = UNSET
    log_file: None | str | Unset = UNSET
    platform_base_url: None | str | Unset = UNSET
    cors_allow_all_origins: bool | None | Unset = UNSET
    zombie_execution_threshold_seconds: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        sandbox_mode: None | str | Unset
        if isinstance(self.sandbox_mode, Unset):
            sandbox_mode = UNSET
        else:
            sandbox_mode = self.sandbox_mode

        database_url: None | str | Unset
        if isinstance(self.database_url, Unset):
            database_url = UNSET
        else:
            database_url = self.database_url

        redis_url: None | str | Unset
        if isinstance(self.redis_url, Unset):
            redis_url = UNSET
        else:
            redis_url = self.redis_url

        log_level: None | str | Unset
        if isinstance(self.log_level, Unset):
            log_level = UNSET
        elif (
            isinstance(self.log_level, PitSettingsPatchLogLevelType1)
            or isinstance(self.log_level, PitSettingsPatchLogLevelType2Type1)
            or isinstance(self.log_level, PitSettingsPatchLogLevelType3Type1)
        ):
            log_level = self.log_level.value
        else:
            log_level = self.log_level

        log_file: None | str | Unset
        if isinstance(self.log_file, Unset):
            log_file = UNSET
        else:
            log_file = self.log_file

        platform_base_url: None | str | Unset
        if isinstance(self.platform_base_url, Unset):
            platform_base_url = UNSET
        else:
            platform_base_url = self.platform_base_url

        cors_allow_all_origins: bool | None | Unset
        if isinstance(self.cors_allow_all_origins, Unset):
            cors_allow_all_origins = UNSET
        else:
            cors_allow_all_origins = self.cors_allow_all_origins

        zombie_execution_threshold_seconds: int | None | Unset
        if isinstance(self.zombie_execution_threshold_seconds, Unset):
            zombie_execution_threshold_seconds = UNSET
        else:
            zombie_execution_threshold_seconds = self.zombie_execution_threshold_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if sandbox_mode is not UNSET:
            field_dict["sandbox_mode"] = sandbox_mode
        if database_url is not UNSET:
            field_dict["database_url"] = database_url
        if redis_url is not UNSET:
            field_dict["redis_url"] = redis_url
        if log_level is not UNSET:
            field_dict["log_level"] = log_level
        if log_file is not UNSET:
            field_dict["log_file"] = log_file
        if platform_base_url is not UNSET:
            field_dict["platform_base_url"] = platform_base_url
        if cors_allow_all_origins is not UNSET:
            field_dict["cors_allow_all_origins"] = cors_allow_all_origins
        if zombie_execution_threshold_seconds is not UNSET:
            field_dict["zombie_execution_threshold_seconds"] = zombie_execution_threshold_seconds

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_sandbox_mode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sandbox_mode = _parse_sandbox_mode(d.pop("sandbox_mode", UNSET))

        def _parse_database_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        database_url = _parse_database_url(d.pop("database_url", UNSET))

        def _parse_redis_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        redis_url = _parse_redis_url(d.pop("redis_url", UNSET))

        def _parse_log_level(
            data: object,
        ) -> (
            None
            | PitSettingsPatchLogLevelType1
            | PitSettingsPatchLogLevelType2Type1
            | PitSettingsPatchLogLevelType3Type1
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                log_level_type_1 = PitSettingsPatchLogLevelType1(data)

                return log_level_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                log_level_type_2_type_1 = PitSettingsPatchLogLevelType2Type1(data)

                return log_level_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                log_level_type_3_type_1 = PitSettingsPatchLogLevelType3Type1(data)

                return log_level_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | PitSettingsPatchLogLevelType1
                | PitSettingsPatchLogLevelType2Type1
                | PitSettingsPatchLogLevelType3Type1
                | Unset,
                data,
            )

        log_level = _parse_log_level(d.pop("log_level", UNSET))

        def _parse_log_file(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        log_file = _parse_log_file(d.pop("log_file", UNSET))

        def _parse_platform_base_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        platform_base_url = _parse_platform_base_url(d.pop("platform_base_url", UNSET))

        def _parse_cors_allow_all_origins(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        cors_allow_all_origins = _parse_cors_allow_all_origins(
            d.pop("cors_allow_all_origins", UNSET)
        )

        def _parse_zombie_execution_threshold_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        zombie_execution_threshold_seconds = _parse_zombie_execution_threshold_seconds(
            d.pop("zombie_execution_threshold_seconds", UNSET)
        )

        pit_settings_patch = cls(
            sandbox_mode=sandbox_mode,
            database_url=database_url,
            redis_url=redis_url,
            log_level=log_level,
            log_file=log_file,
            platform_base_url=platform_base_url,
            cors_allow_all_origins=cors_allow_all_origins,
            zombie_execution_threshold_seconds=zombie_execution_threshold_seconds,
        )

        return pit_settings_patch
