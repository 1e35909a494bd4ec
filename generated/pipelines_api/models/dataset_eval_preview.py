from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dataset_eval_preview_column_mapping import (
        DatasetEvalPreviewColumnMapping,
    )
    from ..models.dataset_eval_row_result import DatasetEvalRowResult
    from ..models.dataset_eval_summary import DatasetEvalSummary


T = TypeVar("T", bound="DatasetEvalPreview")


@_attrs_define
class DatasetEvalPreview:
    """
    Attributes:
        dataset_id (int):
        evaluation_id (int):
        version (int):
        column_mapping (DatasetEvalPreviewColumnMapping):
        rows (list[DatasetEvalRowResult]):
        summary (DatasetEvalSummary):
    """

    dataset_id: int
    evaluation_id: int
    version: int
    column_mapping: DatasetEvalPreviewColumnMapping
    rows: list[DatasetEvalRowResult]
    summary: DatasetEvalSummary
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        evaluation_id = self.evaluation_id

        version = self.version

        column_mapping = self.column_mapping.to_dict()

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        summary = self.summary.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "evaluation_id": evaluation_id,
                "version": version,
                "column_mapping": column_mapping,
                "rows": rows,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_eval_preview_column_mapping import (
            DatasetEvalPreviewColumnMapping,
        )
        from ..models.dataset_eval_row_result import DatasetEvalRowResult
        from ..models.dataset_eval_summary import DatasetEvalSummary

        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        evaluation_id = d.pop("evaluation_id")

        version = d.pop("version")

        column_mapping = DatasetEvalPreviewColumnMapping.from_dict(d.pop("column_mapping"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = DatasetEvalRowResult.from_dict(rows_item_data)

            rows.append(rows_item)

        summary = DatasetEvalSummary.from_dict(d.pop("summary"))

        dataset_eval_preview = cls(
            dataset_id=dataset_id,
            evaluation_id=evaluation_id,
            version=version,
            column_mapping=column_mapping,
            rows=rows,
            summary=summary,
        )

        dataset_eval_preview.additional_properties = d
        return dataset_eval_preview

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
