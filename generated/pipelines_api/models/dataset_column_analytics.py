from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dataset_column_type import DatasetColumnType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_column_analytics_numeric_type_0 import (
        DatasetColumnAnalyticsNumericType0,
    )
    from ..models.dataset_column_analytics_text_length_type_0 import (
        DatasetColumnAnalyticsTextLengthType0,
    )
    from ..models.dataset_column_analytics_top_values_item import (
        DatasetColumnAnalyticsTopValuesItem,
    )
    from ..models.dataset_column_analytics_type_counts import (
        DatasetColumnAnalyticsTypeCounts,
    )


T = TypeVar("T", bound="DatasetColumnAnalytics")


@_attrs_define
class DatasetColumnAnalytics:
    """
    Attributes:
        name (str):
        type_ (DatasetColumnType):
        type_counts (DatasetColumnAnalyticsTypeCounts):
        count (int):
        null_count (int):
        distinct_count (int):
        distinct_capped (bool):
        top_values (list[DatasetColumnAnalyticsTopValuesItem]):
        missing_count (int | Unset):
        numeric (DatasetColumnAnalyticsNumericType0 | None | Unset):
        text_length (DatasetColumnAnalyticsTextLengthType0 | None | Unset):
    """

    name: str
    type_: DatasetColumnType
    type_counts: DatasetColumnAnalyticsTypeCounts
    count: int
    null_count: int
    distinct_count: int
    distinct_capped: bool
    top_values: list[DatasetColumnAnalyticsTopValuesItem]
    missing_count: int | Unset = UNSET
    numeric: DatasetColumnAnalyticsNumericType0 | None | Unset = UNSET
    text_length: DatasetColumnAnalyticsTextLengthType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.dataset_column_analytics_numeric_type_0 import (
            DatasetColumnAnalyticsNumericType0,
        )
        from ..models.dataset_column_analytics_text_length_type_0 import (
            DatasetColumnAnalyticsTextLengthType0,
        )

        name = self.name

        type_ = self.type_.value

        type_counts = self.type_counts.to_dict()

        count = self.count

        null_count = self.null_count

        distinct_count = self.distinct_count

        distinct_capped = self.distinct_capped

        top_values = []
        for top_values_item_data in self.top_values:
            top_values_item = top_values_item_data.to_dict()
            top_values.append(top_values_item)

        missing_count = self.missing_count

        numeric: dict[str, Any] | None | Unset
        if isinstance(self.numeric, Unset):
            numeric = UNSET
        elif isinstance(self.numeric, DatasetColumnAnalyticsNumericType0):
            numeric = self.numeric.to_dict()
        else:
            numeric = self.numeric

        text_length: dict[str, Any] | None | Unset
        if isinstance(self.text_length, Unset):
            text_length = UNSET
        elif isinstance(self.text_length, DatasetColumnAnalyticsTextLengthType0):
            text_length = self.text_length.to_dict()
        else:
            text_length = self.text_length

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "type": type_,
                "type_counts": type_counts,
                "count": count,
                "null_count": null_count,
                "distinct_count": distinct_count,
                "distinct_capped": distinct_capped,
                "top_values": top_values,
            }
        )
        if missing_count is not UNSET:
            field_dict["missing_count"] = missing_count
        if numeric is not UNSET:
            field_dict["numeric"] = numeric
        if text_length is not UNSET:
            field_dict["text_length"] = text_length

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_column_analytics_numeric_type_0 import (
            DatasetColumnAnalyticsNumericType0,
        )
        from ..models.dataset_column_analytics_text_length_type_0 import (
            DatasetColumnAnalyticsTextLengthType0,
        )
        from ..models.dataset_column_analytics_top_values_item import (
            DatasetColumnAnalyticsTopValuesItem,
        )
        from ..models.dataset_column_analytics_type_counts import (
            DatasetColumnAnalyticsTypeCounts,
        )

        d = dict(src_dict)
        name = d.pop("name")

        type_ = DatasetColumnType(d.pop("type"))

        type_counts = DatasetColumnAnalyticsTypeCounts.from_dict(d.pop("type_counts"))

        count = d.pop("count")

        null_count = d.pop("null_count")

        distinct_count = d.pop("distinct_count")

        distinct_capped = d.pop("distinct_capped")

        top_values = []
        _top_values = d.pop("top_values")
        for top_values_item_data in _top_values:
            top_values_item = DatasetColumnAnalyticsTopValuesItem.from_dict(top_values_item_data)

            top_values.append(top_values_item)

        missing_count = d.pop("missing_count", UNSET)

        def _parse_numeric(data: object) -> DatasetColumnAnalyticsNumericType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                numeric_type_0 = DatasetColumnAnalyticsNumericType0.from_dict(data)

                return numeric_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DatasetColumnAnalyticsNumericType0 | None | Unset, data)

        numeric = _parse_numeric(d.pop("numeric", UNSET))

        def _parse_text_length(
            data: object,
        ) -> DatasetColumnAnalyticsTextLengthType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                text_length_type_0 = DatasetColumnAnalyticsTextLengthType0.from_dict(data)

                return text_length_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DatasetColumnAnalyticsTextLengthType0 | None | Unset, data)

        text_length = _parse_text_length(d.pop("text_length", UNSET))

        dataset_column_analytics = cls(
            name=name,
            type_=type_,
            type_counts=type_counts,
            count=count,
            null_count=null_count,
            distinct_count=distinct_count,
            distinct_capped=distinct_capped,
            top_values=top_values,
            missing_count=missing_count,
            numeric=numeric,
            text_length=text_length,
        )

        dataset_column_analytics.additional_properties = d
        return dataset_column_analytics

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
