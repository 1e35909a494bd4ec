from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InboundMessageAttachmentsItem")


@_attrs_define
class InboundMessageAttachmentsItem:
    """
    Attributes:
        filename (str):
        mime_type (str):
        size_bytes (int | Unset):  Default: 0.
        download_url (str | Unset):  Default: ''.
    """

    filename: str
    mime_type: str
    size_bytes: int | Unset = 0
    download_url: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filename = self.filename

        mime_type = self.mime_type

        size_bytes = self.size_bytes

        download_url = self.download_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filename": filename,
                "mime_type": mime_type,
            }
        )
        if size_bytes is not UNSET:
            field_dict["size_bytes"] = size_bytes
        if download_url is not UNSET:
            field_dict["download_url"] = download_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        filename = d.pop("filename")

        mime_type = d.pop("mime_type")

        size_bytes = d.pop("size_bytes", UNSET)

        download_url = d.pop("download_url", UNSET)

        inbound_message_attachments_item = cls(
            filename=filename,
            mime_type=mime_type,
            size_bytes=size_bytes,
            download_url=download_url,
        )

        inbound_message_attachments_item.additional_properties = d
        return inbound_message_attachments_item

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
