from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.schema_field import SchemaField


T = TypeVar("T", bound="WorkflowSchemaResponse")


@_attrs_define
class WorkflowSchemaResponse:
    """
    Attributes:
        workflow_id (int):
        fields (list[SchemaField]):
        has_file_upload_fields (bool):
        has_only_file_upload_fields (bool):
    """

    workflow_id: int
    fields: list[SchemaField]
    has_file_upload_fields: bool
    has_only_file_upload_fields: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        workflow_id = self.workflow_id

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        has_file_upload_fields = self.has_file_upload_fields

        has_only_file_upload_fields = self.has_only_file_upload_fields

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "workflow_id": workflow_id,
                "fields": fields,
                "has_file_upload_fields": has_file_upload_fields,
                "has_only_file_upload_fields": has_only_file_upload_fields,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.schema_field import SchemaField

        d = dict(src_dict)
        workflow_id = d.pop("workflow_id")

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = SchemaField.from_dict(fields_item_data)

            fields.append(fields_item)

        has_file_upload_fields = d.pop("has_file_upload_fields")

        has_only_file_upload_fields = d.pop("has_only_file_upload_fields")

        workflow_schema_response = cls(
            workflow_id=workflow_id,
            fields=fields,
            has_file_upload_fields=has_file_upload_fields,
            has_only_file_upload_fields=has_only_file_upload_fields,
        )

        workflow_schema_response.additional_properties = d
        return workflow_schema_response

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
