from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.library_item_meta_scope_type import LibraryItemMetaScopeType
from ..models.prompt_role import PromptRole
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.prompt_placeholder import PromptPlaceholder


T = TypeVar("T", bound="Prompt")


@_attrs_define
class Prompt:
    """A prompt template: `{{var}}` placeholders (sandboxed Jinja2, as llm nodes render them),
    each declared in `prompt_placeholders`. llm nodes reference one with
    `prompt_ref: {prompt_id, version}` (or `system_ref`).

        Example:
            {'id': 12, 'org_id': 2, 'scope_type': 'org', 'name': 'Concise answer', 'description': '', 'prompt_text': 'Write
                a concise answer for {{input}}.', 'prompt_placeholders': [{'name': 'input'}], 'role': 'user', 'version': 2,
                'versions': 2, 'latest_version': 2, 'created_by_id': 1, 'created_at': '2026-11-30T10:00:00Z', 'updated_at':
                '2026-11-30T10:05:00Z'}

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
            prompt_text (str):
            prompt_placeholders (list[PromptPlaceholder]):
            role (PromptRole):
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
    prompt_text: str
    prompt_placeholders: list[PromptPlaceholder]
    role: PromptRole
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

        prompt_text = self.prompt_text

        prompt_placeholders = []
        for prompt_placeholders_item_data in self.prompt_placeholders:
            prompt_placeholders_item = prompt_placeholders_item_data.to_dict()
            prompt_placeholders.append(prompt_placeholders_item)

        role = self.role.value

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
                "prompt_text": prompt_text,
                "prompt_placeholders": prompt_placeholders,
                "role": role,
            }
        )
        if latest_version is not UNSET:
            field_dict["latest_version"] = latest_version
        if created_by_id is not UNSET:
            field_dict["created_by_id"] = created_by_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.prompt_placeholder import PromptPlaceholder

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

        prompt_text = d.pop("prompt_text")

        prompt_placeholders = []
        _prompt_placeholders = d.pop("prompt_placeholders")
        for prompt_placeholders_item_data in _prompt_placeholders:
            prompt_placeholders_item = PromptPlaceholder.from_dict(prompt_placeholders_item_data)

            prompt_placeholders.append(prompt_placeholders_item)

        role = PromptRole(d.pop("role"))

        latest_version = d.pop("latest_version", UNSET)

        def _parse_created_by_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_by_id = _parse_created_by_id(d.pop("created_by_id", UNSET))

        prompt = cls(
            id=id,
            org_id=org_id,
            scope_type=scope_type,
            name=name,
            description=description,
            version=version,
            versions=versions,
            created_at=created_at,
            updated_at=updated_at,
            prompt_text=prompt_text,
            prompt_placeholders=prompt_placeholders,
            role=role,
            latest_version=latest_version,
            created_by_id=created_by_id,
        )

        prompt.additional_properties = d
        return prompt

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
