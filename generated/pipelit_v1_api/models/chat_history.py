from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.chat_history_messages_item import ChatHistoryMessagesItem


T = TypeVar("T", bound="ChatHistory")


@_attrs_define
class ChatHistory:
    """
    Attributes:
        messages (list[ChatHistoryMessagesItem]):
        thread_id (str):
        has_more (bool):
    """

    messages: list[ChatHistoryMessagesItem]
    thread_id: str
    has_more: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        thread_id = self.thread_id

        has_more = self.has_more

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messages": messages,
                "thread_id": thread_id,
                "has_more": has_more,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chat_history_messages_item import ChatHistoryMessagesItem

        d = dict(src_dict)
        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = ChatHistoryMessagesItem.from_dict(messages_item_data)

            messages.append(messages_item)

        thread_id = d.pop("thread_id")

        has_more = d.pop("has_more")

        chat_history = cls(
            messages=messages,
            thread_id=thread_id,
            has_more=has_more,
        )

        chat_history.additional_properties = d
        return chat_history

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
