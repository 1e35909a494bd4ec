from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dataset_content_page_items_item_data import (
        DatasetContentPageItemsItemData,
    )


T = TypeVar("T", bound="DatasetContentPageItemsItem")


@_attrs_define
class DatasetContentPageItemsItem:
    """
    Attributes:
        row_index (int):
        data (DatasetContentPageItemsItemData):
    """

    row_index: int
    data: DatasetContentPageItemsItemData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        row_index = self.row_index

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "row_index": row_index,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_content_page_items_item_data import (
            DatasetContentPageItemsItemData,
        )

        d = dict(src_dict)
        row_index = d.pop("row_index")

        data = DatasetContentPageItemsItemData.from_dict(d.pop("data"))

        dataset_content_page_items_item = cls(
            row_index=row_index,
            data=data,
        )

        dataset_content_page_items_item.additional_properties = d
        return dataset_content_page_items_item

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
