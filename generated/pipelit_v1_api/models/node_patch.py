from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.node_patch_component_type import NodePatchComponentType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.node_config import NodeConfig


T = TypeVar("T", bound="NodePatch")


@_attrs_define
class NodePatch:
    """The fields given change (config keys too)

    Attributes:
        node_id (str | Unset):
        label (None | str | Unset):
        component_type (NodePatchComponentType | Unset):
        is_entry_point (bool | Unset):
        interrupt_before (bool | Unset):
        interrupt_after (bool | Unset):
        position_x (int | Unset):
        position_y (int | Unset):
        config (NodeConfig | Unset): A node's config; a create keeps only what the node's kind keeps, a PATCH sets the
            keys
            given. `llm_model_config_id` is set by an `llm` edge only: the row id of the edge's
            source node (upstream's is the id of that node's config row).
        subworkflow_id (int | None | Unset):
        code_block_id (int | None | Unset):
    """

    node_id: str | Unset = UNSET
    label: None | str | Unset = UNSET
    component_type: NodePatchComponentType | Unset = UNSET
    is_entry_point: bool | Unset = UNSET
    interrupt_before: bool | Unset = UNSET
    interrupt_after: bool | Unset = UNSET
    position_x: int | Unset = UNSET
    position_y: int | Unset = UNSET
    config: NodeConfig | Unset = UNSET
    subworkflow_id: int | None | Unset = UNSET
    code_block_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        node_id = self.node_id

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        component_type: str | Unset = UNSET
        if not isinstance(self.component_type, Unset):
            component_type = self.component_type.value

        is_entry_point = self.is_entry_point

        interrupt_before = self.interrupt_before

        interrupt_after = self.interrupt_after

        position_x = self.position_x

        position_y = self.position_y

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        subworkflow_id: int | None | Unset
        if isinstance(self.subworkflow_id, Unset):
            subworkflow_id = UNSET
        else:
            subworkflow_id = self.subworkflow_id

        code_block_id: int | None | Unset
        if isinstance(self.code_block_id, Unset):
            code_block_id = UNSET
        else:
            code_block_id = self.code_block_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if node_id is not UNSET:
            field_dict["node_id"] = node_id
        if label is not UNSET:
            field_dict["label"] = label
        if component_type is not UNSET:
            field_dict["component_type"] = component_type
        if is_entry_point is not UNSET:
            field_dict["is_entry_point"] = is_entry_point
        if interrupt_before is not UNSET:
            field_dict["interrupt_before"] = interrupt_before
        if interrupt_after is not UNSET:
            field_dict["interrupt_after"] = interrupt_after
        if position_x is not UNSET:
            field_dict["position_x"] = position_x
        if position_y is not UNSET:
            field_dict["position_y"] = position_y
        if config is not UNSET:
            field_dict["config"] = config
        if subworkflow_id is not UNSET:
            field_dict["subworkflow_id"] = subworkflow_id
        if code_block_id is not UNSET:
            field_dict["code_block_id"] = code_block_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.node_config import NodeConfig

        d = dict(src_dict)
        node_id = d.pop("node_id", UNSET)

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        _component_type = d.pop("component_type", UNSET)
        component_type: NodePatchComponentType | Unset
        if isinstance(_component_type, Unset):
            component_type = UNSET
        else:
            component_type = NodePatchComponentType(_component_type)

        is_entry_point = d.pop("is_entry_point", UNSET)

        interrupt_before = d.pop("interrupt_before", UNSET)

        interrupt_after = d.pop("interrupt_after", UNSET)

        position_x = d.pop("position_x", UNSET)

        position_y = d.pop("position_y", UNSET)

        _config = d.pop("config", UNSET)
        config: NodeConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = NodeConfig.from_dict(_config)

        def _parse_subworkflow_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        subworkflow_id = _parse_subworkflow_id(d.pop("subworkflow_id", UNSET))

        def _parse_code_block_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        code_block_id = _parse_code_block_id(d.pop("code_block_id", UNSET))

        node_patch = cls(
            node_id=node_id,
            label=label,
            component_type=component_type,
            is_entry_point=is_entry_point,
            interrupt_before=interrupt_before,
            interrupt_after=interrupt_after,
            position_x=position_x,
            position_y=position_y,
            config=config,
            subworkflow_id=subworkflow_id,
            code_block_id=code_block_id,
        )

        node_patch.additional_properties = d
        return node_patch

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
