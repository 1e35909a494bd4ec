from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.chart_field import ChartField


T = TypeVar("T", bound="ChartFields")


@_attrs_define
class ChartFields:
    """
    Attributes:
        dataset_id (int):
        fields (list[ChartField]):
        dimensions (list[str]):
        measures (list[str]):
    """

    dataset_id: int
    fields: list[ChartField]
    dimensions: list[str]
    measures: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        dimensions = self.dimensions

        measures = self.measures

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "fields": fields,
                "dimensions": dimensions,
                "measures": measures,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chart_field import ChartField

        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = ChartField.from_dict(fields_item_data)

            fields.append(fields_item)

        dimensions = cast(list[str], d.pop("dimensions"))

        measures = cast(list[str], d.pop("measures"))

        chart_fields = cls(
            dataset_id=dataset_id,
            fields=fields,
            dimensions=dimensions,
            measures=measures,
        )

        chart_fields.additional_properties = d
        return chart_fields

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
