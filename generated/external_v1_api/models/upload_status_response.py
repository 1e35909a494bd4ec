from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.upload_status import UploadStatus

if TYPE_CHECKING:
    from ..models.row_error import RowError


T = TypeVar("T", bound="UploadStatusResponse")


@_attrs_define
class UploadStatusResponse:
    """
    Attributes:
        upload_id (UUID):
        status (UploadStatus):
        success_count (int):
        error_count (int):
        errors (list[RowError]):
        task_ids (list[int]):
        message (None | str): Why the whole upload failed, when it did.
        expires_at (datetime.datetime):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    upload_id: UUID
    status: UploadStatus
    success_count: int
    error_count: int
    errors: list[RowError]
    task_ids: list[int]
    message: None | str
    expires_at: datetime.datetime
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        upload_id = str(self.upload_id)

        status = self.status.value

        success_count = self.success_count

        error_count = self.error_count

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        task_ids = self.task_ids

        message: None | str
        message = self.message

        expires_at = self.expires_at.isoformat()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "upload_id": upload_id,
                "status": status,
                "success_count": success_count,
                "error_count": error_count,
                "errors": errors,
                "task_ids": task_ids,
                "message": message,
                "expires_at": expires_at,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.row_error import RowError

        d = dict(src_dict)
        upload_id = UUID(d.pop("upload_id"))

        status = UploadStatus(d.pop("status"))

        success_count = d.pop("success_count")

        error_count = d.pop("error_count")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = RowError.from_dict(errors_item_data)

            errors.append(errors_item)

        task_ids = cast(list[int], d.pop("task_ids"))

        def _parse_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message = _parse_message(d.pop("message"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        upload_status_response = cls(
            upload_id=upload_id,
            status=status,
            success_count=success_count,
            error_count=error_count,
            errors=errors,
            task_ids=task_ids,
            message=message,
            expires_at=expires_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        upload_status_response.additional_properties = d
        return upload_status_response

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
