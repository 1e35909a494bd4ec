from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProjectFileDownloadUrl")


@_attrs_define
class ProjectFileDownloadUrl:
    """
    Attributes:
        file_id (str):
        url (str): Signed; GET it without an API key until expires_at.
        expires_at (datetime.datetime):
        filename (str):
        content_type (str):
        size_bytes (int | None):
        sha256 (None | str):
    """

    file_id: str
    url: str
    expires_at: datetime.datetime
    filename: str
    content_type: str
    size_bytes: int | None
    sha256: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_id = self.file_id

        url = self.url

        expires_at = self.expires_at.isoformat()

        filename = self.filename

        content_type = self.content_type

        size_bytes: int | None
        size_bytes = self.size_bytes

        sha256: None | str
        sha256 = self.sha256

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file_id": file_id,
                "url": url,
                "expires_at": expires_at,
                "filename": filename,
                "content_type": content_type,
                "size_bytes": size_bytes,
                "sha256": sha256,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        file_id = d.pop("file_id")

        url = d.pop("url")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        filename = d.pop("filename")

        content_type = d.pop("content_type")

        def _parse_size_bytes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        size_bytes = _parse_size_bytes(d.pop("size_bytes"))

        def _parse_sha256(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sha256 = _parse_sha256(d.pop("sha256"))

        project_file_download_url = cls(
            file_id=file_id,
            url=url,
            expires_at=expires_at,
            filename=filename,
            content_type=content_type,
            size_bytes=size_bytes,
            sha256=sha256,
        )

        project_file_download_url.additional_properties = d
        return project_file_download_url

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
