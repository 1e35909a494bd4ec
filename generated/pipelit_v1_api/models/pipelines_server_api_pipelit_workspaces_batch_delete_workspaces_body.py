from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PipelinesServerApiPipelitWorkspacesBatchDeleteWorkspacesBody")


@_attrs_define
class PipelinesServerApiPipelitWorkspacesBatchDeleteWorkspacesBody:
    """
    Attributes:
        ids (list[int]):
    """

    ids: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ids = self.ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ids": ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ids = cast(list[int], d.pop("ids"))

        pipelines_server_api_pipelit_workspaces_batch_delete_workspaces_body = cls(
            ids=ids,
        )

        pipelines_server_api_pipelit_workspaces_batch_delete_workspaces_body.additional_properties = d
        return pipelines_server_api_pipelit_workspaces_batch_delete_workspaces_body

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
