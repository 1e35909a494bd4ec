from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.inbound_message_attachments_item import InboundMessageAttachmentsItem
    from ..models.inbound_message_extra_data_type_0 import InboundMessageExtraDataType0
    from ..models.inbound_message_route import InboundMessageRoute
    from ..models.inbound_message_source import InboundMessageSource


T = TypeVar("T", bound="InboundMessage")


@_attrs_define
class InboundMessage:
    """
    Attributes:
        route (InboundMessageRoute):
        credential_id (str):
        source (InboundMessageSource):
        text (str):
        timestamp (str):
        attachments (list[InboundMessageAttachmentsItem] | Unset):
        extra_data (InboundMessageExtraDataType0 | None | Unset):
    """

    route: InboundMessageRoute
    credential_id: str
    source: InboundMessageSource
    text: str
    timestamp: str
    attachments: list[InboundMessageAttachmentsItem] | Unset = UNSET
    extra_data: InboundMessageExtraDataType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.inbound_message_extra_data_type_0 import (
            InboundMessageExtraDataType0,
        )

        route = self.route.to_dict()

        credential_id = self.credential_id

        source = self.source.to_dict()

        text = self.text

        timestamp = self.timestamp

        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item = attachments_item_data.to_dict()
                attachments.append(attachments_item)

        extra_data: dict[str, Any] | None | Unset
        if isinstance(self.extra_data, Unset):
            extra_data = UNSET
        elif isinstance(self.extra_data, InboundMessageExtraDataType0):
            extra_data = self.extra_data.to_dict()
        else:
            extra_data = self.extra_data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "route": route,
                "credential_id": credential_id,
                "source": source,
                "text": text,
                "timestamp": timestamp,
            }
        )
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if extra_data is not UNSET:
            field_dict["extra_data"] = extra_data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.inbound_message_attachments_item import (
            InboundMessageAttachmentsItem,
        )
        from ..models.inbound_message_extra_data_type_0 import (
            InboundMessageExtraDataType0,
        )
        from ..models.inbound_message_route import InboundMessageRoute
        from ..models.inbound_message_source import InboundMessageSource

        d = dict(src_dict)
        route = InboundMessageRoute.from_dict(d.pop("route"))

        credential_id = d.pop("credential_id")

        source = InboundMessageSource.from_dict(d.pop("source"))

        text = d.pop("text")

        timestamp = d.pop("timestamp")

        _attachments = d.pop("attachments", UNSET)
        attachments: list[InboundMessageAttachmentsItem] | Unset = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:
                attachments_item = InboundMessageAttachmentsItem.from_dict(attachments_item_data)

                attachments.append(attachments_item)

        def _parse_extra_data(data: object) -> InboundMessageExtraDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                extra_data_type_0 = InboundMessageExtraDataType0.from_dict(data)

                return extra_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InboundMessageExtraDataType0 | None | Unset, data)

        extra_data = _parse_extra_data(d.pop("extra_data", UNSET))

        inbound_message = cls(
            route=route,
            credential_id=credential_id,
            source=source,
            text=text,
            timestamp=timestamp,
            attachments=attachments,
            extra_data=extra_data,
        )

        inbound_message.additional_properties = d
        return inbound_message

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
