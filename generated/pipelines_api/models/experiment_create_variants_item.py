from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.config_overrides import ConfigOverrides


T = TypeVar("T", bound="ExperimentCreateVariantsItem")


@_attrs_define
class ExperimentCreateVariantsItem:
    """
    Attributes:
        name (str | Unset): Unique in the experiment; default variant-<n>.
        config_overrides (ConfigOverrides | Unset): The swaps of one variant; `{}` is a plain copy of the workflow (a
            baseline).
    """

    name: str | Unset = UNSET
    config_overrides: ConfigOverrides | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        config_overrides: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config_overrides, Unset):
            config_overrides = self.config_overrides.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if config_overrides is not UNSET:
            field_dict["configOverrides"] = config_overrides

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.config_overrides import ConfigOverrides

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _config_overrides = d.pop("configOverrides", UNSET)
        config_overrides: ConfigOverrides | Unset
        if isinstance(_config_overrides, Unset):
            config_overrides = UNSET
        else:
            config_overrides = ConfigOverrides.from_dict(_config_overrides)

        experiment_create_variants_item = cls(
            name=name,
            config_overrides=config_overrides,
        )

        experiment_create_variants_item.additional_properties = d
        return experiment_create_variants_item

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
