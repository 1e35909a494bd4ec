from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.workflow_patch_input_schema_type_0 import WorkflowPatchInputSchemaType0
    from ..models.workflow_patch_output_schema_type_0 import (
        WorkflowPatchOutputSchemaType0,
    )


T = TypeVar("T", bound="WorkflowPatch")


@_attrs_define
class WorkflowPatch:
    """Any field of a create; the ones given change

    Attributes:
        name (str | Unset):
        slug (str | Unset):
        description (str | Unset):
        is_active (bool | Unset):
        is_public (bool | Unset):
        is_default (bool | Unset):
        tags (list[str] | None | Unset):
        error_handler_workflow_id (int | None | Unset):
        max_execution_seconds (int | Unset):
        input_schema (None | Unset | WorkflowPatchInputSchemaType0):
        output_schema (None | Unset | WorkflowPatchOutputSchemaType0):
    """

    name: str | Unset = UNSET
    slug: str | Unset = UNSET
    description: str | Unset = UNSET
    is_active: bool | Unset = UNSET
    is_public: bool | Unset = UNSET
    is_default: bool | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    error_handler_workflow_id: int | None | Unset = UNSET
    max_execution_seconds: int | Unset = UNSET
    input_schema: None | Unset | WorkflowPatchInputSchemaType0 = UNSET
    output_schema: None | Unset | WorkflowPatchOutputSchemaType0 = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.workflow_patch_input_schema_type_0 import (
            WorkflowPatchInputSchemaType0,
        )
        from ..models.workflow_patch_output_schema_type_0 import (
            WorkflowPatchOutputSchemaType0,
        )

        name = self.name

        slug = self.slug

        description = self.description

        is_active = self.is_active

        is_public = self.is_public

        is_default = self.is_default

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        error_handler_workflow_id: int | None | Unset
        if isinstance(self.error_handler_workflow_id, Unset):
            error_handler_workflow_id = UNSET
        else:
            error_handler_workflow_id = self.error_handler_workflow_id

        max_execution_seconds = self.max_execution_seconds

        input_schema: dict[str, Any] | None | Unset
        if isinstance(self.input_schema, Unset):
            input_schema = UNSET
        elif isinstance(self.input_schema, WorkflowPatchInputSchemaType0):
            input_schema = self.input_schema.to_dict()
        else:
            input_schema = self.input_schema

        output_schema: dict[str, Any] | None | Unset
        if isinstance(self.output_schema, Unset):
            output_schema = UNSET
        elif isinstance(self.output_schema, WorkflowPatchOutputSchemaType0):
            output_schema = self.output_schema.to_dict()
        else:
            output_schema = self.output_schema

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if slug is not UNSET:
            field_dict["slug"] = slug
        if description is not UNSET:
            field_dict["description"] = description
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if is_public is not UNSET:
            field_dict["is_public"] = is_public
        if is_default is not UNSET:
            field_dict["is_default"] = is_default
        if tags is not UNSET:
            field_dict["tags"] = tags
        if error_handler_workflow_id is not UNSET:
            field_dict["error_handler_workflow_id"] = error_handler_workflow_id
        if max_execution_seconds is not UNSET:
            field_dict["max_execution_seconds"] = max_execution_seconds
        if input_schema is not UNSET:
            field_dict["input_schema"] = input_schema
        if output_schema is not UNSET:
            field_dict["output_schema"] = output_schema

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.workflow_patch_input_schema_type_0 import (
            WorkflowPatchInputSchemaType0,
        )
        from ..models.workflow_patch_output_schema_type_0 import (
            WorkflowPatchOutputSchemaType0,
        )

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        slug = d.pop("slug", UNSET)

        description = d.pop("description", UNSET)

        is_active = d.pop("is_active", UNSET)

        is_public = d.pop("is_public", UNSET)

        is_default = d.pop("is_default", UNSET)

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_error_handler_workflow_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        error_handler_workflow_id = _parse_error_handler_workflow_id(
            d.pop("error_handler_workflow_id", UNSET)
        )

        max_execution_seconds = d.pop("max_execution_seconds", UNSET)

        def _parse_input_schema(data: object) -> None | Unset | WorkflowPatchInputSchemaType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                input_schema_type_0 = WorkflowPatchInputSchemaType0.from_dict(data)

                return input_schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WorkflowPatchInputSchemaType0, data)

        input_schema = _parse_input_schema(d.pop("input_schema", UNSET))

        def _parse_output_schema(data: object) -> None | Unset | WorkflowPatchOutputSchemaType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_schema_type_0 = WorkflowPatchOutputSchemaType0.from_dict(data)

                return output_schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WorkflowPatchOutputSchemaType0, data)

        output_schema = _parse_output_schema(d.pop("output_schema", UNSET))

        workflow_patch = cls(
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
        )

        workflow_patch.additional_properties = d
        return workflow_patch

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
