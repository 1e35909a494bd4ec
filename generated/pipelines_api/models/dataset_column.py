from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dataset_column_type import DatasetColumnType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_column_type_counts import DatasetColumnTypeCounts


T = TypeVar("T", bound="DatasetColumn")


@_attrs_define
class DatasetColumn:
    """
    Attributes:
        name (str):
        type_ (DatasetColumnType):
        type_counts (DatasetColumnTypeCounts | Unset): How many values of each type the column holds.
    """

    name: str
    type_: DatasetColumnType
    type_counts: DatasetColumnTypeCounts | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_.value

        type_counts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.type_counts, Unset):
            type_counts = self.type_counts.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "type": type_,
            }
        )
        if type_counts is not UNSET:
            field_dict["type_counts"] = type_counts

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_column_type_counts import DatasetColumnTypeCounts

        d = dict(src_dict)
        name = d.pop("name")

        type_ = DatasetColumnType(d.pop("type"))

        _type_counts = d.pop("type_counts", UNSET)
        type_counts: DatasetColumnTypeCounts | Unset
        if isinstance(_type_counts, Unset):
            type_counts = UNSET
        else:
            type_counts = DatasetColumnTypeCounts.from_dict(_type_counts)

        dataset_column = cls(
            name=name,
            type_=type_,
            type_counts=type_counts,
        )

        dataset_column.additional_properties = d
        return dataset_column

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
