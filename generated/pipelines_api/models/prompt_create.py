from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.prompt_create_role import PromptCreateRole
from ..models.prompt_create_scope_type import PromptCreateScopeType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.prompt_placeholder import PromptPlaceholder


T = TypeVar("T", bound="PromptCreate")


@_attrs_define
class PromptCreate:
    """
    Attributes:
        name (str):
        prompt_text (str):
        description (str | Unset):
        prompt_placeholders (list[PromptPlaceholder] | Unset): Exactly the variables `prompt_text` uses (undeclared or
            unused names are 422); default derived from the text.
        role (PromptCreateRole | Unset):  Default: PromptCreateRole.USER.
        scope_type (PromptCreateScopeType | Unset):
        org_id (int | Unset): Must be the caller's organization.
    """

    name: str
    prompt_text: str
    description: str | Unset = UNSET
    prompt_placeholders: list[PromptPlaceholder] | Unset = UNSET
    role: PromptCreateRole | Unset = PromptCreateRole.USER
    scope_type: PromptCreateScopeType | Unset = UNSET
    org_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        prompt_text = self.prompt_text

        description = self.description

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
        field_dict.update(
            {
                "name": name,
                "prompt_text": prompt_text,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
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
        name = d.pop("name")

        prompt_text = d.pop("prompt_text")

        description = d.pop("description", UNSET)

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
        role: PromptCreateRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = PromptCreateRole(_role)

        _scope_type = d.pop("scope_type", UNSET)
        scope_type: PromptCreateScopeType | Unset
        if isinstance(_scope_type, Unset):
            scope_type = UNSET
        else:
            scope_type = PromptCreateScopeType(_scope_type)

        org_id = d.pop("org_id", UNSET)

        prompt_create = cls(
            name=name,
            prompt_text=prompt_text,
            description=description,
            prompt_placeholders=prompt_placeholders,
            role=role,
            scope_type=scope_type,
            org_id=org_id,
        )

        prompt_create.additional_properties = d
        return prompt_create

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
