from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.configurable_field_field_id import ConfigurableFieldFieldId
from ..models.configurable_field_override import ConfigurableFieldOverride
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.configurable_field_current import ConfigurableFieldCurrent


T = TypeVar("T", bound="ConfigurableField")


@_attrs_define
class ConfigurableField:
    """
    Attributes:
        field_id (ConfigurableFieldFieldId):
        override (ConfigurableFieldOverride): The `configOverrides` section that swaps this field.
        current (ConfigurableFieldCurrent): The current value: `{source: inline, text}` or `{source: library, prompt_id,
            version}` (prompt, system); `{source: inline, credential, model}` or `{source:
            library, model_slug}` (model); `{source: inline, checks}`, `{source: library,
            evaluation_id, version}` or `{source: none}` (evaluation).
        label (str | Unset):
    """

    field_id: ConfigurableFieldFieldId
    override: ConfigurableFieldOverride
    current: ConfigurableFieldCurrent
    label: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_id = self.field_id.value

        override = self.override.value

        current = self.current.to_dict()

        label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fieldId": field_id,
                "override": override,
                "current": current,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.configurable_field_current import ConfigurableFieldCurrent

        d = dict(src_dict)
        field_id = ConfigurableFieldFieldId(d.pop("fieldId"))

        override = ConfigurableFieldOverride(d.pop("override"))

        current = ConfigurableFieldCurrent.from_dict(d.pop("current"))

        label = d.pop("label", UNSET)

        configurable_field = cls(
            field_id=field_id,
            override=override,
            current=current,
            label=label,
        )

        configurable_field.additional_properties = d
        return configurable_field

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
