from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.upload_status import UploadStatus

T = TypeVar("T", bound="UploadInitResponse")


@_attrs_define
class UploadInitResponse:
    """
    Attributes:
        upload_id (UUID):
        upload_url (str):
        expires_at (datetime.datetime):
        status (UploadStatus):
    """

    upload_id: UUID
    upload_url: str
    expires_at: datetime.datetime
    status: UploadStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        upload_id = str(self.upload_id)

        upload_url = self.upload_url

        expires_at = self.expires_at.isoformat()

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "upload_id": upload_id,
                "upload_url": upload_url,
                "expires_at": expires_at,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        upload_id = UUID(d.pop("upload_id"))

        upload_url = d.pop("upload_url")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        status = UploadStatus(d.pop("status"))

        upload_init_response = cls(
            upload_id=upload_id,
            upload_url=upload_url,
            expires_at=expires_at,
            status=status,
        )

        upload_init_response.additional_properties = d
        return upload_init_response

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
