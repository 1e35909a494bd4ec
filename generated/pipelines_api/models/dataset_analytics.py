from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_column_analytics import DatasetColumnAnalytics


T = TypeVar("T", bound="DatasetAnalytics")


@_attrs_define
class DatasetAnalytics:
    """
    Attributes:
        dataset_id (int):
        row_count (int):
        columns (list[DatasetColumnAnalytics]):
        column_count (int | Unset):
        distinct_cap (int | Unset):
    """

    dataset_id: int
    row_count: int
    columns: list[DatasetColumnAnalytics]
    column_count: int | Unset = UNSET
    distinct_cap: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        row_count = self.row_count

        columns = []
        for columns_item_data in self.columns:
            columns_item = columns_item_data.to_dict()
            columns.append(columns_item)

        column_count = self.column_count

        distinct_cap = self.distinct_cap

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "row_count": row_count,
                "columns": columns,
            }
        )
        if column_count is not UNSET:
            field_dict["column_count"] = column_count
        if distinct_cap is not UNSET:
            field_dict["distinct_cap"] = distinct_cap

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_column_analytics import DatasetColumnAnalytics

        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        row_count = d.pop("row_count")

        columns = []
        _columns = d.pop("columns")
        for columns_item_data in _columns:
            columns_item = DatasetColumnAnalytics.from_dict(columns_item_data)

            columns.append(columns_item)

        column_count = d.pop("column_count", UNSET)

        distinct_cap = d.pop("distinct_cap", UNSET)

        dataset_analytics = cls(
            dataset_id=dataset_id,
            row_count=row_count,
            columns=columns,
            column_count=column_count,
            distinct_cap=distinct_cap,
        )

        dataset_analytics.additional_properties = d
        return dataset_analytics

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
