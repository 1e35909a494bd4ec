from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.node_config_out import NodeConfigOut
    from ..models.schedule_job_info_type_0 import ScheduleJobInfoType0


T = TypeVar("T", bound="NodeOut")


@_attrs_define
class NodeOut:
    """
    Attributes:
        id (int):
        node_id (str):
        label (None | str):
        component_type (str):
        is_entry_point (bool):
        interrupt_before (bool):
        interrupt_after (bool):
        position_x (int):
        position_y (int):
        config (NodeConfigOut):
        subworkflow_id (int | None):
        code_block_id (int | None):
        updated_at (str):
        schedule_job (None | ScheduleJobInfoType0): The schedule job of a trigger_schedule node (null on other nodes)
    """

    id: int
    node_id: str
    label: None | str
    component_type: str
    is_entry_point: bool
    interrupt_before: bool
    interrupt_after: bool
    position_x: int
    position_y: int
    config: NodeConfigOut
    subworkflow_id: int | None
    code_block_id: int | None
    updated_at: str
    schedule_job: None | ScheduleJobInfoType0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.schedule_job_info_type_0 import ScheduleJobInfoType0

        id = self.id

        node_id = self.node_id

        label: None | str
        label = self.label

        component_type = self.component_type

        is_entry_point = self.is_entry_point

        interrupt_before = self.interrupt_before

        interrupt_after = self.interrupt_after

        position_x = self.position_x

        position_y = self.position_y

        config = self.config.to_dict()

        subworkflow_id: int | None
        subworkflow_id = self.subworkflow_id

        code_block_id: int | None
        code_block_id = self.code_block_id

        updated_at = self.updated_at

        schedule_job: dict[str, Any] | None
        if isinstance(self.schedule_job, ScheduleJobInfoType0):
            schedule_job = self.schedule_job.to_dict()
        else:
            schedule_job = self.schedule_job

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "node_id": node_id,
                "label": label,
                "component_type": component_type,
                "is_entry_point": is_entry_point,
                "interrupt_before": interrupt_before,
                "interrupt_after": interrupt_after,
                "position_x": position_x,
                "position_y": position_y,
                "config": config,
                "subworkflow_id": subworkflow_id,
                "code_block_id": code_block_id,
                "updated_at": updated_at,
                "schedule_job": schedule_job,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.node_config_out import NodeConfigOut
        from ..models.schedule_job_info_type_0 import ScheduleJobInfoType0

        d = dict(src_dict)
        id = d.pop("id")

        node_id = d.pop("node_id")

        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))

        component_type = d.pop("component_type")

        is_entry_point = d.pop("is_entry_point")

        interrupt_before = d.pop("interrupt_before")

        interrupt_after = d.pop("interrupt_after")

        position_x = d.pop("position_x")

        position_y = d.pop("position_y")

        config = NodeConfigOut.from_dict(d.pop("config"))

        def _parse_subworkflow_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        subworkflow_id = _parse_subworkflow_id(d.pop("subworkflow_id"))

        def _parse_code_block_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        code_block_id = _parse_code_block_id(d.pop("code_block_id"))

        updated_at = d.pop("updated_at")

        def _parse_schedule_job(data: object) -> None | ScheduleJobInfoType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_schedule_job_info_type_0 = ScheduleJobInfoType0.from_dict(data)

                return componentsschemas_schedule_job_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScheduleJobInfoType0, data)

        schedule_job = _parse_schedule_job(d.pop("schedule_job"))

        node_out = cls(
            id=id,
            node_id=node_id,
            label=label,
            component_type=component_type,
            is_entry_point=is_entry_point,
            interrupt_before=interrupt_before,
            interrupt_after=interrupt_after,
            position_x=position_x,
            position_y=position_y,
            config=config,
            subworkflow_id=subworkflow_id,
            code_block_id=code_block_id,
            updated_at=updated_at,
            schedule_job=schedule_job,
        )

        node_out.additional_properties = d
        return node_out

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
