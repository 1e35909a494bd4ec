from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dataset_source_format import DatasetSourceFormat
from ..models.dataset_status import DatasetStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_column import DatasetColumn


T = TypeVar("T", bound="Dataset")


@_attrs_define
class Dataset:
    """
    Attributes:
        id (int):
        org_id (int):
        name (str):
        description (str):
        status (DatasetStatus):
        source_format (DatasetSourceFormat):
        row_count (int):
        columns (list[DatasetColumn]):
        created_at (datetime.datetime):
        file_name (str | Unset):
        file_bytes (int | Unset):
        error_count (int | Unset): Lines of the file that could not be imported.
        import_job_id (None | str | Unset):
        updated_at (datetime.datetime | Unset):
    """

    id: int
    org_id: int
    name: str
    description: str
    status: DatasetStatus
    source_format: DatasetSourceFormat
    row_count: int
    columns: list[DatasetColumn]
    created_at: datetime.datetime
    file_name: str | Unset = UNSET
    file_bytes: int | Unset = UNSET
    error_count: int | Unset = UNSET
    import_job_id: None | str | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        org_id = self.org_id

        name = self.name

        description = self.description

        status = self.status.value

        source_format = self.source_format.value

        row_count = self.row_count

        columns = []
        for columns_item_data in self.columns:
            columns_item = columns_item_data.to_dict()
            columns.append(columns_item)

        created_at = self.created_at.isoformat()

        file_name = self.file_name

        file_bytes = self.file_bytes

        error_count = self.error_count

        import_job_id: None | str | Unset
        if isinstance(self.import_job_id, Unset):
            import_job_id = UNSET
        else:
            import_job_id = self.import_job_id

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "org_id": org_id,
                "name": name,
                "description": description,
                "status": status,
                "source_format": source_format,
                "row_count": row_count,
                "columns": columns,
                "created_at": created_at,
            }
        )
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if file_bytes is not UNSET:
            field_dict["file_bytes"] = file_bytes
        if error_count is not UNSET:
            field_dict["error_count"] = error_count
        if import_job_id is not UNSET:
            field_dict["import_job_id"] = import_job_id
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_column import DatasetColumn

        d = dict(src_dict)
        id = d.pop("id")

        org_id = d.pop("org_id")

        name = d.pop("name")

        description = d.pop("description")

        status = DatasetStatus(d.pop("status"))

        source_format = DatasetSourceFormat(d.pop("source_format"))

        row_count = d.pop("row_count")

        columns = []
        _columns = d.pop("columns")
        for columns_item_data in _columns:
            columns_item = DatasetColumn.from_dict(columns_item_data)

            columns.append(columns_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        file_name = d.pop("file_name", UNSET)

        file_bytes = d.pop("file_bytes", UNSET)

        error_count = d.pop("error_count", UNSET)

        def _parse_import_job_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        import_job_id = _parse_import_job_id(d.pop("import_job_id", UNSET))

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        dataset = cls(
            id=id,
            org_id=org_id,
            name=name,
            description=description,
            status=status,
            source_format=source_format,
            row_count=row_count,
            columns=columns,
            created_at=created_at,
            file_name=file_name,
            file_bytes=file_bytes,
            error_count=error_count,
            import_job_id=import_job_id,
            updated_at=updated_at,
        )

        dataset.additional_properties = d
        return dataset

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
