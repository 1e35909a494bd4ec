from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_eval_summary_criteria_item import DatasetEvalSummaryCriteriaItem


T = TypeVar("T", bound="DatasetEvalSummary")


@_attrs_define
class DatasetEvalSummary:
    """
    Attributes:
        rows_scored (int):
        passed_count (int):
        failed_count (int):
        error_count (int):
        criteria (list[DatasetEvalSummaryCriteriaItem]):
        pass_rate (float | None | Unset):
        mean_score (float | None | Unset):
    """

    rows_scored: int
    passed_count: int
    failed_count: int
    error_count: int
    criteria: list[DatasetEvalSummaryCriteriaItem]
    pass_rate: float | None | Unset = UNSET
    mean_score: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rows_scored = self.rows_scored

        passed_count = self.passed_count

        failed_count = self.failed_count

        error_count = self.error_count

        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)

        pass_rate: float | None | Unset
        if isinstance(self.pass_rate, Unset):
            pass_rate = UNSET
        else:
            pass_rate = self.pass_rate

        mean_score: float | None | Unset
        if isinstance(self.mean_score, Unset):
            mean_score = UNSET
        else:
            mean_score = self.mean_score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rows_scored": rows_scored,
                "passed_count": passed_count,
                "failed_count": failed_count,
                "error_count": error_count,
                "criteria": criteria,
            }
        )
        if pass_rate is not UNSET:
            field_dict["pass_rate"] = pass_rate
        if mean_score is not UNSET:
            field_dict["mean_score"] = mean_score

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_eval_summary_criteria_item import (
            DatasetEvalSummaryCriteriaItem,
        )

        d = dict(src_dict)
        rows_scored = d.pop("rows_scored")

        passed_count = d.pop("passed_count")

        failed_count = d.pop("failed_count")

        error_count = d.pop("error_count")

        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = DatasetEvalSummaryCriteriaItem.from_dict(criteria_item_data)

            criteria.append(criteria_item)

        def _parse_pass_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pass_rate = _parse_pass_rate(d.pop("pass_rate", UNSET))

        def _parse_mean_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mean_score = _parse_mean_score(d.pop("mean_score", UNSET))

        dataset_eval_summary = cls(
            rows_scored=rows_scored,
            passed_count=passed_count,
            failed_count=failed_count,
            error_count=error_count,
            criteria=criteria,
            pass_rate=pass_rate,
            mean_score=mean_score,
        )

        dataset_eval_summary.additional_properties = d
        return dataset_eval_summary

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
