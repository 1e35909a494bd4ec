from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v2_beta_1_pipeline_version import V2Beta1PipelineVersion


T = TypeVar("T", bound="V2Beta1ListPipelineVersionsResponse")


@_attrs_define
class V2Beta1ListPipelineVersionsResponse:
    """
    Attributes:
        pipeline_versions (list[V2Beta1PipelineVersion] | Unset):
        next_page_token (str | Unset):
        total_size (int | Unset):
    """

    pipeline_versions: list[V2Beta1PipelineVersion] | Unset = UNSET
    next_page_token: str | Unset = UNSET
    total_size: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pipeline_versions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.pipeline_versions, Unset):
            pipeline_versions = []
            for pipeline_versions_item_data in self.pipeline_versions:
                pipeline_versions_item = pipeline_versions_item_data.to_dict()
                pipeline_versions.append(pipeline_versions_item)

        next_page_token = self.next_page_token

        total_size = self.total_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pipeline_versions is not UNSET:
            field_dict["pipeline_versions"] = pipeline_versions
        if next_page_token is not UNSET:
            field_dict["next_page_token"] = next_page_token
        if total_size is not UNSET:
            field_dict["total_size"] = total_size

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v2_beta_1_pipeline_version import V2Beta1PipelineVersion

        d = dict(src_dict)
        _pipeline_versions = d.pop("pipeline_versions", UNSET)
        pipeline_versions: list[V2Beta1PipelineVersion] | Unset = UNSET
        if _pipeline_versions is not UNSET:
            pipeline_versions = []
            for pipeline_versions_item_data in _pipeline_versions:
                pipeline_versions_item = V2Beta1PipelineVersion.from_dict(
                    pipeline_versions_item_data
                )

                pipeline_versions.append(pipeline_versions_item)

        next_page_token = d.pop("next_page_token", UNSET)

        total_size = d.pop("total_size", UNSET)

        v2_beta_1_list_pipeline_versions_response = cls(
            pipeline_versions=pipeline_versions,
            next_page_token=next_page_token,
            total_size=total_size,
        )

        v2_beta_1_list_pipeline_versions_response.additional_properties = d
        return v2_beta_1_list_pipeline_versions_response

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
