from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.project_file_status import ProjectFileStatus

T = TypeVar("T", bound="ProjectFile")


@_attrs_define
class ProjectFile:
    """
    Attributes:
        id (str):
        file_id (str): Same as id.
        project_id (int):
        org_id (int):
        filename (str): The sanitized name (last path segment, no control characters).
        content_type (str): As the uploader declared it (downloads may be served as application/octet-stream).
        status (ProjectFileStatus): pending: upload URL issued; uploading: its PUT is streaming; uploaded: bytes
            arrived, not confirmed; ready: confirmed, downloadable; gc_pending: deletion requested, bytes removed after
            gc_after; deleted: bytes removed.
        size_bytes (int | None): Bytes received.
        declared_size_bytes (int | None):
        sha256 (None | str): Hex SHA-256 of the bytes received.
        uploader_id (int | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        confirmed_at (datetime.datetime | None):
        gc_after (datetime.datetime | None):
    """

    id: str
    file_id: str
    project_id: int
    org_id: int
    filename: str
    content_type: str
    status: ProjectFileStatus
    size_bytes: int | None
    declared_size_bytes: int | None
    sha256: None | str
    uploader_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    confirmed_at: datetime.datetime | None
    gc_after: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        file_id = self.file_id

        project_id = self.project_id

        org_id = self.org_id

        filename = self.filename

        content_type = self.content_type

        status = self.status.value

        size_bytes: int | None
        size_bytes = self.size_bytes

        declared_size_bytes: int | None
        declared_size_bytes = self.declared_size_bytes

        sha256: None | str
        sha256 = self.sha256

        uploader_id: int | None
        uploader_id = self.uploader_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        confirmed_at: None | str
        if isinstance(self.confirmed_at, datetime.datetime):
            confirmed_at = self.confirmed_at.isoformat()
        else:
            confirmed_at = self.confirmed_at

        gc_after: None | str
        if isinstance(self.gc_after, datetime.datetime):
            gc_after = self.gc_after.isoformat()
        else:
            gc_after = self.gc_after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "file_id": file_id,
                "project_id": project_id,
                "org_id": org_id,
                "filename": filename,
                "content_type": content_type,
                "status": status,
                "size_bytes": size_bytes,
                "declared_size_bytes": declared_size_bytes,
                "sha256": sha256,
                "uploader_id": uploader_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "confirmed_at": confirmed_at,
                "gc_after": gc_after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        file_id = d.pop("file_id")

        project_id = d.pop("project_id")

        org_id = d.pop("org_id")

        filename = d.pop("filename")

        content_type = d.pop("content_type")

        status = ProjectFileStatus(d.pop("status"))

        def _parse_size_bytes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        size_bytes = _parse_size_bytes(d.pop("size_bytes"))

        def _parse_declared_size_bytes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        declared_size_bytes = _parse_declared_size_bytes(d.pop("declared_size_bytes"))

        def _parse_sha256(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sha256 = _parse_sha256(d.pop("sha256"))

        def _parse_uploader_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        uploader_id = _parse_uploader_id(d.pop("uploader_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_confirmed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                confirmed_at_type_0 = datetime.datetime.fromisoformat(data)

                return confirmed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        confirmed_at = _parse_confirmed_at(d.pop("confirmed_at"))

        def _parse_gc_after(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gc_after_type_0 = datetime.datetime.fromisoformat(data)

                return gc_after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        gc_after = _parse_gc_after(d.pop("gc_after"))

        project_file = cls(
            id=id,
            file_id=file_id,
            project_id=project_id,
            org_id=org_id,
            filename=filename,
            content_type=content_type,
            status=status,
            size_bytes=size_bytes,
            declared_size_bytes=declared_size_bytes,
            sha256=sha256,
            uploader_id=uploader_id,
            created_at=created_at,
            updated_at=updated_at,
            confirmed_at=confirmed_at,
            gc_after=gc_after,
        )

        project_file.additional_properties = d
        return project_file

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
