from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pit_env_var_source import PitEnvVarSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="PitEnvVar")


@_attrs_define
class PitEnvVar:
    """
    Attributes:
        key (str):
        value (None | str | Unset):
        credential_id (int | None | Unset):
        credential_field (None | str | Unset):
        source (PitEnvVarSource | Unset):
    """

    key: str
    value: None | str | Unset = UNSET
    credential_id: int | None | Unset = UNSET
    credential_field: None | str | Unset = UNSET
    source: PitEnvVarSource | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        value: None | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        credential_id: int | None | Unset
        if isinstance(self.credential_id, Unset):
            credential_id = UNSET
        else:
            credential_id = self.credential_id

        credential_field: None | str | Unset
        if isinstance(self.credential_field, Unset):
            credential_field = UNSET
        else:
            credential_field = self.credential_field

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value
        if credential_id is not UNSET:
            field_dict["credential_id"] = credential_id
        if credential_field is not UNSET:
            field_dict["credential_field"] = credential_field
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        key = d.pop("key")

        def _parse_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        def _parse_credential_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        credential_id = _parse_credential_id(d.pop("credential_id", UNSET))

        def _parse_credential_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        credential_field = _parse_credential_field(d.pop("credential_field", UNSET))

        _source = d.pop("source", UNSET)
        source: PitEnvVarSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = PitEnvVarSource(_source)

        pit_env_var = cls(
            key=key,
            value=value,
            credential_id=credential_id,
            credential_field=credential_field,
            source=source,
        )

        pit_env_var.additional_properties = d
        return pit_env_var

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
