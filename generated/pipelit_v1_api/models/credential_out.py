from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.credential_out_credential_type import CredentialOutCredentialType

if TYPE_CHECKING:
    from ..models.credential_out_detail import CredentialOutDetail


T = TypeVar("T", bound="CredentialOut")


@_attrs_define
class CredentialOut:
    """
    Attributes:
        id (int):
        name (str):
        credential_type (CredentialOutCredentialType):
        detail (CredentialOutDetail): llm: `api_key` masked (first 4 + `****` + last 4; `****` under 8 characters); git:
            `ssh_private_key` `****` or "", `access_token` masked or "", no `webhook_secret`;
            tool: as given; gateway: `{gateway_credential_id, adapter_type}`.
        created_at (str):
        updated_at (str):
    """

    id: int
    name: str
    credential_type: CredentialOutCredentialType
    detail: CredentialOutDetail
    created_at: str
    updated_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        credential_type = self.credential_type.value

        detail = self.detail.to_dict()

        created_at = self.created_at

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "credential_type": credential_type,
                "detail": detail,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.credential_out_detail import CredentialOutDetail

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        credential_type = CredentialOutCredentialType(d.pop("credential_type"))

        detail = CredentialOutDetail.from_dict(d.pop("detail"))

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        credential_out = cls(
            id=id,
            name=name,
            credential_type=credential_type,
            detail=detail,
            created_at=created_at,
            updated_at=updated_at,
        )

        credential_out.additional_properties = d
        return credential_out

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
