from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chart_query_result_rows_item import ChartQueryResultRowsItem


T = TypeVar("T", bound="ChartQueryResult")


@_attrs_define
class ChartQueryResult:
    """
    Attributes:
        dataset_id (int):
        columns (list[str]):
        rows (list[ChartQueryResultRowsItem]):
        row_count (int):
        truncated (bool):
        group_count (int | Unset):
        matched_rows (int | Unset):
    """

    dataset_id: int
    columns: list[str]
    rows: list[ChartQueryResultRowsItem]
    row_count: int
    truncated: bool
    group_count: int | Unset = UNSET
    matched_rows: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        columns = self.columns

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        row_count = self.row_count

        truncated = self.truncated

        group_count = self.group_count

        matched_rows = self.matched_rows

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "columns": columns,
                "rows": rows,
                "row_count": row_count,
                "truncated": truncated,
            }
        )
        if group_count is not UNSET:
            field_dict["group_count"] = group_count
        if matched_rows is not UNSET:
            field_dict["matched_rows"] = matched_rows

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chart_query_result_rows_item import ChartQueryResultRowsItem

        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        columns = cast(list[str], d.pop("columns"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ChartQueryResultRowsItem.from_dict(rows_item_data)

            rows.append(rows_item)

        row_count = d.pop("row_count")

        truncated = d.pop("truncated")

        group_count = d.pop("group_count", UNSET)

        matched_rows = d.pop("matched_rows", UNSET)

        chart_query_result = cls(
            dataset_id=dataset_id,
            columns=columns,
            rows=rows,
            row_count=row_count,
            truncated=truncated,
            group_count=group_count,
            matched_rows=matched_rows,
        )

        chart_query_result.additional_properties = d
        return chart_query_result

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
