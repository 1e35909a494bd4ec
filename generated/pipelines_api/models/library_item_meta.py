from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.library_item_meta_scope_type import LibraryItemMetaScopeType
from ..types import UNSET, Unset

T = TypeVar("T", bound="LibraryItemMeta")


@_attrs_define
class LibraryItemMeta:
    """
    Attributes:
        id (int):
        org_id (int):
        scope_type (LibraryItemMetaScopeType):
        name (str):
        description (str):
        version (int): The version shown (immutable; updates add versions).
        versions (int): How many versions the item has (= its latest version).
        created_at (datetime.datetime):
        updated_at (datetime.datetime): When this version was written.
        latest_version (int | Unset):
        created_by_id (int | None | Unset):
    """

    id: int
    org_id: int
    scope_type: LibraryItemMetaScopeType
    name: str
    description: str
    version: int
    versions: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    latest_version: int | Unset = UNSET
    created_by_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        org_id = self.org_id

        scope_type = self.scope_type.value

        name = self.name

        description = self.description

        version = self.version

        versions = self.versions

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        latest_version = self.latest_version

        created_by_id: int | None | Unset
        if isinstance(self.created_by_id, Unset):
            created_by_id = UNSET
        else:
            created_by_id = self.created_by_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "org_id": org_id,
                "scope_type": scope_type,
                "name": name,
                "description": description,
                "version": version,
                "versions": versions,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if latest_version is not UNSET:
            field_dict["latest_version"] = latest_version
        if created_by_id is not UNSET:
            field_dict["created_by_id"] = created_by_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        org_id = d.pop("org_id")

        scope_type = LibraryItemMetaScopeType(d.pop("scope_type"))

        name = d.pop("name")

        description = d.pop("description")

        version = d.pop("version")

        versions = d.pop("versions")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        latest_version = d.pop("latest_version", UNSET)

        def _parse_created_by_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_by_id = _parse_created_by_id(d.pop("created_by_id", UNSET))

        library_item_meta = cls(
            id=id,
            org_id=org_id,
            scope_type=scope_type,
            name=name,
            description=description,
            version=version,
            versions=versions,
            created_at=created_at,
            updated_at=updated_at,
            latest_version=latest_version,
            created_by_id=created_by_id,
        )

        library_item_meta.additional_properties = d
        return library_item_meta

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
