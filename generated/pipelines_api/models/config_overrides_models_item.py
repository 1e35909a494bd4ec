from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConfigOverridesModelsItem")


@_attrs_define
class ConfigOverridesModelsItem:
    """
    Attributes:
        node_id (str):
        model_slug (str):
        field_id (str | Unset): model (the default)
    """

    node_id: str
    model_slug: str
    field_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        node_id = self.node_id

        model_slug = self.model_slug

        field_id = self.field_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nodeId": node_id,
                "modelSlug": model_slug,
            }
        )
        if field_id is not UNSET:
            field_dict["fieldId"] = field_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        node_id = d.pop("nodeId")

        model_slug = d.pop("modelSlug")

        field_id = d.pop("fieldId", UNSET)

        config_overrides_models_item = cls(
            node_id=node_id,
            model_slug=model_slug,
            field_id=field_id,
        )

        config_overrides_models_item.additional_properties = d
        return config_overrides_models_item

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
