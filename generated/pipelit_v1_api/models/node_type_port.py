from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.node_type_port_data_type import NodeTypePortDataType

if TYPE_CHECKING:
    from ..models.node_type_port_port_schema_type_0 import NodeTypePortPortSchemaType0


T = TypeVar("T", bound="NodeTypePort")


@_attrs_define
class NodeTypePort:
    """
    Attributes:
        name (str):
        data_type (NodeTypePortDataType):
        description (str):
        required (bool):
        default (Any):
        port_schema (NodeTypePortPortSchemaType0 | None):
    """

    name: str
    data_type: NodeTypePortDataType
    description: str
    required: bool
    default: Any
    port_schema: NodeTypePortPortSchemaType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.node_type_port_port_schema_type_0 import (
            NodeTypePortPortSchemaType0,
        )

        name = self.name

        data_type = self.data_type.value

        description = self.description

        required = self.required

        default = self.default

        port_schema: dict[str, Any] | None
        if isinstance(self.port_schema, NodeTypePortPortSchemaType0):
            port_schema = self.port_schema.to_dict()
        else:
            port_schema = self.port_schema

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "data_type": data_type,
                "description": description,
                "required": required,
                "default": default,
                "port_schema": port_schema,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.node_type_port_port_schema_type_0 import (
            NodeTypePortPortSchemaType0,
        )

        d = dict(src_dict)
        name = d.pop("name")

        data_type = NodeTypePortDataType(d.pop("data_type"))

        description = d.pop("description")

        required = d.pop("required")

        default = d.pop("default")

        def _parse_port_schema(data: object) -> NodeTypePortPortSchemaType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                port_schema_type_0 = NodeTypePortPortSchemaType0.from_dict(data)

                return port_schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NodeTypePortPortSchemaType0 | None, data)

        port_schema = _parse_port_schema(d.pop("port_schema"))

        node_type_port = cls(
            name=name,
            data_type=data_type,
            description=description,
            required=required,
            default=default,
            port_schema=port_schema,
        )

        node_type_port.additional_properties = d
        return node_type_port

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
