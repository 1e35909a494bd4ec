from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_eval_request_column_mapping import (
        DatasetEvalRequestColumnMapping,
    )


T = TypeVar("T", bound="DatasetEvalRequest")


@_attrs_define
class DatasetEvalRequest:
    """
    Attributes:
        evaluation_id (int):
        version (int | Unset): The evaluation version (default: the latest).
        column_mapping (DatasetEvalRequestColumnMapping | Unset): Variable -> dataset column: `output` (required,
            suggested by default), `expected`, or any variable an llm_judge prompt names.
        offset (int | Unset):  Default: 0.
        limit (int | Unset):
    """

    evaluation_id: int
    version: int | Unset = UNSET
    column_mapping: DatasetEvalRequestColumnMapping | Unset = UNSET
    offset: int | Unset = 0
    limit: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        evaluation_id = self.evaluation_id

        version = self.version

        column_mapping: dict[str, Any] | Unset = UNSET
        if not isinstance(self.column_mapping, Unset):
            column_mapping = self.column_mapping.to_dict()

        offset = self.offset

        limit = self.limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "evaluation_id": evaluation_id,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if column_mapping is not UNSET:
            field_dict["column_mapping"] = column_mapping
        if offset is not UNSET:
            field_dict["offset"] = offset
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_eval_request_column_mapping import (
            DatasetEvalRequestColumnMapping,
        )

        d = dict(src_dict)
        evaluation_id = d.pop("evaluation_id")

        version = d.pop("version", UNSET)

        _column_mapping = d.pop("column_mapping", UNSET)
        column_mapping: DatasetEvalRequestColumnMapping | Unset
        if isinstance(_column_mapping, Unset):
            column_mapping = UNSET
        else:
            column_mapping = DatasetEvalRequestColumnMapping.from_dict(_column_mapping)

        offset = d.pop("offset", UNSET)

        limit = d.pop("limit", UNSET)

        dataset_eval_request = cls(
            evaluation_id=evaluation_id,
            version=version,
            column_mapping=column_mapping,
            offset=offset,
            limit=limit,
        )

        dataset_eval_request.additional_properties = d
        return dataset_eval_request

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
