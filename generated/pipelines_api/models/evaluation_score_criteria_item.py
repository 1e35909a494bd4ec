from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EvaluationScoreCriteriaItem")


@_attrs_define
class EvaluationScoreCriteriaItem:
    """
    Attributes:
        passed (bool):
        score (float):
        message (str):
        criterion_id (int | None | Unset):
        version (int | None | Unset):
        name (None | str | Unset):
        type_ (None | str | Unset):
        weight (float | Unset):
    """

    passed: bool
    score: float
    message: str
    criterion_id: int | None | Unset = UNSET
    version: int | None | Unset = UNSET
    name: None | str | Unset = UNSET
    type_: None | str | Unset = UNSET
    weight: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        passed = self.passed

        score = self.score

        message = self.message

        criterion_id: int | None | Unset
        if isinstance(self.criterion_id, Unset):
            criterion_id = UNSET
        else:
            criterion_id = self.criterion_id

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        weight = self.weight

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "passed": passed,
                "score": score,
                "message": message,
            }
        )
        if criterion_id is not UNSET:
            field_dict["criterion_id"] = criterion_id
        if version is not UNSET:
            field_dict["version"] = version
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if weight is not UNSET:
            field_dict["weight"] = weight

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        passed = d.pop("passed")

        score = d.pop("score")

        message = d.pop("message")

        def _parse_criterion_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        criterion_id = _parse_criterion_id(d.pop("criterion_id", UNSET))

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        weight = d.pop("weight", UNSET)

        evaluation_score_criteria_item = cls(
            passed=passed,
            score=score,
            message=message,
            criterion_id=criterion_id,
            version=version,
            name=name,
            type_=type_,
            weight=weight,
        )

        evaluation_score_criteria_item.additional_properties = d
        return evaluation_score_criteria_item

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
