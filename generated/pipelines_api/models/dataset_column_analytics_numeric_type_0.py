from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DatasetColumnAnalyticsNumericType0")


@_attrs_define
class DatasetColumnAnalyticsNumericType0:
    """
    Attributes:
        count (int | Unset):
        min_ (float | Unset):
        max_ (float | Unset):
        mean (float | Unset):
        sum_ (float | Unset):
        stddev (float | Unset):
    """

    count: int | Unset = UNSET
    min_: float | Unset = UNSET
    max_: float | Unset = UNSET
    mean: float | Unset = UNSET
    sum_: float | Unset = UNSET
    stddev: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        min_ = self.min_

        max_ = self.max_

        mean = self.mean

        sum_ = self.sum_

        stddev = self.stddev

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if count is not UNSET:
            field_dict["count"] = count
        if min_ is not UNSET:
            field_dict["min"] = min_
        if max_ is not UNSET:
            field_dict["max"] = max_
        if mean is not UNSET:
            field_dict["mean"] = mean
        if sum_ is not UNSET:
            field_dict["sum"] = sum_
        if stddev is not UNSET:
            field_dict["stddev"] = stddev

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        count = d.pop("count", UNSET)

        min_ = d.pop("min", UNSET)

        max_ = d.pop("max", UNSET)

        mean = d.pop("mean", UNSET)

        sum_ = d.pop("sum", UNSET)

        stddev = d.pop("stddev", UNSET)

        dataset_column_analytics_numeric_type_0 = cls(
            count=count,
            min_=min_,
            max_=max_,
            mean=mean,
            sum_=sum_,
            stddev=stddev,
        )

        dataset_column_analytics_numeric_type_0.additional_properties = d
        return dataset_column_analytics_numeric_type_0

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
