from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chart_field_values_items_item import ChartFieldValuesItemsItem


T = TypeVar("T", bound="ChartFieldValues")


@_attrs_define
class ChartFieldValues:
    """
    Attributes:
        dataset_id (int):
        field (str):
        items (list[ChartFieldValuesItemsItem]):
        total (int): Distinct values (matching `search`).
        has_more (bool):
        capped (bool | Unset):
    """

    dataset_id: int
    field: str
    items: list[ChartFieldValuesItemsItem]
    total: int
    has_more: bool
    capped: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        field = self.field

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        total = self.total

        has_more = self.has_more

        capped = self.capped

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "field": field,
                "items": items,
                "total": total,
                "has_more": has_more,
            }
        )
        if capped is not UNSET:
            field_dict["capped"] = capped

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chart_field_values_items_item import ChartFieldValuesItemsItem

        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        field = d.pop("field")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ChartFieldValuesItemsItem.from_dict(items_item_data)

            items.append(items_item)

        total = d.pop("total")

        has_more = d.pop("has_more")

        capped = d.pop("capped", UNSET)

        chart_field_values = cls(
            dataset_id=dataset_id,
            field=field,
            items=items,
            total=total,
            has_more=has_more,
            capped=capped,
        )

        chart_field_values.additional_properties = d
        return chart_field_values

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
