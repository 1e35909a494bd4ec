from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chart_query_filters_item_op import ChartQueryFiltersItemOp
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChartQueryFiltersItem")


@_attrs_define
class ChartQueryFiltersItem:
    """
    Attributes:
        field (str):
        op (ChartQueryFiltersItemOp | Unset):  Default: ChartQueryFiltersItemOp.EQ.
        value (Any | Unset): The value to compare with (a list for in / not_in).
    """

    field: str
    op: ChartQueryFiltersItemOp | Unset = ChartQueryFiltersItemOp.EQ
    value: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        op: str | Unset = UNSET
        if not isinstance(self.op, Unset):
            op = self.op.value

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
            }
        )
        if op is not UNSET:
            field_dict["op"] = op
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        field = d.pop("field")

        _op = d.pop("op", UNSET)
        op: ChartQueryFiltersItemOp | Unset
        if isinstance(_op, Unset):
            op = UNSET
        else:
            op = ChartQueryFiltersItemOp(_op)

        value = d.pop("value", UNSET)

        chart_query_filters_item = cls(
            field=field,
            op=op,
            value=value,
        )

        chart_query_filters_item.additional_properties = d
        return chart_query_filters_item

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
