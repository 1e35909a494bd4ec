from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DatasetEvalSummaryCriteriaItem")


@_attrs_define
class DatasetEvalSummaryCriteriaItem:
    """
    Attributes:
        criterion_id (int | None | Unset):
        name (None | str | Unset):
        passed (int | Unset):
        total (int | Unset):
        pass_rate (float | None | Unset):
    """

    criterion_id: int | None | Unset = UNSET
    name: None | str | Unset = UNSET
    passed: int | Unset = UNSET
    total: int | Unset = UNSET
    pass_rate: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        criterion_id: int | None | Unset
        if isinstance(self.criterion_id, Unset):
            criterion_id = UNSET
        else:
            criterion_id = self.criterion_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        passed = self.passed

        total = self.total

        pass_rate: float | None | Unset
        if isinstance(self.pass_rate, Unset):
            pass_rate = UNSET
        else:
            pass_rate = self.pass_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if criterion_id is not UNSET:
            field_dict["criterion_id"] = criterion_id
        if name is not UNSET:
            field_dict["name"] = name
        if passed is not UNSET:
            field_dict["passed"] = passed
        if total is not UNSET:
            field_dict["total"] = total
        if pass_rate is not UNSET:
            field_dict["pass_rate"] = pass_rate

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_criterion_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        criterion_id = _parse_criterion_id(d.pop("criterion_id", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        passed = d.pop("passed", UNSET)

        total = d.pop("total", UNSET)

        def _parse_pass_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pass_rate = _parse_pass_rate(d.pop("pass_rate", UNSET))

        dataset_eval_summary_criteria_item = cls(
            criterion_id=criterion_id,
            name=name,
            passed=passed,
            total=total,
            pass_rate=pass_rate,
        )

        dataset_eval_summary_criteria_item.additional_properties = d
        return dataset_eval_summary_criteria_item

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
