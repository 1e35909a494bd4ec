from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v2_beta_1_cron_schedule import V2Beta1CronSchedule
    from ..models.v2_beta_1_periodic_schedule import V2Beta1PeriodicSchedule


T = TypeVar("T", bound="V2Beta1Trigger")


@_attrs_define
class V2Beta1Trigger:
    """
    Attributes:
        cron_schedule (V2Beta1CronSchedule | Unset):
        periodic_schedule (V2Beta1PeriodicSchedule | Unset):
    """

    cron_schedule: V2Beta1CronSchedule | Unset = UNSET
    periodic_schedule: V2Beta1PeriodicSchedule | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cron_schedule: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cron_schedule, Unset):
            cron_schedule = self.cron_schedule.to_dict()

        periodic_schedule: dict[str, Any] | Unset = UNSET
        if not isinstance(self.periodic_schedule, Unset):
            periodic_schedule = self.periodic_schedule.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cron_schedule is not UNSET:
            field_dict["cron_schedule"] = cron_schedule
        if periodic_schedule is not UNSET:
            field_dict["periodic_schedule"] = periodic_schedule

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v2_beta_1_cron_schedule import V2Beta1CronSchedule
        from ..models.v2_beta_1_periodic_schedule import V2Beta1PeriodicSchedule

        d = dict(src_dict)
        _cron_schedule = d.pop("cron_schedule", UNSET)
        cron_schedule: V2Beta1CronSchedule | Unset
        if isinstance(_cron_schedule, Unset):
            cron_schedule = UNSET
        else:
            cron_schedule = V2Beta1CronSchedule.from_dict(_cron_schedule)

        _periodic_schedule = d.pop("periodic_schedule", UNSET)
        periodic_schedule: V2Beta1PeriodicSchedule | Unset
        if isinstance(_periodic_schedule, Unset):
            periodic_schedule = UNSET
        else:
            periodic_schedule = V2Beta1PeriodicSchedule.from_dict(_periodic_schedule)

        v2_beta_1_trigger = cls(
            cron_schedule=cron_schedule,
            periodic_schedule=periodic_schedule,
        )

        v2_beta_1_trigger.additional_properties = d
        return v2_beta_1_trigger

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
