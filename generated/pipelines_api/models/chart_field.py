from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dataset_column_type import DatasetColumnType

T = TypeVar("T", bound="ChartField")


@_attrs_define
class ChartField:
    """
    Attributes:
        id (str):
        name (str):
        type_ (DatasetColumnType):
        dimension (bool):
        measure (bool):
        aggregations (list[str]):
    """

    id: str
    name: str
    type_: DatasetColumnType
    dimension: bool
    measure: bool
    aggregations: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        type_ = self.type_.value

        dimension = self.dimension

        measure = self.measure

        aggregations = self.aggregations

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "type": type_,
                "dimension": dimension,
                "measure": measure,
                "aggregations": aggregations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        type_ = DatasetColumnType(d.pop("type"))

        dimension = d.pop("dimension")

        measure = d.pop("measure")

        aggregations = cast(list[str], d.pop("aggregations"))

        chart_field = cls(
            id=id,
            name=name,
            type_=type_,
            dimension=dimension,
            measure=measure,
            aggregations=aggregations,
        )

        chart_field.additional_properties = d
        return chart_field

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
