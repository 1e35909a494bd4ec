from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PipelineTaskDetailChildTask")


@_attrs_define
class PipelineTaskDetailChildTask:
    """
    Attributes:
        task_id (str | Unset):
        pod_name (str | Unset):
    """

    task_id: str | Unset = UNSET
    pod_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        pod_name = self.pod_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if pod_name is not UNSET:
            field_dict["pod_name"] = pod_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        task_id = d.pop("task_id", UNSET)

        pod_name = d.pop("pod_name", UNSET)

        pipeline_task_detail_child_task = cls(
            task_id=task_id,
            pod_name=pod_name,
        )

        pipeline_task_detail_child_task.additional_properties = d
        return pipeline_task_detail_child_task

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
