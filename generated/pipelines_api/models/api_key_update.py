from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.expires_in_days_type_1 import ExpiresInDaysType1
from ..models.expires_in_days_type_2_type_1 import ExpiresInDaysType2Type1
from ..models.expires_in_days_type_3_type_1 import ExpiresInDaysType3Type1

T = TypeVar("T", bound="ApiKeyUpdate")


@_attrs_define
class ApiKeyUpdate:
    """
    Attributes:
        expires_in_days (ExpiresInDaysType1 | ExpiresInDaysType2Type1 | ExpiresInDaysType3Type1 | None): Days from now;
            null or absent means no expiry.
    """

    expires_in_days: ExpiresInDaysType1 | ExpiresInDaysType2Type1 | ExpiresInDaysType3Type1 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expires_in_days: int | None
        if (
            isinstance(self.expires_in_days, ExpiresInDaysType1)
            or isinstance(self.expires_in_days, ExpiresInDaysType2Type1)
            or isinstance(self.expires_in_days, ExpiresInDaysType3Type1)
        ):
            expires_in_days = self.expires_in_days.value
        else:
            expires_in_days = self.expires_in_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expires_in_days": expires_in_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_expires_in_days(
            data: object,
        ) -> ExpiresInDaysType1 | ExpiresInDaysType2Type1 | ExpiresInDaysType3Type1 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                componentsschemas_expires_in_days_type_1 = ExpiresInDaysType1(data)

                return componentsschemas_expires_in_days_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, int):
                    raise TypeError()
                componentsschemas_expires_in_days_type_2_type_1 = ExpiresInDaysType2Type1(data)

                return componentsschemas_expires_in_days_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, int):
                    raise TypeError()
                componentsschemas_expires_in_days_type_3_type_1 = ExpiresInDaysType3Type1(data)

                return componentsschemas_expires_in_days_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                ExpiresInDaysType1 | ExpiresInDaysType2Type1 | ExpiresInDaysType3Type1 | None, data
            )

        expires_in_days = _parse_expires_in_days(d.pop("expires_in_days"))

        api_key_update = cls(
            expires_in_days=expires_in_days,
        )

        api_key_update.additional_properties = d
        return api_key_update

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
