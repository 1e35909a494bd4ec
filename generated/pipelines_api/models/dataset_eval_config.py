from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dataset_status import DatasetStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_column import DatasetColumn
    from ..models.dataset_eval_config_evaluations_item import (
        DatasetEvalConfigEvaluationsItem,
    )
    from ..models.dataset_eval_config_suggested_mapping import (
        DatasetEvalConfigSuggestedMapping,
    )


T = TypeVar("T", bound="DatasetEvalConfig")


@_attrs_define
class DatasetEvalConfig:
    """
    Attributes:
        dataset_id (int):
        columns (list[DatasetColumn]):
        suggested_mapping (DatasetEvalConfigSuggestedMapping):
        variables (list[str]):
        evaluations (list[DatasetEvalConfigEvaluationsItem]):
        dataset_status (DatasetStatus | Unset):
        row_count (int | Unset):
        evaluation_count (int | Unset):
        max_preview_rows (int | Unset):
    """

    dataset_id: int
    columns: list[DatasetColumn]
    suggested_mapping: DatasetEvalConfigSuggestedMapping
    variables: list[str]
    evaluations: list[DatasetEvalConfigEvaluationsItem]
    dataset_status: DatasetStatus | Unset = UNSET
    row_count: int | Unset = UNSET
    evaluation_count: int | Unset = UNSET
    max_preview_rows: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        columns = []
        for columns_item_data in self.columns:
            columns_item = columns_item_data.to_dict()
            columns.append(columns_item)

        suggested_mapping = self.suggested_mapping.to_dict()

        variables = self.variables

        evaluations = []
        for evaluations_item_data in self.evaluations:
            evaluations_item = evaluations_item_data.to_dict()
            evaluations.append(evaluations_item)

        dataset_status: str | Unset = UNSET
        if not isinstance(self.dataset_status, Unset):
            dataset_status = self.dataset_status.value

        row_count = self.row_count

        evaluation_count = self.evaluation_count

        max_preview_rows = self.max_preview_rows

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "columns": columns,
                "suggested_mapping": suggested_mapping,
                "variables": variables,
                "evaluations": evaluations,
            }
        )
        if dataset_status is not UNSET:
            field_dict["dataset_status"] = dataset_status
        if row_count is not UNSET:
            field_dict["row_count"] = row_count
        if evaluation_count is not UNSET:
            field_dict["evaluation_count"] = evaluation_count
        if max_preview_rows is not UNSET:
            field_dict["max_preview_rows"] = max_preview_rows

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_column import DatasetColumn
        from ..models.dataset_eval_config_evaluations_item import (
            DatasetEvalConfigEvaluationsItem,
        )
        from ..models.dataset_eval_config_suggested_mapping import (
            DatasetEvalConfigSuggestedMapping,
        )

        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        columns = []
        _columns = d.pop("columns")
        for columns_item_data in _columns:
            columns_item = DatasetColumn.from_dict(columns_item_data)

            columns.append(columns_item)

        suggested_mapping = DatasetEvalConfigSuggestedMapping.from_dict(d.pop("suggested_mapping"))

        variables = cast(list[str], d.pop("variables"))

        evaluations = []
        _evaluations = d.pop("evaluations")
        for evaluations_item_data in _evaluations:
            evaluations_item = DatasetEvalConfigEvaluationsItem.from_dict(evaluations_item_data)

            evaluations.append(evaluations_item)

        _dataset_status = d.pop("dataset_status", UNSET)
        dataset_status: DatasetStatus | Unset
        if isinstance(_dataset_status, Unset):
            dataset_status = UNSET
        else:
            dataset_status = DatasetStatus(_dataset_status)

        row_count = d.pop("row_count", UNSET)

        evaluation_count = d.pop("evaluation_count", UNSET)

        max_preview_rows = d.pop("max_preview_rows", UNSET)

        dataset_eval_config = cls(
            dataset_id=dataset_id,
            columns=columns,
            suggested_mapping=suggested_mapping,
            variables=variables,
            evaluations=evaluations,
            dataset_status=dataset_status,
            row_count=row_count,
            evaluation_count=evaluation_count,
            max_preview_rows=max_preview_rows,
        )

        dataset_eval_config.additional_properties = d
        return dataset_eval_config

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
