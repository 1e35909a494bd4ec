from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.node_type_port import NodeTypePort
    from ..models.node_type_spec_config_schema import NodeTypeSpecConfigSchema


T = TypeVar("T", bound="NodeTypeSpec")


@_attrs_define
class NodeTypeSpec:
    """
    Attributes:
        component_type (str):
        display_name (str):
        description (str):
        category (str):
        inputs (list[NodeTypePort]):
        outputs (list[NodeTypePort]):
        requires_model (bool):
        requires_tools (bool):
        requires_memory (bool):
        requires_output_parser (bool):
        requires_skills (bool):
        executable (bool):
        config_schema (NodeTypeSpecConfigSchema):
    """

    component_type: str
    display_name: str
    description: str
    category: str
    inputs: list[NodeTypePort]
    outputs: list[NodeTypePort]
    requires_model: bool
    requires_tools: bool
    requires_memory: bool
    requires_output_parser: bool
    requires_skills: bool
    executable: bool
    config_schema: NodeTypeSpecConfigSchema
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        component_type = self.component_type

        display_name = self.display_name

        description = self.description

        category = self.category

        inputs = []
        for inputs_item_data in self.inputs:
            inputs_item = inputs_item_data.to_dict()
            inputs.append(inputs_item)

        outputs = []
        for outputs_item_data in self.outputs:
            outputs_item = outputs_item_data.to_dict()
            outputs.append(outputs_item)

        requires_model = self.requires_model

        requires_tools = self.requires_tools

        requires_memory = self.requires_memory

        requires_output_parser = self.requires_output_parser

        requires_skills = self.requires_skills

        executable = self.executable

        config_schema = self.config_schema.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "component_type": component_type,
                "display_name": display_name,
                "description": description,
                "category": category,
                "inputs": inputs,
                "outputs": outputs,
                "requires_model": requires_model,
                "requires_tools": requires_tools,
                "requires_memory": requires_memory,
                "requires_output_parser": requires_output_parser,
                "requires_skills": requires_skills,
                "executable": executable,
                "config_schema": config_schema,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.node_type_port import NodeTypePort
        from ..models.node_type_spec_config_schema import NodeTypeSpecConfigSchema

        d = dict(src_dict)
        component_type = d.pop("component_type")

        display_name = d.pop("display_name")

        description = d.pop("description")

        category = d.pop("category")

        inputs = []
        _inputs = d.pop("inputs")
        for inputs_item_data in _inputs:
            inputs_item = NodeTypePort.from_dict(inputs_item_data)

            inputs.append(inputs_item)

        outputs = []
        _outputs = d.pop("outputs")
        for outputs_item_data in _outputs:
            outputs_item = NodeTypePort.from_dict(outputs_item_data)

            outputs.append(outputs_item)

        requires_model = d.pop("requires_model")

        requires_tools = d.pop("requires_tools")

        requires_memory = d.pop("requires_memory")

        requires_output_parser = d.pop("requires_output_parser")

        requires_skills = d.pop("requires_skills")

        executable = d.pop("executable")

        config_schema = NodeTypeSpecConfigSchema.from_dict(d.pop("config_schema"))

        node_type_spec = cls(
            component_type=component_type,
            display_name=display_name,
            description=description,
            category=category,
            inputs=inputs,
            outputs=outputs,
            requires_model=requires_model,
            requires_tools=requires_tools,
            requires_memory=requires_memory,
            requires_output_parser=requires_output_parser,
            requires_skills=requires_skills,
            executable=executable,
            config_schema=config_schema,
        )

        node_type_spec.additional_properties = d
        return node_type_spec

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
