from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PitMemoryFact")


@_attrs_define
class PitMemoryFact:
    """
    Attributes:
        id (str):
        scope (str):
        key (str):
        fact_type (str):
        confidence (float):
        times_confirmed (int):
        access_count (int):
        created_at (None | str):
        updated_at (None | str):
        agent_id (None | str | Unset):
        user_id (None | str | Unset):
        value (Any | Unset):
    """

    id: str
    scope: str
    key: str
    fact_type: str
    confidence: float
    times_confirmed: int
    access_count: int
    created_at: None | str
    updated_at: None | str
    agent_id: None | str | Unset = UNSET
    user_id: None | str | Unset = UNSET
    value: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        scope = self.scope

        key = self.key

        fact_type = self.fact_type

        confidence = self.confidence

        times_confirmed = self.times_confirmed

        access_count = self.access_count

        created_at: None | str
        created_at = self.created_at

        updated_at: None | str
        updated_at = self.updated_at

        agent_id: None | str | Unset
        if isinstance(self.agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = self.agent_id

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "scope": scope,
                "key": key,
                "fact_type": fact_type,
                "confidence": confidence,
                "times_confirmed": times_confirmed,
                "access_count": access_count,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        scope = d.pop("scope")

        key = d.pop("key")

        fact_type = d.pop("fact_type")

        confidence = d.pop("confidence")

        times_confirmed = d.pop("times_confirmed")

        access_count = d.pop("access_count")

        def _parse_created_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_at = _parse_created_at(d.pop("created_at"))

        def _parse_updated_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        def _parse_agent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agent_id = _parse_agent_id(d.pop("agent_id", UNSET))

        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        value = d.pop("value", UNSET)

        pit_memory_fact = cls(
            id=id,
            scope=scope,
            key=key,
            fact_type=fact_type,
            confidence=confidence,
            times_confirmed=times_confirmed,
            access_count=access_count,
            created_at=created_at,
            updated_at=updated_at,
            agent_id=agent_id,
            user_id=user_id,
            value=value,
        )

        pit_memory_fact.additional_properties = d
        return pit_memory_fact

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
