from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.schedule_update_trigger_payload_type_0 import (
        ScheduleUpdateTriggerPayloadType0,
    )


T = TypeVar("T", bound="ScheduleUpdate")


@_attrs_define
class ScheduleUpdate:
    """
    Attributes:
        name (None | str | Unset):
        description (None | str | Unset):
        interval_seconds (int | None | Unset):
        total_repeats (int | None | Unset):
        max_retries (int | None | Unset):
        timeout_seconds (int | None | Unset):
        trigger_payload (None | ScheduleUpdateTriggerPayloadType0 | Unset):
    """

    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    interval_seconds: int | None | Unset = UNSET
    total_repeats: int | None | Unset = UNSET
    max_retries: int | None | Unset = UNSET
    timeout_seconds: int | None | Unset = UNSET
    trigger_payload: None | ScheduleUpdateTriggerPayloadType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.schedule_update_trigger_payload_type_0 import (
            ScheduleUpdateTriggerPayloadType0,
        )

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        interval_seconds: int | None | Unset
        if isinstance(self.interval_seconds, Unset):
            interval_seconds = UNSET
        else:
            interval_seconds = self.interval_seconds

        total_repeats: int | None | Unset
        if isinstance(self.total_repeats, Unset):
            total_repeats = UNSET
        else:
            total_repeats = self.total_repeats

        max_retries: int | None | Unset
        if isinstance(self.max_retries, Unset):
            max_retries = UNSET
        else:
            max_retries = self.max_retries

        timeout_seconds: int | None | Unset
        if isinstance(self.timeout_seconds, Unset):
            timeout_seconds = UNSET
        else:
            timeout_seconds = self.timeout_seconds

        trigger_payload: dict[str, Any] | None | Unset
        if isinstance(self.trigger_payload, Unset):
            trigger_payload = UNSET
        elif isinstance(self.trigger_payload, ScheduleUpdateTriggerPayloadType0):
            trigger_payload = self.trigger_payload.to_dict()
        else:
            trigger_payload = self.trigger_payload

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if interval_seconds is not UNSET:
            field_dict["interval_seconds"] = interval_seconds
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
        from ..models.schedule_update_trigger_payload_type_0 import (
            ScheduleUpdateTriggerPayloadType0,
        )

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_interval_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        interval_seconds = _parse_interval_seconds(d.pop("interval_seconds", UNSET))

        def _parse_total_repeats(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_repeats = _parse_total_repeats(d.pop("total_repeats", UNSET))

        def _parse_max_retries(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_retries = _parse_max_retries(d.pop("max_retries", UNSET))

        def _parse_timeout_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        timeout_seconds = _parse_timeout_seconds(d.pop("timeout_seconds", UNSET))

        def _parse_trigger_payload(
            data: object,
        ) -> None | ScheduleUpdateTriggerPayloadType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trigger_payload_type_0 = ScheduleUpdateTriggerPayloadType0.from_dict(data)

                return trigger_payload_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScheduleUpdateTriggerPayloadType0 | Unset, data)

        trigger_payload = _parse_trigger_payload(d.pop("trigger_payload", UNSET))

        schedule_update = cls(
            name=name,
            description=description,
            interval_seconds=interval_seconds,
            total_repeats=total_repeats,
            max_retries=max_retries,
            timeout_seconds=timeout_seconds,
            trigger_payload=trigger_payload,
        )

        schedule_update.additional_properties = d
        return schedule_update

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
