from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.edge_out_condition_mapping_type_0 import EdgeOutConditionMappingType0


T = TypeVar("T", bound="EdgeOut")


@_attrs_define
class EdgeOut:
    """
    Attributes:
        id (int):
        source_node_id (str):
        target_node_id (str):
        edge_type (str):
        edge_label (str):
        condition_mapping (EdgeOutConditionMappingType0 | None):
        condition_value (str):
        priority (int):
    """

    id: int
    source_node_id: str
    target_node_id: str
    edge_type: str
    edge_label: str
    condition_mapping: EdgeOutConditionMappingType0 | None
    condition_value: str
    priority: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.edge_out_condition_mapping_type_0 import (
            EdgeOutConditionMappingType0,
        )

        id = self.id

        source_node_id = self.source_node_id

        target_node_id = self.target_node_id

        edge_type = self.edge_type

        edge_label = self.edge_label

        condition_mapping: dict[str, Any] | None
        if isinstance(self.condition_mapping, EdgeOutConditionMappingType0):
            condition_mapping = self.condition_mapping.to_dict()
        else:
            condition_mapping = self.condition_mapping

        condition_value = self.condition_value

        priority = self.priority

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "source_node_id": source_node_id,
                "target_node_id": target_node_id,
                "edge_type": edge_type,
                "edge_label": edge_label,
                "condition_mapping": condition_mapping,
                "condition_value": condition_value,
                "priority": priority,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.edge_out_condition_mapping_type_0 import (
            EdgeOutConditionMappingType0,
        )

        d = dict(src_dict)
        id = d.pop("id")

        source_node_id = d.pop("source_node_id")

        target_node_id = d.pop("target_node_id")

        edge_type = d.pop("edge_type")

        edge_label = d.pop("edge_label")

        def _parse_condition_mapping(data: object) -> EdgeOutConditionMappingType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_mapping_type_0 = EdgeOutConditionMappingType0.from_dict(data)

                return condition_mapping_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EdgeOutConditionMappingType0 | None, data)

        condition_mapping = _parse_condition_mapping(d.pop("condition_mapping"))

        condition_value = d.pop("condition_value")

        priority = d.pop("priority")

        edge_out = cls(
            id=id,
            source_node_id=source_node_id,
            target_node_id=target_node_id,
            edge_type=edge_type,
            edge_label=edge_label,
            condition_mapping=condition_mapping,
            condition_value=condition_value,
            priority=priority,
        )

        edge_out.additional_properties = d
        return edge_out

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
