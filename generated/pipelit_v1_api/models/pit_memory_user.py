from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PitMemoryUser")


@_attrs_define
class PitMemoryUser:
    """
    Attributes:
        id (str):
        canonical_id (str):
        total_conversations (int):
        last_seen_at (None | str):
        created_at (None | str):
        display_name (None | str | Unset):
        telegram_id (None | str | Unset):
        email (None | str | Unset):
    """

    id: str
    canonical_id: str
    total_conversations: int
    last_seen_at: None | str
    created_at: None | str
    display_name: None | str | Unset = UNSET
    telegram_id: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        canonical_id = self.canonical_id

        total_conversations = self.total_conversations

        last_seen_at: None | str
        last_seen_at = self.last_seen_at

        created_at: None | str
        created_at = self.created_at

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        telegram_id: None | str | Unset
        if isinstance(self.telegram_id, Unset):
            telegram_id = UNSET
        else:
            telegram_id = self.telegram_id

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "canonical_id": canonical_id,
                "total_conversations": total_conversations,
                "last_seen_at": last_seen_at,
                "created_at": created_at,
            }
        )
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if telegram_id is not UNSET:
            field_dict["telegram_id"] = telegram_id
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        canonical_id = d.pop("canonical_id")

        total_conversations = d.pop("total_conversations")

        def _parse_last_seen_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_seen_at = _parse_last_seen_at(d.pop("last_seen_at"))

        def _parse_created_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_at = _parse_created_at(d.pop("created_at"))

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_telegram_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        telegram_id = _parse_telegram_id(d.pop("telegram_id", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        pit_memory_user = cls(
            id=id,
            canonical_id=canonical_id,
            total_conversations=total_conversations,
            last_seen_at=last_seen_at,
            created_at=created_at,
            display_name=display_name,
            telegram_id=telegram_id,
            email=email,
        )

        pit_memory_user.additional_properties = d
        return pit_memory_user

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
