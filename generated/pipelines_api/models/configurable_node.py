from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.configurable_node_kind import ConfigurableNodeKind

if TYPE_CHECKING:
    from ..models.configurable_field import ConfigurableField


T = TypeVar("T", bound="ConfigurableNode")


@_attrs_define
class ConfigurableNode:
    """
    Attributes:
        node_id (str): The graph node's id (what an override's `nodeId` names).
        name (str):
        kind (ConfigurableNodeKind):
        fields (list[ConfigurableField]):
    """

    node_id: str
    name: str
    kind: ConfigurableNodeKind
    fields: list[ConfigurableField]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        node_id = self.node_id

        name = self.name

        kind = self.kind.value

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nodeId": node_id,
                "name": name,
                "kind": kind,
                "fields": fields,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.configurable_field import ConfigurableField

        d = dict(src_dict)
        node_id = d.pop("nodeId")

        name = d.pop("name")

        kind = ConfigurableNodeKind(d.pop("kind"))

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = ConfigurableField.from_dict(fields_item_data)

            fields.append(fields_item)

        configurable_node = cls(
            node_id=node_id,
            name=name,
            kind=kind,
            fields=fields,
        )

        configurable_node.additional_properties = d
        return configurable_node

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
