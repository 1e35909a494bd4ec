from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dataset_import_preview_format import DatasetImportPreviewFormat
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_column import DatasetColumn
    from ..models.dataset_import_preview_rows_item import DatasetImportPreviewRowsItem
    from ..models.dataset_line_error import DatasetLineError


T = TypeVar("T", bound="DatasetImportPreview")


@_attrs_define
class DatasetImportPreview:
    """
    Attributes:
        format_ (DatasetImportPreviewFormat):
        columns (list[DatasetColumn]):
        rows (list[DatasetImportPreviewRowsItem]): Up to 20 sample rows.
        row_estimate (int): Rows in the file: exact when `estimated` is false.
        errors (list[DatasetLineError]):
        delimiter (None | str | Unset):
        sample_size (int | Unset):
        estimated (bool | Unset):
        file_name (None | str | Unset):
        file_bytes (int | None | Unset):
    """

    format_: DatasetImportPreviewFormat
    columns: list[DatasetColumn]
    rows: list[DatasetImportPreviewRowsItem]
    row_estimate: int
    errors: list[DatasetLineError]
    delimiter: None | str | Unset = UNSET
    sample_size: int | Unset = UNSET
    estimated: bool | Unset = UNSET
    file_name: None | str | Unset = UNSET
    file_bytes: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_.value

        columns = []
        for columns_item_data in self.columns:
            columns_item = columns_item_data.to_dict()
            columns.append(columns_item)

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        row_estimate = self.row_estimate

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        delimiter: None | str | Unset
        if isinstance(self.delimiter, Unset):
            delimiter = UNSET
        else:
            delimiter = self.delimiter

        sample_size = self.sample_size

        estimated = self.estimated

        file_name: None | str | Unset
        if isinstance(self.file_name, Unset):
            file_name = UNSET
        else:
            file_name = self.file_name

        file_bytes: int | None | Unset
        if isinstance(self.file_bytes, Unset):
            file_bytes = UNSET
        else:
            file_bytes = self.file_bytes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "format": format_,
                "columns": columns,
                "rows": rows,
                "row_estimate": row_estimate,
                "errors": errors,
            }
        )
        if delimiter is not UNSET:
            field_dict["delimiter"] = delimiter
        if sample_size is not UNSET:
            field_dict["sample_size"] = sample_size
        if estimated is not UNSET:
            field_dict["estimated"] = estimated
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if file_bytes is not UNSET:
            field_dict["file_bytes"] = file_bytes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_column import DatasetColumn
        from ..models.dataset_import_preview_rows_item import (
            DatasetImportPreviewRowsItem,
        )
        from ..models.dataset_line_error import DatasetLineError

        d = dict(src_dict)
        format_ = DatasetImportPreviewFormat(d.pop("format"))

        columns = []
        _columns = d.pop("columns")
        for columns_item_data in _columns:
            columns_item = DatasetColumn.from_dict(columns_item_data)

            columns.append(columns_item)

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = DatasetImportPreviewRowsItem.from_dict(rows_item_data)

            rows.append(rows_item)

        row_estimate = d.pop("row_estimate")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = DatasetLineError.from_dict(errors_item_data)

            errors.append(errors_item)

        def _parse_delimiter(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        delimiter = _parse_delimiter(d.pop("delimiter", UNSET))

        sample_size = d.pop("sample_size", UNSET)

        estimated = d.pop("estimated", UNSET)

        def _parse_file_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_name = _parse_file_name(d.pop("file_name", UNSET))

        def _parse_file_bytes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        file_bytes = _parse_file_bytes(d.pop("file_bytes", UNSET))

        dataset_import_preview = cls(
            format_=format_,
            columns=columns,
            rows=rows,
            row_estimate=row_estimate,
            errors=errors,
            delimiter=delimiter,
            sample_size=sample_size,
            estimated=estimated,
            file_name=file_name,
            file_bytes=file_bytes,
        )

        dataset_import_preview.additional_properties = d
        return dataset_import_preview

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
