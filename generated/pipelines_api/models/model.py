from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_provider import ModelProvider
from ..types import UNSET, Unset

T = TypeVar("T", bound="Model")


@_attrs_define
class Model:
    """
    Attributes:
        slug (str): What llm nodes name in `model_slug`.
        name (str):
        provider (ModelProvider):
        credential (str): The credential that serves it.
        credential_id (int):
        model (str | Unset): The model name sent to the provider.
    """

    slug: str
    name: str
    provider: ModelProvider
    credential: str
    credential_id: int
    model: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        name = self.name

        provider = self.provider.value

        credential = self.credential

        credential_id = self.credential_id

        model = self.model

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "name": name,
                "provider": provider,
                "credential": credential,
                "credential_id": credential_id,
            }
        )
        if model is not UNSET:
            field_dict["model"] = model

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        slug = d.pop("slug")

        name = d.pop("name")

        provider = ModelProvider(d.pop("provider"))

        credential = d.pop("credential")

        credential_id = d.pop("credential_id")

        model = d.pop("model", UNSET)

        model = cls(
            slug=slug,
            name=name,
            provider=provider,
            credential=credential,
            credential_id=credential_id,
            model=model,
        )

        model.additional_properties = d
        return model

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
