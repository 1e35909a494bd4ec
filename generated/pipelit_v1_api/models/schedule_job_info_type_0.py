from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ScheduleJobInfoType0")


@_attrs_define
class ScheduleJobInfoType0:
    """The schedule job of a trigger_schedule node (null on other nodes)

    Attributes:
        id (str):
        status (str):
        run_count (int):
        error_count (int):
        current_repeat (int):
        current_retry (int):
        total_repeats (int):
        max_retries (int):
        timeout_seconds (int):
        interval_seconds (int):
        last_run_at (None | str):
        next_run_at (None | str):
        last_error (str):
        created_at (None | str):
    """

    id: str
    status: str
    run_count: int
    error_count: int
    current_repeat: int
    current_retry: int
    total_repeats: int
    max_retries: int
    timeout_seconds: int
    interval_seconds: int
    last_run_at: None | str
    next_run_at: None | str
    last_error: str
    created_at: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        run_count = self.run_count

        error_count = self.error_count

        current_repeat = self.current_repeat

        current_retry = self.current_retry

        total_repeats = self.total_repeats

        max_retries = self.max_retries

        timeout_seconds = self.timeout_seconds

        interval_seconds = self.interval_seconds

        last_run_at: None | str
        last_run_at = self.last_run_at

        next_run_at: None | str
        next_run_at = self.next_run_at

        last_error = self.last_error

        created_at: None | str
        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "run_count": run_count,
                "error_count": error_count,
                "current_repeat": current_repeat,
                "current_retry": current_retry,
                "total_repeats": total_repeats,
                "max_retries": max_retries,
                "timeout_seconds": timeout_seconds,
                "interval_seconds": interval_seconds,
                "last_run_at": last_run_at,
                "next_run_at": next_run_at,
                "last_error": last_error,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        run_count = d.pop("run_count")

        error_count = d.pop("error_count")

        current_repeat = d.pop("current_repeat")

        current_retry = d.pop("current_retry")

        total_repeats = d.pop("total_repeats")

        max_retries = d.pop("max_retries")

        timeout_seconds = d.pop("timeout_seconds")

        interval_seconds = d.pop("interval_seconds")

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

        last_error = d.pop("last_error")

        def _parse_created_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_at = _parse_created_at(d.pop("created_at"))

        schedule_job_info_type_0 = cls(
            id=id,
            status=status,
            run_count=run_count,
            error_count=error_count,
            current_repeat=current_repeat,
            current_retry=current_retry,
            total_repeats=total_repeats,
            max_retries=max_retries,
            timeout_seconds=timeout_seconds,
            interval_seconds=interval_seconds,
            last_run_at=last_run_at,
            next_run_at=next_run_at,
            last_error=last_error,
            created_at=created_at,
        )

        schedule_job_info_type_0.additional_properties = d
        return schedule_job_info_type_0

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
