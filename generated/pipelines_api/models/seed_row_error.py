from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.seed_row_error_errors_item import SeedRowErrorErrorsItem


T = TypeVar("T", bound="SeedRowError")


@_attrs_define
class SeedRowError:
    """
    Attributes:
        index (int): The dataset row's row_index.
        message (str):
        row_index (int | Unset):
        errors (list[SeedRowErrorErrorsItem] | Unset):
    """

    index: int
    message: str
    row_index: int | Unset = UNSET
    errors: list[SeedRowErrorErrorsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        message = self.message

        row_index = self.row_index

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "message": message,
            }
        )
        if row_index is not UNSET:
            field_dict["row_index"] = row_index
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.seed_row_error_errors_item import SeedRowErrorErrorsItem

        d = dict(src_dict)
        index = d.pop("index")

        message = d.pop("message")

        row_index = d.pop("row_index", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: list[SeedRowErrorErrorsItem] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = SeedRowErrorErrorsItem.from_dict(errors_item_data)

                errors.append(errors_item)

        seed_row_error = cls(
            index=index,
            message=message,
            row_index=row_index,
            errors=errors,
        )

        seed_row_error.additional_properties = d
        return seed_row_error

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
