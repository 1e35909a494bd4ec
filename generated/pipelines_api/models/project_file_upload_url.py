from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.project_file_upload_url_method import ProjectFileUploadUrlMethod

if TYPE_CHECKING:
    from ..models.project_file import ProjectFile
    from ..models.project_file_upload_url_headers import ProjectFileUploadUrlHeaders


T = TypeVar("T", bound="ProjectFileUploadUrl")


@_attrs_define
class ProjectFileUploadUrl:
    """
    Attributes:
        file_id (str):
        upload_url (str): Signed, single-use; PUT the raw bytes here without an API key.
        method (ProjectFileUploadUrlMethod):
        headers (ProjectFileUploadUrlHeaders): Headers to send with the PUT.
        expires_at (datetime.datetime):
        max_bytes (int): The most bytes the PUT may send.
        file (ProjectFile):
    """

    file_id: str
    upload_url: str
    method: ProjectFileUploadUrlMethod
    headers: ProjectFileUploadUrlHeaders
    expires_at: datetime.datetime
    max_bytes: int
    file: ProjectFile
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_id = self.file_id

        upload_url = self.upload_url

        method = self.method.value

        headers = self.headers.to_dict()

        expires_at = self.expires_at.isoformat()

        max_bytes = self.max_bytes

        file = self.file.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file_id": file_id,
                "upload_url": upload_url,
                "method": method,
                "headers": headers,
                "expires_at": expires_at,
                "max_bytes": max_bytes,
                "file": file,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.project_file import ProjectFile
        from ..models.project_file_upload_url_headers import ProjectFileUploadUrlHeaders

        d = dict(src_dict)
        file_id = d.pop("file_id")

        upload_url = d.pop("upload_url")

        method = ProjectFileUploadUrlMethod(d.pop("method"))

        headers = ProjectFileUploadUrlHeaders.from_dict(d.pop("headers"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        max_bytes = d.pop("max_bytes")

        file = ProjectFile.from_dict(d.pop("file"))

        project_file_upload_url = cls(
            file_id=file_id,
            upload_url=upload_url,
            method=method,
            headers=headers,
            expires_at=expires_at,
            max_bytes=max_bytes,
            file=file,
        )

        project_file_upload_url.additional_properties = d
        return project_file_upload_url

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
