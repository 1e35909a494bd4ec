from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_eval_row_result_criteria_item import (
        DatasetEvalRowResultCriteriaItem,
    )
    from ..models.dataset_eval_row_result_data import DatasetEvalRowResultData


T = TypeVar("T", bound="DatasetEvalRowResult")


@_attrs_define
class DatasetEvalRowResult:
    """
    Attributes:
        row_index (int):
        passed (bool | None):
        score (float | None):
        criteria (list[DatasetEvalRowResultCriteriaItem]):
        data (DatasetEvalRowResultData | Unset):
        error (None | str | Unset):
    """

    row_index: int
    passed: bool | None
    score: float | None
    criteria: list[DatasetEvalRowResultCriteriaItem]
    data: DatasetEvalRowResultData | Unset = UNSET
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        row_index = self.row_index

        passed: bool | None
        passed = self.passed

        score: float | None
        score = self.score

        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "row_index": row_index,
                "passed": passed,
                "score": score,
                "criteria": criteria,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_eval_row_result_criteria_item import (
            DatasetEvalRowResultCriteriaItem,
        )
        from ..models.dataset_eval_row_result_data import DatasetEvalRowResultData

        d = dict(src_dict)
        row_index = d.pop("row_index")

        def _parse_passed(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        passed = _parse_passed(d.pop("passed"))

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = DatasetEvalRowResultCriteriaItem.from_dict(criteria_item_data)

            criteria.append(criteria_item)

        _data = d.pop("data", UNSET)
        data: DatasetEvalRowResultData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = DatasetEvalRowResultData.from_dict(_data)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        dataset_eval_row_result = cls(
            row_index=row_index,
            passed=passed,
            score=score,
            criteria=criteria,
            data=data,
            error=error,
        )

        dataset_eval_row_result.additional_properties = d
        return dataset_eval_row_result

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
