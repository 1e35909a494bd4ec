from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.me_role_type_1 import MeRoleType1
from ..models.me_role_type_2_type_1 import MeRoleType2Type1
from ..models.me_role_type_3_type_1 import MeRoleType3Type1

if TYPE_CHECKING:
    from ..models.me_api_key import MeApiKey
    from ..models.nullable_user_type_0 import NullableUserType0
    from ..models.organization import Organization


T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """The caller's organization, user and key; the top-level `org_id`, `email`, `name`,
    `role` and `user_id` repeat them flat, as the pipelines-sdk reads them (`get_org_id`,
    `whoami`, `auth login`). The user fields are null when the key's user was removed.

        Attributes:
            org_id (int):
            org_name (str):
            user_id (int | None):
            email (None | str):
            name (None | str):
            role (MeRoleType1 | MeRoleType2Type1 | MeRoleType3Type1 | None): The user's role (org_admin or member); null
                when the user was removed.
            organization (Organization):
            user (None | NullableUserType0): The key's user; null when the user who created the key has been removed.
            api_key (MeApiKey):
    """

    org_id: int
    org_name: str
    user_id: int | None
    email: None | str
    name: None | str
    role: MeRoleType1 | MeRoleType2Type1 | MeRoleType3Type1 | None
    organization: Organization
    user: None | NullableUserType0
    api_key: MeApiKey
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.nullable_user_type_0 import NullableUserType0

        org_id = self.org_id

        org_name = self.org_name

        user_id: int | None
        user_id = self.user_id

        email: None | str
        email = self.email

        name: None | str
        name = self.name

        role: None | str
        if (
            isinstance(self.role, MeRoleType1)
            or isinstance(self.role, MeRoleType2Type1)
            or isinstance(self.role, MeRoleType3Type1)
        ):
            role = self.role.value
        else:
            role = self.role

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
                "org_id": org_id,
                "org_name": org_name,
                "user_id": user_id,
                "email": email,
                "name": name,
                "role": role,
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
        org_id = d.pop("org_id")

        org_name = d.pop("org_name")

        def _parse_user_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        user_id = _parse_user_id(d.pop("user_id"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_role(data: object) -> MeRoleType1 | MeRoleType2Type1 | MeRoleType3Type1 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_1 = MeRoleType1(data)

                return role_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_2_type_1 = MeRoleType2Type1(data)

                return role_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_3_type_1 = MeRoleType3Type1(data)

                return role_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeRoleType1 | MeRoleType2Type1 | MeRoleType3Type1 | None, data)

        role = _parse_role(d.pop("role"))

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
            org_id=org_id,
            org_name=org_name,
            user_id=user_id,
            email=email,
            name=name,
            role=role,
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
