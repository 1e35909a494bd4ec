from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chart_query_metrics_item_agg import ChartQueryMetricsItemAgg
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChartQueryMetricsItem")


@_attrs_define
class ChartQueryMetricsItem:
    """
    Attributes:
        field (None | str | Unset):
        agg (ChartQueryMetricsItemAgg | Unset):
        alias (str | Unset):
    """

    field: None | str | Unset = UNSET
    agg: ChartQueryMetricsItemAgg | Unset = UNSET
    alias: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field: None | str | Unset
        if isinstance(self.field, Unset):
            field = UNSET
        else:
            field = self.field

        agg: str | Unset = UNSET
        if not isinstance(self.agg, Unset):
            agg = self.agg.value

        alias = self.alias

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field is not UNSET:
            field_dict["field"] = field
        if agg is not UNSET:
            field_dict["agg"] = agg
        if alias is not UNSET:
            field_dict["alias"] = alias

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field = _parse_field(d.pop("field", UNSET))

        _agg = d.pop("agg", UNSET)
        agg: ChartQueryMetricsItemAgg | Unset
        if isinstance(_agg, Unset):
            agg = UNSET
        else:
            agg = ChartQueryMetricsItemAgg(_agg)

        alias = d.pop("alias", UNSET)

        chart_query_metrics_item = cls(
            field=field,
            agg=agg,
            alias=alias,
        )

        chart_query_metrics_item.additional_properties = d
        return chart_query_metrics_item

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
