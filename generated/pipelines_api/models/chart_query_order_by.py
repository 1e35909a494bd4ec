from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chart_query_order_by_direction import ChartQueryOrderByDirection
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChartQueryOrderBy")


@_attrs_define
class ChartQueryOrderBy:
    """
    Attributes:
        field (str | Unset):
        direction (ChartQueryOrderByDirection | Unset):
    """

    field: str | Unset = UNSET
    direction: ChartQueryOrderByDirection | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field is not UNSET:
            field_dict["field"] = field
        if direction is not UNSET:
            field_dict["direction"] = direction

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        field = d.pop("field", UNSET)

        _direction = d.pop("direction", UNSET)
        direction: ChartQueryOrderByDirection | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = ChartQueryOrderByDirection(_direction)

        chart_query_order_by = cls(
            field=field,
            direction=direction,
        )

        chart_query_order_by.additional_properties = d
        return chart_query_order_by

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
