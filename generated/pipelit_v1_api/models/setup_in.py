from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SetupIn")


@_attrs_define
class SetupIn:
    """
    Attributes:
        username (str):
        password (str):
        sandbox_mode (None | str | Unset):
        database_url (None | str | Unset):
        redis_url (None | str | Unset):
        log_level (None | str | Unset):
        platform_base_url (None | str | Unset):
    """

    username: str
    password: str
    sandbox_mode: None | str | Unset = UNSET
    database_url: None | str | Unset = UNSET
    redis_url: None | str | Unset = UNSET
    log_level: None | str | Unset = UNSET
    platform_base_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

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
        else:
            log_level = self.log_level

        platform_base_url: None | str | Unset
        if isinstance(self.platform_base_url, Unset):
            platform_base_url = UNSET
        else:
            platform_base_url = self.platform_base_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "username": username,
                "password": password,
            }
        )
        if sandbox_mode is not UNSET:
            field_dict["sandbox_mode"] = sandbox_mode
        if database_url is not UNSET:
            field_dict["database_url"] = database_url
        if redis_url is not UNSET:
            field_dict["redis_url"] = redis_url
        if log_level is not UNSET:
            field_dict["log_level"] = log_level
        if platform_base_url is not UNSET:
            field_dict["platform_base_url"] = platform_base_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        username = d.pop("username")

        password = d.pop("password")

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

        def _parse_log_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        log_level = _parse_log_level(d.pop("log_level", UNSET))

        def _parse_platform_base_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        platform_base_url = _parse_platform_base_url(d.pop("platform_base_url", UNSET))

        setup_in = cls(
            username=username,
            password=password,
            sandbox_mode=sandbox_mode,
            database_url=database_url,
            redis_url=redis_url,
            log_level=log_level,
            platform_base_url=platform_base_url,
        )

        setup_in.additional_properties = d
        return setup_in

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
