from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_mapping import FieldMapping


T = TypeVar("T", bound="WorkflowChainCreate")


@_attrs_define
class WorkflowChainCreate:
    """
    Attributes:
        source_workflow_id (int):
        target_workflow_id (int):
        field_mapping (FieldMapping): Target field name -> path in the finished source task: `output`, `output.<path>`,
            `fields`, `fields.<name>[.<path>]` or `task_id`.
             Example: {'text': 'output.translation', 'source_text': 'fields.input_text'}.
        name (str | Unset): Default: "<source name> -> <target name>".
        enabled (bool | Unset):  Default: True.
    """

    source_workflow_id: int
    target_workflow_id: int
    field_mapping: FieldMapping
    name: str | Unset = UNSET
    enabled: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        source_workflow_id = self.source_workflow_id

        target_workflow_id = self.target_workflow_id

        field_mapping = self.field_mapping.to_dict()

        name = self.name

        enabled = self.enabled

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "source_workflow_id": source_workflow_id,
                "target_workflow_id": target_workflow_id,
                "field_mapping": field_mapping,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.field_mapping import FieldMapping

        d = dict(src_dict)
        source_workflow_id = d.pop("source_workflow_id")

        target_workflow_id = d.pop("target_workflow_id")

        field_mapping = FieldMapping.from_dict(d.pop("field_mapping"))

        name = d.pop("name", UNSET)

        enabled = d.pop("enabled", UNSET)

        workflow_chain_create = cls(
            source_workflow_id=source_workflow_id,
            target_workflow_id=target_workflow_id,
            field_mapping=field_mapping,
            name=name,
            enabled=enabled,
        )

        return workflow_chain_create
