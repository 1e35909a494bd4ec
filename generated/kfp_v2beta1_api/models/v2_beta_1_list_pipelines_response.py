from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v2_beta_1_pipeline import V2Beta1Pipeline


T = TypeVar("T", bound="V2Beta1ListPipelinesResponse")


@_attrs_define
class V2Beta1ListPipelinesResponse:
    """
    Attributes:
        pipelines (list[V2Beta1Pipeline] | Unset):
        total_size (int | Unset):
        next_page_token (str | Unset):
    """

    pipelines: list[V2Beta1Pipeline] | Unset = UNSET
    total_size: int | Unset = UNSET
    next_page_token: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pipelines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.pipelines, Unset):
            pipelines = []
            for pipelines_item_data in self.pipelines:
                pipelines_item = pipelines_item_data.to_dict()
                pipelines.append(pipelines_item)

        total_size = self.total_size

        next_page_token = self.next_page_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pipelines is not UNSET:
            field_dict["pipelines"] = pipelines
        if total_size is not UNSET:
            field_dict["total_size"] = total_size
        if next_page_token is not UNSET:
            field_dict["next_page_token"] = next_page_token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v2_beta_1_pipeline import V2Beta1Pipeline

        d = dict(src_dict)
        _pipelines = d.pop("pipelines", UNSET)
        pipelines: list[V2Beta1Pipeline] | Unset = UNSET
        if _pipelines is not UNSET:
            pipelines = []
            for pipelines_item_data in _pipelines:
                pipelines_item = V2Beta1Pipeline.from_dict(pipelines_item_data)

                pipelines.append(pipelines_item)

        total_size = d.pop("total_size", UNSET)

        next_page_token = d.pop("next_page_token", UNSET)

        v2_beta_1_list_pipelines_response = cls(
            pipelines=pipelines,
            total_size=total_size,
            next_page_token=next_page_token,
        )

        v2_beta_1_list_pipelines_response.additional_properties = d
        return v2_beta_1_list_pipelines_response

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
