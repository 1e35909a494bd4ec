from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.evaluation_score_criteria_item import EvaluationScoreCriteriaItem


T = TypeVar("T", bound="EvaluationScore")


@_attrs_define
class EvaluationScore:
    """
    Attributes:
        passed (bool):
        score (float):
        criteria (list[EvaluationScoreCriteriaItem]):
    """

    passed: bool
    score: float
    criteria: list[EvaluationScoreCriteriaItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        passed = self.passed

        score = self.score

        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "passed": passed,
                "score": score,
                "criteria": criteria,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.evaluation_score_criteria_item import EvaluationScoreCriteriaItem

        d = dict(src_dict)
        passed = d.pop("passed")

        score = d.pop("score")

        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = EvaluationScoreCriteriaItem.from_dict(criteria_item_data)

            criteria.append(criteria_item)

        evaluation_score = cls(
            passed=passed,
            score=score,
            criteria=criteria,
        )

        evaluation_score.additional_properties = d
        return evaluation_score

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
