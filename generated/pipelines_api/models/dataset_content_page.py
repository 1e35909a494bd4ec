from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_content_page_items_item import DatasetContentPageItemsItem


T = TypeVar("T", bound="DatasetContentPage")


@_attrs_define
class DatasetContentPage:
    """
    Attributes:
        total (int):
        page (int):
        page_size (int):
        has_more (bool):
        items (list[DatasetContentPageItemsItem]):
        columns (list[str] | Unset):
        dataset_id (int | Unset):
    """

    total: int
    page: int
    page_size: int
    has_more: bool
    items: list[DatasetContentPageItemsItem]
    columns: list[str] | Unset = UNSET
    dataset_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        page = self.page

        page_size = self.page_size

        has_more = self.has_more

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        columns: list[str] | Unset = UNSET
        if not isinstance(self.columns, Unset):
            columns = self.columns

        dataset_id = self.dataset_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "page": page,
                "page_size": page_size,
                "has_more": has_more,
                "items": items,
            }
        )
        if columns is not UNSET:
            field_dict["columns"] = columns
        if dataset_id is not UNSET:
            field_dict["dataset_id"] = dataset_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_content_page_items_item import DatasetContentPageItemsItem

        d = dict(src_dict)
        total = d.pop("total")

        page = d.pop("page")

        page_size = d.pop("page_size")

        has_more = d.pop("has_more")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = DatasetContentPageItemsItem.from_dict(items_item_data)

            items.append(items_item)

        columns = cast(list[str], d.pop("columns", UNSET))

        dataset_id = d.pop("dataset_id", UNSET)

        dataset_content_page = cls(
            total=total,
            page=page,
            page_size=page_size,
            has_more=has_more,
            items=items,
            columns=columns,
            dataset_id=dataset_id,
        )

        dataset_content_page.additional_properties = d
        return dataset_content_page

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
