from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.experiment_create_tasks_item import ExperimentCreateTasksItem
    from ..models.experiment_create_variants_item import ExperimentCreateVariantsItem


T = TypeVar("T", bound="ExperimentCreate")


@_attrs_define
class ExperimentCreate:
    """
    Attributes:
        count (int): Tasks per variant.
        variants (list[ExperimentCreateVariantsItem]):
        name (str | Unset): Default: experiment-<first 8 characters of its id>.
        tasks (list[ExperimentCreateTasksItem] | Unset): Task inputs, cycled until each variant has `count` tasks.
    """

    count: int
    variants: list[ExperimentCreateVariantsItem]
    name: str | Unset = UNSET
    tasks: list[ExperimentCreateTasksItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)

        name = self.name

        tasks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tasks, Unset):
            tasks = []
            for tasks_item_data in self.tasks:
                tasks_item = tasks_item_data.to_dict()
                tasks.append(tasks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "variants": variants,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if tasks is not UNSET:
            field_dict["tasks"] = tasks

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.experiment_create_tasks_item import ExperimentCreateTasksItem
        from ..models.experiment_create_variants_item import (
            ExperimentCreateVariantsItem,
        )

        d = dict(src_dict)
        count = d.pop("count")

        variants = []
        _variants = d.pop("variants")
        for variants_item_data in _variants:
            variants_item = ExperimentCreateVariantsItem.from_dict(variants_item_data)

            variants.append(variants_item)

        name = d.pop("name", UNSET)

        _tasks = d.pop("tasks", UNSET)
        tasks: list[ExperimentCreateTasksItem] | Unset = UNSET
        if _tasks is not UNSET:
            tasks = []
            for tasks_item_data in _tasks:
                tasks_item = ExperimentCreateTasksItem.from_dict(tasks_item_data)

                tasks.append(tasks_item)

        experiment_create = cls(
            count=count,
            variants=variants,
            name=name,
            tasks=tasks,
        )

        experiment_create.additional_properties = d
        return experiment_create

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
