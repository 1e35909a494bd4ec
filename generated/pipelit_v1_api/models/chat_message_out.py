from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_message_out_status import ChatMessageOutStatus

T = TypeVar("T", bound="ChatMessageOut")


@_attrs_define
class ChatMessageOut:
    """
    Attributes:
        execution_id (str):
        status (ChatMessageOutStatus):
        response (str):
    """

    execution_id: str
    status: ChatMessageOutStatus
    response: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        execution_id = self.execution_id

        status = self.status.value

        response = self.response

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "execution_id": execution_id,
                "status": status,
                "response": response,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        execution_id = d.pop("execution_id")

        status = ChatMessageOutStatus(d.pop("status"))

        response = d.pop("response")

        chat_message_out = cls(
            execution_id=execution_id,
            status=status,
            response=response,
        )

        chat_message_out.additional_properties = d
        return chat_message_out

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
