from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PipelinesServerApiPipelitWorkflowsBatchDeleteWorkflowsBody")


@_attrs_define
class PipelinesServerApiPipelitWorkflowsBatchDeleteWorkflowsBody:
    """
    Attributes:
        slugs (list[str]):
    """

    slugs: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slugs = self.slugs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slugs": slugs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        slugs = cast(list[str], d.pop("slugs"))

        pipelines_server_api_pipelit_workflows_batch_delete_workflows_body = cls(
            slugs=slugs,
        )

        pipelines_server_api_pipelit_workflows_batch_delete_workflows_body.additional_properties = d
        return pipelines_server_api_pipelit_workflows_batch_delete_workflows_body

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
