from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v2_beta_1_pipeline_task_detail import V2Beta1PipelineTaskDetail


T = TypeVar("T", bound="V2Beta1RunDetails")


@_attrs_define
class V2Beta1RunDetails:
    """
    Attributes:
        pipeline_context_id (str | Unset):
        pipeline_run_context_id (str | Unset):
        task_details (list[V2Beta1PipelineTaskDetail] | Unset):
    """

    pipeline_context_id: str | Unset = UNSET
    pipeline_run_context_id: str | Unset = UNSET
    task_details: list[V2Beta1PipelineTaskDetail] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pipeline_context_id = self.pipeline_context_id

        pipeline_run_context_id = self.pipeline_run_context_id

        task_details: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.task_details, Unset):
            task_details = []
            for task_details_item_data in self.task_details:
                task_details_item = task_details_item_data.to_dict()
                task_details.append(task_details_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pipeline_context_id is not UNSET:
            field_dict["pipeline_context_id"] = pipeline_context_id
        if pipeline_run_context_id is not UNSET:
            field_dict["pipeline_run_context_id"] = pipeline_run_context_id
        if task_details is not UNSET:
            field_dict["task_details"] = task_details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v2_beta_1_pipeline_task_detail import V2Beta1PipelineTaskDetail

        d = dict(src_dict)
        pipeline_context_id = d.pop("pipeline_context_id", UNSET)

        pipeline_run_context_id = d.pop("pipeline_run_context_id", UNSET)

        _task_details = d.pop("task_details", UNSET)
        task_details: list[V2Beta1PipelineTaskDetail] | Unset = UNSET
        if _task_details is not UNSET:
            task_details = []
            for task_details_item_data in _task_details:
                task_details_item = V2Beta1PipelineTaskDetail.from_dict(task_details_item_data)

                task_details.append(task_details_item)

        v2_beta_1_run_details = cls(
            pipeline_context_id=pipeline_context_id,
            pipeline_run_context_id=pipeline_run_context_id,
            task_details=task_details,
        )

        v2_beta_1_run_details.additional_properties = d
        return v2_beta_1_run_details

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
