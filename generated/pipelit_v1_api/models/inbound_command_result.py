from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.inbound_command_result_status import InboundCommandResultStatus

T = TypeVar("T", bound="InboundCommandResult")


@_attrs_define
class InboundCommandResult:
    """
    Attributes:
        status (InboundCommandResultStatus):
        task_id (str):
    """

    status: InboundCommandResultStatus
    task_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        task_id = self.task_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "task_id": task_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = InboundCommandResultStatus(d.pop("status"))

        task_id = d.pop("task_id")

        inbound_command_result = cls(
            status=status,
            task_id=task_id,
        )

        inbound_command_result.additional_properties = d
        return inbound_command_result

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
