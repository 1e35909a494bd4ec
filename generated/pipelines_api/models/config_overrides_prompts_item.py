from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConfigOverridesPromptsItem")


@_attrs_define
class ConfigOverridesPromptsItem:
    """
    Attributes:
        node_id (str):
        field_id (str): prompt or system
        prompt_id (int):
        version (int | Unset): Default: the latest version when the copy's tasks are first created.
    """

    node_id: str
    field_id: str
    prompt_id: int
    version: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        node_id = self.node_id

        field_id = self.field_id

        prompt_id = self.prompt_id

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nodeId": node_id,
                "fieldId": field_id,
                "promptId": prompt_id,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        node_id = d.pop("nodeId")

        field_id = d.pop("fieldId")

        prompt_id = d.pop("promptId")

        version = d.pop("version", UNSET)

        config_overrides_prompts_item = cls(
            node_id=node_id,
            field_id=field_id,
            prompt_id=prompt_id,
            version=version,
        )

        config_overrides_prompts_item.additional_properties = d
        return config_overrides_prompts_item

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
