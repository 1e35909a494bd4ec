from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.schedule_out_status import ScheduleOutStatus

if TYPE_CHECKING:
    from ..models.schedule_out_trigger_payload_type_0 import (
        ScheduleOutTriggerPayloadType0,
    )


T = TypeVar("T", bound="ScheduleOut")


@_attrs_define
class ScheduleOut:
    """
    Attributes:
        id (str):
        name (str):
        description (str):
        workflow_id (int):
        trigger_node_id (None | str):
        user_profile_id (int):
        interval_seconds (int):
        total_repeats (int):
        max_retries (int):
        timeout_seconds (int):
        trigger_payload (None | ScheduleOutTriggerPayloadType0):
        status (ScheduleOutStatus):
        current_repeat (int):
        current_retry (int):
        last_run_at (None | str):
        next_run_at (None | str):
        run_count (int):
        error_count (int):
        last_error (str):
        created_at (str):
        updated_at (str):
    """

    id: str
    name: str
    description: str
    workflow_id: int
    trigger_node_id: None | str
    user_profile_id: int
    interval_seconds: int
    total_repeats: int
    max_retries: int
    timeout_seconds: int
    trigger_payload: None | ScheduleOutTriggerPayloadType0
    status: ScheduleOutStatus
    current_repeat: int
    current_retry: int
    last_run_at: None | str
    next_run_at: None | str
    run_count: int
    error_count: int
    last_error: str
    created_at: str
    updated_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.schedule_out_trigger_payload_type_0 import (
            ScheduleOutTriggerPayloadType0,
        )

        id = self.id

        name = self.name

        description = self.description

        workflow_id = self.workflow_id

        trigger_node_id: None | str
        trigger_node_id = self.trigger_node_id

        user_profile_id = self.user_profile_id

        interval_seconds = self.interval_seconds

        total_repeats = self.total_repeats

        max_retries = self.max_retries

        timeout_seconds = self.timeout_seconds

        trigger_payload: dict[str, Any] | None
        if isinstance(self.trigger_payload, ScheduleOutTriggerPayloadType0):
            trigger_payload = self.trigger_payload.to_dict()
        else:
            trigger_payload = self.trigger_payload

        status = self.status.value

        current_repeat = self.current_repeat

        current_retry = self.current_retry

        last_run_at: None | str
        last_run_at = self.last_run_at

        next_run_at: None | str
        next_run_at = self.next_run_at

        run_count = self.run_count

        error_count = self.error_count

        last_error = self.last_error

        created_at = self.created_at

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "workflow_id": workflow_id,
                "trigger_node_id": trigger_node_id,
                "user_profile_id": user_profile_id,
                "interval_seconds": interval_seconds,
                "total_repeats": total_repeats,
                "max_retries": max_retries,
                "timeout_seconds": timeout_seconds,
                "trigger_payload": trigger_payload,
                "status": status,
                "current_repeat": current_repeat,
                "current_retry": current_retry,
                "last_run_at": last_run_at,
                "next_run_at": next_run_at,
                "run_count": run_count,
                "error_count": error_count,
                "last_error": last_error,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.schedule_out_trigger_payload_type_0 import (
            ScheduleOutTriggerPayloadType0,
        )

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        description = d.pop("description")

        workflow_id = d.pop("workflow_id")

        def _parse_trigger_node_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        trigger_node_id = _parse_trigger_node_id(d.pop("trigger_node_id"))

        user_profile_id = d.pop("user_profile_id")

        interval_seconds = d.pop("interval_seconds")

        total_repeats = d.pop("total_repeats")

        max_retries = d.pop("max_retries")

        timeout_seconds = d.pop("timeout_seconds")

        def _parse_trigger_payload(data: object) -> None | ScheduleOutTriggerPayloadType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trigger_payload_type_0 = ScheduleOutTriggerPayloadType0.from_dict(data)

                return trigger_payload_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScheduleOutTriggerPayloadType0, data)

        trigger_payload = _parse_trigger_payload(d.pop("trigger_payload"))

        status = ScheduleOutStatus(d.pop("status"))

        current_repeat = d.pop("current_repeat")

        current_retry = d.pop("current_retry")

        def _parse_last_run_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_run_at = _parse_last_run_at(d.pop("last_run_at"))

        def _parse_next_run_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_run_at = _parse_next_run_at(d.pop("next_run_at"))

        run_count = d.pop("run_count")

        error_count = d.pop("error_count")

        last_error = d.pop("last_error")

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        schedule_out = cls(
            id=id,
            name=name,
            description=description,
            workflow_id=workflow_id,
            trigger_node_id=trigger_node_id,
            user_profile_id=user_profile_id,
            interval_seconds=interval_seconds,
            total_repeats=total_repeats,
            max_retries=max_retries,
            timeout_seconds=timeout_seconds,
            trigger_payload=trigger_payload,
            status=status,
            current_repeat=current_repeat,
            current_retry=current_retry,
            last_run_at=last_run_at,
            next_run_at=next_run_at,
            run_count=run_count,
            error_count=error_count,
            last_error=last_error,
            created_at=created_at,
            updated_at=updated_at,
        )

        schedule_out.additional_properties = d
        return schedule_out

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
