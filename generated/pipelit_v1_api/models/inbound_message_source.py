from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.inbound_message_source_from_type_0 import InboundMessageSourceFromType0


T = TypeVar("T", bound="InboundMessageSource")


@_attrs_define
class InboundMessageSource:
    """
    Attributes:
        protocol (str):
        chat_id (str):
        message_id (str | Unset):  Default: ''.
        reply_to_message_id (None | str | Unset):
        from_ (InboundMessageSourceFromType0 | None | Unset):
    """

    protocol: str
    chat_id: str
    message_id: str | Unset = ""
    reply_to_message_id: None | str | Unset = UNSET
    from_: InboundMessageSourceFromType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.inbound_message_source_from_type_0 import (
            InboundMessageSourceFromType0,
        )

        protocol = self.protocol

        chat_id = self.chat_id

        message_id = self.message_id

        reply_to_message_id: None | str | Unset
        if isinstance(self.reply_to_message_id, Unset):
            reply_to_message_id = UNSET
        else:
            reply_to_message_id = self.reply_to_message_id

        from_: dict[str, Any] | None | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        elif isinstance(self.from_, InboundMessageSourceFromType0):
            from_ = self.from_.to_dict()
        else:
            from_ = self.from_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "protocol": protocol,
                "chat_id": chat_id,
            }
        )
        if message_id is not UNSET:
            field_dict["message_id"] = message_id
        if reply_to_message_id is not UNSET:
            field_dict["reply_to_message_id"] = reply_to_message_id
        if from_ is not UNSET:
            field_dict["from"] = from_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.inbound_message_source_from_type_0 import (
            InboundMessageSourceFromType0,
        )

        d = dict(src_dict)
        protocol = d.pop("protocol")

        chat_id = d.pop("chat_id")

        message_id = d.pop("message_id", UNSET)

        def _parse_reply_to_message_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reply_to_message_id = _parse_reply_to_message_id(d.pop("reply_to_message_id", UNSET))

        def _parse_from_(data: object) -> InboundMessageSourceFromType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from_type_0 = InboundMessageSourceFromType0.from_dict(data)

                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InboundMessageSourceFromType0 | None | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        inbound_message_source = cls(
            protocol=protocol,
            chat_id=chat_id,
            message_id=message_id,
            reply_to_message_id=reply_to_message_id,
            from_=from_,
        )

        inbound_message_source.additional_properties = d
        return inbound_message_source

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
