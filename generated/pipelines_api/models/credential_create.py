from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CredentialCreate")


@_attrs_define
class CredentialCreate:
    """
    Attributes:
        name (str):
        base_url (str):
        api_key (str):
        models (list[str] | Unset): The model slugs this credential serves, e.g. [gpt-4o-mini, gpt-4o].
    """

    name: str
    base_url: str
    api_key: str
    models: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        base_url = self.base_url

        api_key = self.api_key

        models: list[str] | Unset = UNSET
        if not isinstance(self.models, Unset):
            models = self.models

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "base_url": base_url,
                "api_key": api_key,
            }
        )
        if models is not UNSET:
            field_dict["models"] = models

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        base_url = d.pop("base_url")

        api_key = d.pop("api_key")

        models = cast(list[str], d.pop("models", UNSET))

        credential_create = cls(
            name=name,
            base_url=base_url,
            api_key=api_key,
            models=models,
        )

        credential_create.additional_properties = d
        return credential_create

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
