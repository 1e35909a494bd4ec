from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.seed_from_dataset_column_mapping import SeedFromDatasetColumnMapping


T = TypeVar("T", bound="SeedFromDataset")


@_attrs_define
class SeedFromDataset:
    """
    Attributes:
        dataset_id (int):
        column_mapping (SeedFromDatasetColumnMapping | Unset): Workflow field name -> dataset column name. Default:
            same-name columns.
        offset (int | Unset):  Default: 0.
        limit (int | Unset):
    """

    dataset_id: int
    column_mapping: SeedFromDatasetColumnMapping | Unset = UNSET
    offset: int | Unset = 0
    limit: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        column_mapping: dict[str, Any] | Unset = UNSET
        if not isinstance(self.column_mapping, Unset):
            column_mapping = self.column_mapping.to_dict()

        offset = self.offset

        limit = self.limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
            }
        )
        if column_mapping is not UNSET:
            field_dict["column_mapping"] = column_mapping
        if offset is not UNSET:
            field_dict["offset"] = offset
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.seed_from_dataset_column_mapping import (
            SeedFromDatasetColumnMapping,
        )

        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        _column_mapping = d.pop("column_mapping", UNSET)
        column_mapping: SeedFromDatasetColumnMapping | Unset
        if isinstance(_column_mapping, Unset):
            column_mapping = UNSET
        else:
            column_mapping = SeedFromDatasetColumnMapping.from_dict(_column_mapping)

        offset = d.pop("offset", UNSET)

        limit = d.pop("limit", UNSET)

        seed_from_dataset = cls(
            dataset_id=dataset_id,
            column_mapping=column_mapping,
            offset=offset,
            limit=limit,
        )

        seed_from_dataset.additional_properties = d
        return seed_from_dataset

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
