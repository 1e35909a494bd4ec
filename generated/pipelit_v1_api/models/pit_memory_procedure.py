from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PitMemoryProcedure")


@_attrs_define
class PitMemoryProcedure:
    """
    Attributes:
        id (str):
        agent_id (str):
        name (str):
        description (str):
        procedure_type (str):
        times_used (int):
        times_succeeded (int):
        times_failed (int):
        success_rate (float):
        is_active (bool):
        created_at (None | str):
    """

    id: str
    agent_id: str
    name: str
    description: str
    procedure_type: str
    times_used: int
    times_succeeded: int
    times_failed: int
    success_rate: float
    is_active: bool
    created_at: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        agent_id = self.agent_id

        name = self.name

        description = self.description

        procedure_type = self.procedure_type

        times_used = self.times_used

        times_succeeded = self.times_succeeded

        times_failed = self.times_failed

        success_rate = self.success_rate

        is_active = self.is_active

        created_at: None | str
        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "agent_id": agent_id,
                "name": name,
                "description": description,
                "procedure_type": procedure_type,
                "times_used": times_used,
                "times_succeeded": times_succeeded,
                "times_failed": times_failed,
                "success_rate": success_rate,
                "is_active": is_active,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        agent_id = d.pop("agent_id")

        name = d.pop("name")

        description = d.pop("description")

        procedure_type = d.pop("procedure_type")

        times_used = d.pop("times_used")

        times_succeeded = d.pop("times_succeeded")

        times_failed = d.pop("times_failed")

        success_rate = d.pop("success_rate")

        is_active = d.pop("is_active")

        def _parse_created_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_at = _parse_created_at(d.pop("created_at"))

        pit_memory_procedure = cls(
            id=id,
            agent_id=agent_id,
            name=name,
            description=description,
            procedure_type=procedure_type,
            times_used=times_used,
            times_succeeded=times_succeeded,
            times_failed=times_failed,
            success_rate=success_rate,
            is_active=is_active,
            created_at=created_at,
        )

        pit_memory_procedure.additional_properties = d
        return pit_memory_procedure

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
