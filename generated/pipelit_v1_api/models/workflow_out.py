from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.workflow_out_input_schema_type_0 import WorkflowOutInputSchemaType0
    from ..models.workflow_out_output_schema_type_0 import WorkflowOutOutputSchemaType0


T = TypeVar("T", bound="WorkflowOut")


@_attrs_define
class WorkflowOut:
    """
    Attributes:
        id (int):
        name (str):
        slug (str):
        description (str):
        is_active (bool):
        is_public (bool):
        is_default (bool):
        tags (list[str] | None):
        error_handler_workflow_id (int | None):
        max_execution_seconds (int):
        input_schema (None | WorkflowOutInputSchemaType0):
        output_schema (None | WorkflowOutOutputSchemaType0):
        node_count (int):
        edge_count (int):
        created_at (str):
        updated_at (str):
    """

    id: int
    name: str
    slug: str
    description: str
    is_active: bool
    is_public: bool
    is_default: bool
    tags: list[str] | None
    error_handler_workflow_id: int | None
    max_execution_seconds: int
    input_schema: None | WorkflowOutInputSchemaType0
    output_schema: None | WorkflowOutOutputSchemaType0
    node_count: int
    edge_count: int
    created_at: str
    updated_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.workflow_out_input_schema_type_0 import (
            WorkflowOutInputSchemaType0,
        )
        from ..models.workflow_out_output_schema_type_0 import (
            WorkflowOutOutputSchemaType0,
        )

        id = self.id

        name = self.name

        slug = self.slug

        description = self.description

        is_active = self.is_active

        is_public = self.is_public

        is_default = self.is_default

        tags: list[str] | None
        if isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        error_handler_workflow_id: int | None
        error_handler_workflow_id = self.error_handler_workflow_id

        max_execution_seconds = self.max_execution_seconds

        input_schema: dict[str, Any] | None
        if isinstance(self.input_schema, WorkflowOutInputSchemaType0):
            input_schema = self.input_schema.to_dict()
        else:
            input_schema = self.input_schema

        output_schema: dict[str, Any] | None
        if isinstance(self.output_schema, WorkflowOutOutputSchemaType0):
            output_schema = self.output_schema.to_dict()
        else:
            output_schema = self.output_schema

        node_count = self.node_count

        edge_count = self.edge_count

        created_at = self.created_at

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "slug": slug,
                "description": description,
                "is_active": is_active,
                "is_public": is_public,
                "is_default": is_default,
                "tags": tags,
                "error_handler_workflow_id": error_handler_workflow_id,
                "max_execution_seconds": max_execution_seconds,
                "input_schema": input_schema,
                "output_schema": output_schema,
                "node_count": node_count,
                "edge_count": edge_count,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.workflow_out_input_schema_type_0 import (
            WorkflowOutInputSchemaType0,
        )
        from ..models.workflow_out_output_schema_type_0 import (
            WorkflowOutOutputSchemaType0,
        )

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        slug = d.pop("slug")

        description = d.pop("description")

        is_active = d.pop("is_active")

        is_public = d.pop("is_public")

        is_default = d.pop("is_default")

        def _parse_tags(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        tags = _parse_tags(d.pop("tags"))

        def _parse_error_handler_workflow_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        error_handler_workflow_id = _parse_error_handler_workflow_id(
            d.pop("error_handler_workflow_id")
        )

        max_execution_seconds = d.pop("max_execution_seconds")

        def _parse_input_schema(data: object) -> None | WorkflowOutInputSchemaType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                input_schema_type_0 = WorkflowOutInputSchemaType0.from_dict(data)

                return input_schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | WorkflowOutInputSchemaType0, data)

        input_schema = _parse_input_schema(d.pop("input_schema"))

        def _parse_output_schema(data: object) -> None | WorkflowOutOutputSchemaType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_schema_type_0 = WorkflowOutOutputSchemaType0.from_dict(data)

                return output_schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | WorkflowOutOutputSchemaType0, data)

        output_schema = _parse_output_schema(d.pop("output_schema"))

        node_count = d.pop("node_count")

        edge_count = d.pop("edge_count")

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        workflow_out = cls(
            id=id,
            name=name,
            slug=slug,
            description=description,
            is_active=is_active,
            is_public=is_public,
            is_default=is_default,
            tags=tags,
            error_handler_workflow_id=error_handler_workflow_id,
            max_execution_seconds=max_execution_seconds,
            input_schema=input_schema,
            output_schema=output_schema,
            node_count=node_count,
            edge_count=edge_count,
            created_at=created_at,
            updated_at=updated_at,
        )

        workflow_out.additional_properties = d
        return workflow_out

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
