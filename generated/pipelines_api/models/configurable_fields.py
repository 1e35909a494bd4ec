from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.configurable_node import ConfigurableNode


T = TypeVar("T", bound="ConfigurableFields")


@_attrs_define
class ConfigurableFields:
    """
    Attributes:
        workflow_id (int):
        project_id (int):
        workflow_version (int):
        nodes (list[ConfigurableNode]):
    """

    workflow_id: int
    project_id: int
    workflow_version: int
    nodes: list[ConfigurableNode]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        workflow_id = self.workflow_id

        project_id = self.project_id

        workflow_version = self.workflow_version

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "workflow_id": workflow_id,
                "project_id": project_id,
                "workflow_version": workflow_version,
                "nodes": nodes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.configurable_node import ConfigurableNode

        d = dict(src_dict)
        workflow_id = d.pop("workflow_id")

        project_id = d.pop("project_id")

        workflow_version = d.pop("workflow_version")

        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:
            nodes_item = ConfigurableNode.from_dict(nodes_item_data)

            nodes.append(nodes_item)

        configurable_fields = cls(
            workflow_id=workflow_id,
            project_id=project_id,
            workflow_version=workflow_version,
            nodes=nodes,
        )

        configurable_fields.additional_properties = d
        return configurable_fields

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
