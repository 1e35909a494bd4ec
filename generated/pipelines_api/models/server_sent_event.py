from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServerSentEvent")


@_attrs_define
class ServerSentEvent:
    """One message of the `text/event-stream` (the schema describes each message, as OpenAPI 3.2's `itemSchema` does; a
    `retry:` line and `: keep-alive` comments are not messages).

        Attributes:
            event (str): The event's type, or `stream.closed` for the last message of a stream that the server ended.
                Example: node.finished.
            data (str): A TimelineEvent as JSON; for `stream.closed`, `{"detail": "<why>"}`.
            id (str | Unset): The event's id (TimelineEvent.id), to resume from; absent on `stream.closed`. Example: 42.
    """

    event: str
    data: str
    id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event = self.event

        data = self.data

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event": event,
                "data": data,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        event = d.pop("event")

        data = d.pop("data")

        id = d.pop("id", UNSET)

        server_sent_event = cls(
            event=event,
            data=data,
            id=id,
        )

        server_sent_event.additional_properties = d
        return server_sent_event

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
