from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chart_query_filters_item import ChartQueryFiltersItem
    from ..models.chart_query_metrics_item import ChartQueryMetricsItem
    from ..models.chart_query_order_by import ChartQueryOrderBy


T = TypeVar("T", bound="ChartQuery")


@_attrs_define
class ChartQuery:
    """
    Attributes:
        group_by (list[str] | Unset):
        metrics (list[ChartQueryMetricsItem] | Unset): Default: [{agg: count}].
        filters (list[ChartQueryFiltersItem] | Unset):
        order_by (ChartQueryOrderBy | Unset):
        limit (int | Unset):  Default: 100.
    """

    group_by: list[str] | Unset = UNSET
    metrics: list[ChartQueryMetricsItem] | Unset = UNSET
    filters: list[ChartQueryFiltersItem] | Unset = UNSET
    order_by: ChartQueryOrderBy | Unset = UNSET
    limit: int | Unset = 100
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group_by: list[str] | Unset = UNSET
        if not isinstance(self.group_by, Unset):
            group_by = self.group_by

        metrics: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.metrics, Unset):
            metrics = []
            for metrics_item_data in self.metrics:
                metrics_item = metrics_item_data.to_dict()
                metrics.append(metrics_item)

        filters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.filters, Unset):
            filters = []
            for filters_item_data in self.filters:
                filters_item = filters_item_data.to_dict()
                filters.append(filters_item)

        order_by: dict[str, Any] | Unset = UNSET
        if not isinstance(self.order_by, Unset):
            order_by = self.order_by.to_dict()

        limit = self.limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if group_by is not UNSET:
            field_dict["group_by"] = group_by
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if filters is not UNSET:
            field_dict["filters"] = filters
        if order_by is not UNSET:
            field_dict["order_by"] = order_by
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chart_query_filters_item import ChartQueryFiltersItem
        from ..models.chart_query_metrics_item import ChartQueryMetricsItem
        from ..models.chart_query_order_by import ChartQueryOrderBy

        d = dict(src_dict)
        group_by = cast(list[str], d.pop("group_by", UNSET))

        _metrics = d.pop("metrics", UNSET)
        metrics: list[ChartQueryMetricsItem] | Unset = UNSET
        if _metrics is not UNSET:
            metrics = []
            for metrics_item_data in _metrics:
                metrics_item = ChartQueryMetricsItem.from_dict(metrics_item_data)

                metrics.append(metrics_item)

        _filters = d.pop("filters", UNSET)
        filters: list[ChartQueryFiltersItem] | Unset = UNSET
        if _filters is not UNSET:
            filters = []
            for filters_item_data in _filters:
                filters_item = ChartQueryFiltersItem.from_dict(filters_item_data)

                filters.append(filters_item)

        _order_by = d.pop("order_by", UNSET)
        order_by: ChartQueryOrderBy | Unset
        if isinstance(_order_by, Unset):
            order_by = UNSET
        else:
            order_by = ChartQueryOrderBy.from_dict(_order_by)

        limit = d.pop("limit", UNSET)

        chart_query = cls(
            group_by=group_by,
            metrics=metrics,
            filters=filters,
            order_by=order_by,
            limit=limit,
        )

        chart_query.additional_properties = d
        return chart_query

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
