from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.credential_in_credential_type import CredentialInCredentialType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.credential_in_detail_type_0 import CredentialInDetailType0


T = TypeVar("T", bound="CredentialIn")


@_attrs_define
class CredentialIn:
    """
    Attributes:
        name (str):
        credential_type (CredentialInCredentialType):
        detail (CredentialInDetailType0 | None | Unset): Per type: llm `provider_type` (openai_compatible, anthropic,
            glm, ...), `api_key`,
            `base_url`, `organization_id`, `custom_headers`; git `provider`, `credential_type`,
            `ssh_private_key`, `access_token`, `username`, `webhook_secret`; tool `tool_type`,
            `config`, `is_preferred`; gateway `adapter_type`, `token`, `config`.
    """

    name: str
    credential_type: CredentialInCredentialType
    detail: CredentialInDetailType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.credential_in_detail_type_0 import CredentialInDetailType0

        name = self.name

        credential_type = self.credential_type.value

        detail: dict[str, Any] | None | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        elif isinstance(self.detail, CredentialInDetailType0):
            detail = self.detail.to_dict()
        else:
            detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "credential_type": credential_type,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.credential_in_detail_type_0 import CredentialInDetailType0

        d = dict(src_dict)
        name = d.pop("name")

        credential_type = CredentialInCredentialType(d.pop("credential_type"))

        def _parse_detail(data: object) -> CredentialInDetailType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_0 = CredentialInDetailType0.from_dict(data)

                return detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CredentialInDetailType0 | None | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        credential_in = cls(
            name=name,
            credential_type=credential_type,
            detail=detail,
        )

        credential_in.additional_properties = d
        return credential_in

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
