from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.experiment_create_tasks_item_fields import (
        ExperimentCreateTasksItemFields,
    )


T = TypeVar("T", bound="ExperimentCreateTasksItem")


@_attrs_define
class ExperimentCreateTasksItem:
    """
    Attributes:
        fields (ExperimentCreateTasksItemFields):
    """

    fields: ExperimentCreateTasksItemFields
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fields = self.fields.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fields": fields,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.experiment_create_tasks_item_fields import (
            ExperimentCreateTasksItemFields,
        )

        d = dict(src_dict)
        fields = ExperimentCreateTasksItemFields.from_dict(d.pop("fields"))

        experiment_create_tasks_item = cls(
            fields=fields,
        )

        experiment_create_tasks_item.additional_properties = d
        return experiment_create_tasks_item

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
