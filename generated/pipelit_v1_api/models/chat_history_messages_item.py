from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_history_messages_item_role import ChatHistoryMessagesItemRole

T = TypeVar("T", bound="ChatHistoryMessagesItem")


@_attrs_define
class ChatHistoryMessagesItem:
    """
    Attributes:
        role (ChatHistoryMessagesItemRole):
        text (str):
        timestamp (None | str):
    """

    role: ChatHistoryMessagesItemRole
    text: str
    timestamp: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role = self.role.value

        text = self.text

        timestamp: None | str
        timestamp = self.timestamp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "text": text,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        role = ChatHistoryMessagesItemRole(d.pop("role"))

        text = d.pop("text")

        def _parse_timestamp(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        timestamp = _parse_timestamp(d.pop("timestamp"))

        chat_history_messages_item = cls(
            role=role,
            text=text,
            timestamp=timestamp,
        )

        chat_history_messages_item.additional_properties = d
        return chat_history_messages_item

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
