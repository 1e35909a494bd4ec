from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="V2Beta1PipelineVersionReference")


@_attrs_define
class V2Beta1PipelineVersionReference:
    """
    Attributes:
        pipeline_id (str | Unset):
        pipeline_version_id (str | Unset): Empty means the pipeline's latest version.
    """

    pipeline_id: str | Unset = UNSET
    pipeline_version_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pipeline_id = self.pipeline_id

        pipeline_version_id = self.pipeline_version_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pipeline_id is not UNSET:
            field_dict["pipeline_id"] = pipeline_id
        if pipeline_version_id is not UNSET:
            field_dict["pipeline_version_id"] = pipeline_version_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        pipeline_id = d.pop("pipeline_id", UNSET)

        pipeline_version_id = d.pop("pipeline_version_id", UNSET)

        v2_beta_1_pipeline_version_reference = cls(
            pipeline_id=pipeline_id,
            pipeline_version_id=pipeline_version_id,
        )

        v2_beta_1_pipeline_version_reference.additional_properties = d
        return v2_beta_1_pipeline_version_reference

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
