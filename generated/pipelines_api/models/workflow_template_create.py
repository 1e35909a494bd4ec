from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.graph import Graph
    from ..models.input_field import InputField


T = TypeVar("T", bound="WorkflowTemplateCreate")


@_attrs_define
class WorkflowTemplateCreate:
    """Either `graph` (and `fields`) or `workflow_id`; `name` is required with `graph`.

    Attributes:
        name (str | Unset):
        description (str | Unset):
        graph (Graph | Unset):
        fields (list[InputField] | Unset):
        workflow_id (int | Unset):
    """

    name: str | Unset = UNSET
    description: str | Unset = UNSET
    graph: Graph | Unset = UNSET
    fields: list[InputField] | Unset = UNSET
    workflow_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        graph: dict[str, Any] | Unset = UNSET
        if not isinstance(self.graph, Unset):
            graph = self.graph.to_dict()

        fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = []
            for fields_item_data in self.fields:
                fields_item = fields_item_data.to_dict()
                fields.append(fields_item)

        workflow_id = self.workflow_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if graph is not UNSET:
            field_dict["graph"] = graph
        if fields is not UNSET:
            field_dict["fields"] = fields
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.graph import Graph
        from ..models.input_field import InputField

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        _graph = d.pop("graph", UNSET)
        graph: Graph | Unset
        if isinstance(_graph, Unset):
            graph = UNSET
        else:
            graph = Graph.from_dict(_graph)

        _fields = d.pop("fields", UNSET)
        fields: list[InputField] | Unset = UNSET
        if _fields is not UNSET:
            fields = []
            for fields_item_data in _fields:
                fields_item = InputField.from_dict(fields_item_data)

                fields.append(fields_item)

        workflow_id = d.pop("workflow_id", UNSET)

        workflow_template_create = cls(
            name=name,
            description=description,
            graph=graph,
            fields=fields,
            workflow_id=workflow_id,
        )

        workflow_template_create.additional_properties = d
        return workflow_template_create

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
