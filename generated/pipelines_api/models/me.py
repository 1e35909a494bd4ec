from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.me_api_key import MeApiKey
    from ..models.nullable_user_type_0 import NullableUserType0
    from ..models.organization import Organization


T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """
    Attributes:
        organization (Organization):
        user (None | NullableUserType0): The key's user; null when the user who created the key has been removed.
        api_key (MeApiKey):
    """

    organization: Organization
    user: None | NullableUserType0
    api_key: MeApiKey
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.nullable_user_type_0 import NullableUserType0

        organization = self.organization.to_dict()

        user: dict[str, Any] | None
        if isinstance(self.user, NullableUserType0):
            user = self.user.to_dict()
        else:
            user = self.user

        api_key = self.api_key.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organization": organization,
                "user": user,
                "api_key": api_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.me_api_key import MeApiKey
        from ..models.nullable_user_type_0 import NullableUserType0
        from ..models.organization import Organization

        d = dict(src_dict)
        organization = Organization.from_dict(d.pop("organization"))

        def _parse_user(data: object) -> None | NullableUserType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_nullable_user_type_0 = NullableUserType0.from_dict(data)

                return componentsschemas_nullable_user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | NullableUserType0, data)

        user = _parse_user(d.pop("user"))

        api_key = MeApiKey.from_dict(d.pop("api_key"))

        me = cls(
            organization=organization,
            user=user,
            api_key=api_key,
        )

        me.additional_properties = d
        return me

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
