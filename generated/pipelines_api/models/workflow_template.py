from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.graph import Graph
    from ..models.input_field import InputField


T = TypeVar("T", bound="WorkflowTemplate")


@_attrs_define
class WorkflowTemplate:
    """
    Attributes:
        id (int):
        org_id (int):
        name (str):
        description (str):
        graph (Graph):
        fields (list[InputField]):
        node_count (int):
        created_by_id (int | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    org_id: int
    name: str
    description: str
    graph: Graph
    fields: list[InputField]
    node_count: int
    created_by_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        org_id = self.org_id

        name = self.name

        description = self.description

        graph = self.graph.to_dict()

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        node_count = self.node_count

        created_by_id: int | None
        created_by_id = self.created_by_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "org_id": org_id,
                "name": name,
                "description": description,
                "graph": graph,
                "fields": fields,
                "node_count": node_count,
                "created_by_id": created_by_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.graph import Graph
        from ..models.input_field import InputField

        d = dict(src_dict)
        id = d.pop("id")

        org_id = d.pop("org_id")

        name = d.pop("name")

        description = d.pop("description")

        graph = Graph.from_dict(d.pop("graph"))

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = InputField.from_dict(fields_item_data)

            fields.append(fields_item)

        node_count = d.pop("node_count")

        def _parse_created_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        created_by_id = _parse_created_by_id(d.pop("created_by_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        workflow_template = cls(
            id=id,
            org_id=org_id,
            name=name,
            description=description,
            graph=graph,
            fields=fields,
            node_count=node_count,
            created_by_id=created_by_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        workflow_template.additional_properties = d
        return workflow_template

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
