from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.edge_patch_edge_label import EdgePatchEdgeLabel
from ..models.edge_patch_edge_type import EdgePatchEdgeType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.edge_patch_condition_mapping_type_0 import (
        EdgePatchConditionMappingType0,
    )


T = TypeVar("T", bound="EdgePatch")


@_attrs_define
class EdgePatch:
    """The fields given change, unchecked

    Attributes:
        source_node_id (str | Unset):
        target_node_id (str | Unset):
        edge_type (EdgePatchEdgeType | Unset):
        edge_label (EdgePatchEdgeLabel | Unset):
        condition_mapping (EdgePatchConditionMappingType0 | None | Unset):
        condition_value (str | Unset):
        priority (int | Unset):
    """

    source_node_id: str | Unset = UNSET
    target_node_id: str | Unset = UNSET
    edge_type: EdgePatchEdgeType | Unset = UNSET
    edge_label: EdgePatchEdgeLabel | Unset = UNSET
    condition_mapping: EdgePatchConditionMappingType0 | None | Unset = UNSET
    condition_value: str | Unset = UNSET
    priority: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.edge_patch_condition_mapping_type_0 import (
            EdgePatchConditionMappingType0,
        )

        source_node_id = self.source_node_id

        target_node_id = self.target_node_id

        edge_type: str | Unset = UNSET
        if not isinstance(self.edge_type, Unset):
            edge_type = self.edge_type.value

        edge_label: str | Unset = UNSET
        if not isinstance(self.edge_label, Unset):
            edge_label = self.edge_label.value

        condition_mapping: dict[str, Any] | None | Unset
        if isinstance(self.condition_mapping, Unset):
            condition_mapping = UNSET
        elif isinstance(self.condition_mapping, EdgePatchConditionMappingType0):
            condition_mapping = self.condition_mapping.to_dict()
        else:
            condition_mapping = self.condition_mapping

        condition_value = self.condition_value

        priority = self.priority

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if source_node_id is not UNSET:
            field_dict["source_node_id"] = source_node_id
        if target_node_id is not UNSET:
            field_dict["target_node_id"] = target_node_id
        if edge_type is not UNSET:
            field_dict["edge_type"] = edge_type
        if edge_label is not UNSET:
            field_dict["edge_label"] = edge_label
        if condition_mapping is not UNSET:
            field_dict["condition_mapping"] = condition_mapping
        if condition_value is not UNSET:
            field_dict["condition_value"] = condition_value
        if priority is not UNSET:
            field_dict["priority"] = priority

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.edge_patch_condition_mapping_type_0 import (
            EdgePatchConditionMappingType0,
        )

        d = dict(src_dict)
        source_node_id = d.pop("source_node_id", UNSET)

        target_node_id = d.pop("target_node_id", UNSET)

        _edge_type = d.pop("edge_type", UNSET)
        edge_type: EdgePatchEdgeType | Unset
        if isinstance(_edge_type, Unset):
            edge_type = UNSET
        else:
            edge_type = EdgePatchEdgeType(_edge_type)

        _edge_label = d.pop("edge_label", UNSET)
        edge_label: EdgePatchEdgeLabel | Unset
        if isinstance(_edge_label, Unset):
            edge_label = UNSET
        else:
            edge_label = EdgePatchEdgeLabel(_edge_label)

        def _parse_condition_mapping(data: object) -> EdgePatchConditionMappingType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                condition_mapping_type_0 = EdgePatchConditionMappingType0.from_dict(data)

                return condition_mapping_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EdgePatchConditionMappingType0 | None | Unset, data)

        condition_mapping = _parse_condition_mapping(d.pop("condition_mapping", UNSET))

        condition_value = d.pop("condition_value", UNSET)

        priority = d.pop("priority", UNSET)

        edge_patch = cls(
            source_node_id=source_node_id,
            target_node_id=target_node_id,
            edge_type=edge_type,
            edge_label=edge_label,
            condition_mapping=condition_mapping,
            condition_value=condition_value,
            priority=priority,
        )

        edge_patch.additional_properties = d
        return edge_patch

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
