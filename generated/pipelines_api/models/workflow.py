from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.workflow_status import WorkflowStatus

if TYPE_CHECKING:
    from ..models.graph import Graph
    from ..models.input_field import InputField


T = TypeVar("T", bound="Workflow")


@_attrs_define
class Workflow:
    """
    Attributes:
        id (int):
        project_id (int):
        org_id (int):
        name (str):
        description (str):
        status (WorkflowStatus):
        version (int):
        fields (list[InputField]):
        graph (Graph):
        activate_at (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    project_id: int
    org_id: int
    name: str
    description: str
    status: WorkflowStatus
    version: int
    fields: list[InputField]
    graph: Graph
    activate_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        project_id = self.project_id

        org_id = self.org_id

        name = self.name

        description = self.description

        status = self.status.value

        version = self.version

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        graph = self.graph.to_dict()

        activate_at: None | str
        if isinstance(self.activate_at, datetime.datetime):
            activate_at = self.activate_at.isoformat()
        else:
            activate_at = self.activate_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "org_id": org_id,
                "name": name,
                "description": description,
                "status": status,
                "version": version,
                "fields": fields,
                "graph": graph,
                "activate_at": activate_at,
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

        project_id = d.pop("project_id")

        org_id = d.pop("org_id")

        name = d.pop("name")

        description = d.pop("description")

        status = WorkflowStatus(d.pop("status"))

        version = d.pop("version")

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = InputField.from_dict(fields_item_data)

            fields.append(fields_item)

        graph = Graph.from_dict(d.pop("graph"))

        def _parse_activate_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activate_at_type_0 = datetime.datetime.fromisoformat(data)

                return activate_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        activate_at = _parse_activate_at(d.pop("activate_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        workflow = cls(
            id=id,
            project_id=project_id,
            org_id=org_id,
            name=name,
            description=description,
            status=status,
            version=version,
            fields=fields,
            graph=graph,
            activate_at=activate_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        workflow.additional_properties = d
        return workflow

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
