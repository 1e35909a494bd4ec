from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.v2_beta_1_pipeline import V2Beta1Pipeline
    from ..models.v2_beta_1_pipeline_version import V2Beta1PipelineVersion


T = TypeVar("T", bound="V2Beta1CreatePipelineAndVersionRequest")


@_attrs_define
class V2Beta1CreatePipelineAndVersionRequest:
    """
    Attributes:
        pipeline (V2Beta1Pipeline):
        pipeline_version (V2Beta1PipelineVersion):
    """

    pipeline: V2Beta1Pipeline
    pipeline_version: V2Beta1PipelineVersion
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pipeline = self.pipeline.to_dict()

        pipeline_version = self.pipeline_version.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pipeline": pipeline,
                "pipeline_version": pipeline_version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v2_beta_1_pipeline import V2Beta1Pipeline
        from ..models.v2_beta_1_pipeline_version import V2Beta1PipelineVersion

        d = dict(src_dict)
        pipeline = V2Beta1Pipeline.from_dict(d.pop("pipeline"))

        pipeline_version = V2Beta1PipelineVersion.from_dict(d.pop("pipeline_version"))

        v2_beta_1_create_pipeline_and_version_request = cls(
            pipeline=pipeline,
            pipeline_version=pipeline_version,
        )

        v2_beta_1_create_pipeline_and_version_request.additional_properties = d
        return v2_beta_1_create_pipeline_and_version_request

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
