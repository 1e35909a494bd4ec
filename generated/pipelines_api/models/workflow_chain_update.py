from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_mapping import FieldMapping


T = TypeVar("T", bound="WorkflowChainUpdate")


@_attrs_define
class WorkflowChainUpdate:
    """
    Attributes:
        name (str | Unset):
        enabled (bool | Unset):
        field_mapping (FieldMapping | Unset): Target field name -> path in the finished source task: `output`,
            `output.<path>`,
            `fields`, `fields.<name>[.<path>]` or `task_id`.
             Example: {'text': 'output.translation', 'source_text': 'fields.input_text'}.
    """

    name: str | Unset = UNSET
    enabled: bool | Unset = UNSET
    field_mapping: FieldMapping | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        enabled = self.enabled

        field_mapping: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_mapping, Unset):
            field_mapping = self.field_mapping.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if field_mapping is not UNSET:
            field_dict["field_mapping"] = field_mapping

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.field_mapping import FieldMapping

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        enabled = d.pop("enabled", UNSET)

        _field_mapping = d.pop("field_mapping", UNSET)
        field_mapping: FieldMapping | Unset
        if isinstance(_field_mapping, Unset):
            field_mapping = UNSET
        else:
            field_mapping = FieldMapping.from_dict(_field_mapping)

        workflow_chain_update = cls(
            name=name,
            enabled=enabled,
            field_mapping=field_mapping,
        )

        return workflow_chain_update
