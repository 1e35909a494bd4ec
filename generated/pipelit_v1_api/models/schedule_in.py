from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.schedule_in_trigger_payload_type_0 import ScheduleInTriggerPayloadType0


T = TypeVar("T", bound="ScheduleIn")


@_attrs_define
class ScheduleIn:
    """
    Attributes:
        name (str):
        workflow_id (int):
        interval_seconds (int): >= 1 (else 422 "Value error, interval_seconds must be >= 1")
        description (str | Unset):
        trigger_node_id (None | str | Unset):
        total_repeats (int | Unset): >= 0; 0 repeats forever Default: 0.
        max_retries (int | Unset): >= 0 Default: 3.
        timeout_seconds (int | Unset): >= 1 Default: 600.
        trigger_payload (None | ScheduleInTriggerPayloadType0 | Unset):
    """

    name: str
    workflow_id: int
    interval_seconds: int
    description: str | Unset = UNSET
    trigger_node_id: None | str | Unset = UNSET
    total_repeats: int | Unset = 0
    max_retries: int | Unset = 3
    timeout_seconds: int | Unset = 600
    trigger_payload: None | ScheduleInTriggerPayloadType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.schedule_in_trigger_payload_type_0 import (
            ScheduleInTriggerPayloadType0,
        )

        name = self.name

        workflow_id = self.workflow_id

        interval_seconds = self.interval_seconds

        description = self.description

        trigger_node_id: None | str | Unset
        if isinstance(self.trigger_node_id, Unset):
            trigger_node_id = UNSET
        else:
            trigger_node_id = self.trigger_node_id

        total_repeats = self.total_repeats

        max_retries = self.max_retries

        timeout_seconds = self.timeout_seconds

        trigger_payload: dict[str, Any] | None | Unset
        if isinstance(self.trigger_payload, Unset):
            trigger_payload = UNSET
        elif isinstance(self.trigger_payload, ScheduleInTriggerPayloadType0):
            trigger_payload = self.trigger_payload.to_dict()
        else:
            trigger_payload = self.trigger_payload

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "workflow_id": workflow_id,
                "interval_seconds": interval_seconds,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if trigger_node_id is not UNSET:
            field_dict["trigger_node_id"] = trigger_node_id
        if total_repeats is not UNSET:
            field_dict["total_repeats"] = total_repeats
        if max_retries is not UNSET:
            field_dict["max_retries"] = max_retries
        if timeout_seconds is not UNSET:
            field_dict["timeout_seconds"] = timeout_seconds
        if trigger_payload is not UNSET:
            field_dict["trigger_payload"] = trigger_payload

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.schedule_in_trigger_payload_type_0 import (
            ScheduleInTriggerPayloadType0,
        )

        d = dict(src_dict)
        name = d.pop("name")

        workflow_id = d.pop("workflow_id")

        interval_seconds = d.pop("interval_seconds")

        description = d.pop("description", UNSET)

        def _parse_trigger_node_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trigger_node_id = _parse_trigger_node_id(d.pop("trigger_node_id", UNSET))

        total_repeats = d.pop("total_repeats", UNSET)

        max_retries = d.pop("max_retries", UNSET)

        timeout_seconds = d.pop("timeout_seconds", UNSET)

        def _parse_trigger_payload(data: object) -> None | ScheduleInTriggerPayloadType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trigger_payload_type_0 = ScheduleInTriggerPayloadType0.from_dict(data)

                return trigger_payload_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScheduleInTriggerPayloadType0 | Unset, data)

        trigger_payload = _parse_trigger_payload(d.pop("trigger_payload", UNSET))

        schedule_in = cls(
            name=name,
            workflow_id=workflow_id,
            interval_seconds=interval_seconds,
            description=description,
            trigger_node_id=trigger_node_id,
            total_repeats=total_repeats,
            max_retries=max_retries,
            timeout_seconds=timeout_seconds,
            trigger_payload=trigger_payload,
        )

        schedule_in.additional_properties = d
        return schedule_in

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
