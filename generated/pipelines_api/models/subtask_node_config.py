from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.subtask_node_config_fields_item import SubtaskNodeConfigFieldsItem


T = TypeVar("T", bound="SubtaskNodeConfig")


@_attrs_define
class SubtaskNodeConfig:
    """A form for a person (ports in: any, out: object). Each field takes its value from the user (default), the task input
    (`input_field`, default the same name), a `static` value, or an llm call (`prompt`, `credential`, `model`) made
    before the form opens. A `file_upload` field is answered with `{"file_id": "<id>"}`, a confirmed file of the task's
    project (see submit-subtask). `assign_to` (a user id of the organization, checked when the graph is saved): the node
    is reserved for that user when it becomes available (only they see it in my-work and may open it) and they get a
    `work_assigned` notification; a user removed since goes unreserved (the pool). After a review sends the work back,
    its `on_reject` rule decides who may take it.

        Attributes:
            instructions (str | Unset):
            fields (list[SubtaskNodeConfigFieldsItem] | Unset):
            assign_to (int | Unset):
    """

    instructions: str | Unset = UNSET
    fields: list[SubtaskNodeConfigFieldsItem] | Unset = UNSET
    assign_to: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        instructions = self.instructions

        fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = []
            for fields_item_data in self.fields:
                fields_item = fields_item_data.to_dict()
                fields.append(fields_item)

        assign_to = self.assign_to

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if instructions is not UNSET:
            field_dict["instructions"] = instructions
        if fields is not UNSET:
            field_dict["fields"] = fields
        if assign_to is not UNSET:
            field_dict["assign_to"] = assign_to

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.subtask_node_config_fields_item import SubtaskNodeConfigFieldsItem

        d = dict(src_dict)
        instructions = d.pop("instructions", UNSET)

        _fields = d.pop("fields", UNSET)
        fields: list[SubtaskNodeConfigFieldsItem] | Unset = UNSET
        if _fields is not UNSET:
            fields = []
            for fields_item_data in _fields:
                fields_item = SubtaskNodeConfigFieldsItem.from_dict(fields_item_data)

                fields.append(fields_item)

        assign_to = d.pop("assign_to", UNSET)

        subtask_node_config = cls(
            instructions=instructions,
            fields=fields,
            assign_to=assign_to,
        )

        return subtask_node_config
