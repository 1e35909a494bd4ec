from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.prompt_update_role import PromptUpdateRole
from ..models.prompt_update_scope_type import PromptUpdateScopeType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.prompt_placeholder import PromptPlaceholder


T = TypeVar("T", bound="PromptUpdate")


@_attrs_define
class PromptUpdate:
    """
    Attributes:
        name (str | Unset):
        description (str | Unset):
        prompt_text (str | Unset):
        prompt_placeholders (list[PromptPlaceholder] | Unset):
        role (PromptUpdateRole | Unset):
        scope_type (PromptUpdateScopeType | Unset):
        org_id (int | Unset):
    """

    name: str | Unset = UNSET
    description: str | Unset = UNSET
    prompt_text: str | Unset = UNSET
    prompt_placeholders: list[PromptPlaceholder] | Unset = UNSET
    role: PromptUpdateRole | Unset = UNSET
    scope_type: PromptUpdateScopeType | Unset = UNSET
    org_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        prompt_text = self.prompt_text

        prompt_placeholders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.prompt_placeholders, Unset):
            prompt_placeholders = []
            for prompt_placeholders_item_data in self.prompt_placeholders:
                prompt_placeholders_item = prompt_placeholders_item_data.to_dict()
                prompt_placeholders.append(prompt_placeholders_item)

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        scope_type: str | Unset = UNSET
        if not isinstance(self.scope_type, Unset):
            scope_type = self.scope_type.value

        org_id = self.org_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if prompt_text is not UNSET:
            field_dict["prompt_text"] = prompt_text
        if prompt_placeholders is not UNSET:
            field_dict["prompt_placeholders"] = prompt_placeholders
        if role is not UNSET:
            field_dict["role"] = role
        if scope_type is not UNSET:
            field_dict["scope_type"] = scope_type
        if org_id is not UNSET:
            field_dict["org_id"] = org_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.prompt_placeholder import PromptPlaceholder

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        prompt_text = d.pop("prompt_text", UNSET)

        _prompt_placeholders = d.pop("prompt_placeholders", UNSET)
        prompt_placeholders: list[PromptPlaceholder] | Unset = UNSET
        if _prompt_placeholders is not UNSET:
            prompt_placeholders = []
            for prompt_placeholders_item_data in _prompt_placeholders:
                prompt_placeholders_item = PromptPlaceholder.from_dict(
                    prompt_placeholders_item_data
                )

                prompt_placeholders.append(prompt_placeholders_item)

        _role = d.pop("role", UNSET)
        role: PromptUpdateRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = PromptUpdateRole(_role)

        _scope_type = d.pop("scope_type", UNSET)
        scope_type: PromptUpdateScopeType | Unset
        if isinstance(_scope_type, Unset):
            scope_type = UNSET
        else:
            scope_type = PromptUpdateScopeType(_scope_type)

        org_id = d.pop("org_id", UNSET)

        prompt_update = cls(
            name=name,
            description=description,
            prompt_text=prompt_text,
            prompt_placeholders=prompt_placeholders,
            role=role,
            scope_type=scope_type,
            org_id=org_id,
        )

        prompt_update.additional_properties = d
        return prompt_update

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
