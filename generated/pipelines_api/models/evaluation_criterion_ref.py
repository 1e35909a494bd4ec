from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EvaluationCriterionRef")


@_attrs_define
class EvaluationCriterionRef:
    """
    Attributes:
        criterion_id (int):
        version (int | Unset): Default: the criterion's latest version when the evaluation version is written (it is
            pinned).
        weight (float | Unset):  Default: 1.0.
        name (str | Unset):
    """

    criterion_id: int
    version: int | Unset = UNSET
    weight: float | Unset = 1.0
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        criterion_id = self.criterion_id

        version = self.version

        weight = self.weight

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "criterion_id": criterion_id,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if weight is not UNSET:
            field_dict["weight"] = weight
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        criterion_id = d.pop("criterion_id")

        version = d.pop("version", UNSET)

        weight = d.pop("weight", UNSET)

        name = d.pop("name", UNSET)

        evaluation_criterion_ref = cls(
            criterion_id=criterion_id,
            version=version,
            weight=weight,
            name=name,
        )

        evaluation_criterion_ref.additional_properties = d
        return evaluation_criterion_ref

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
