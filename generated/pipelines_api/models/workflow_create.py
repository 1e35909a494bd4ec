from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.graph import Graph
    from ..models.input_field import InputField


T = TypeVar("T", bound="WorkflowCreate")


@_attrs_define
class WorkflowCreate:
    """
    Attributes:
        name (str):
        description (str | Unset):
        fields (list[InputField] | Unset):
        graph (Graph | Unset):
        template_id (int | Unset): Start from this organization template: its graph and fields are copied; the body's
            graph, fields and description, when given, override them (404 when the template is not the organization's).
    """

    name: str
    description: str | Unset = UNSET
    fields: list[InputField] | Unset = UNSET
    graph: Graph | Unset = UNSET
    template_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = []
            for fields_item_data in self.fields:
                fields_item = fields_item_data.to_dict()
                fields.append(fields_item)

        graph: dict[str, Any] | Unset = UNSET
        if not isinstance(self.graph, Unset):
            graph = self.graph.to_dict()

        template_id = self.template_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if fields is not UNSET:
            field_dict["fields"] = fields
        if graph is not UNSET:
            field_dict["graph"] = graph
        if template_id is not UNSET:
            field_dict["template_id"] = template_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.graph import Graph
        from ..models.input_field import InputField

        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description", UNSET)

        _fields = d.pop("fields", UNSET)
        fields: list[InputField] | Unset = UNSET
        if _fields is not UNSET:
            fields = []
            for fields_item_data in _fields:
                fields_item = InputField.from_dict(fields_item_data)

                fields.append(fields_item)

        _graph = d.pop("graph", UNSET)
        graph: Graph | Unset
        if isinstance(_graph, Unset):
            graph = UNSET
        else:
            graph = Graph.from_dict(_graph)

        template_id = d.pop("template_id", UNSET)

        workflow_create = cls(
            name=name,
            description=description,
            fields=fields,
            graph=graph,
            template_id=template_id,
        )

        workflow_create.additional_properties = d
        return workflow_create

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
