from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Credential")


@_attrs_define
class Credential:
    """
    Attributes:
        id (int):
        org_id (int):
        name (str): What llm nodes and llm-sourced fields name in `credential`.
        base_url (str): e.g. http://127.0.0.1:11434/v1; /chat/completions is appended.
        last4 (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        models (list[str] | Unset): The model slugs this credential serves (GET /orgs/{org_id}/models; llm nodes'
            `model_slug`).
        created_by_id (int | None | Unset):
    """

    id: int
    org_id: int
    name: str
    base_url: str
    last4: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    models: list[str] | Unset = UNSET
    created_by_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        org_id = self.org_id

        name = self.name

        base_url = self.base_url

        last4 = self.last4

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        models: list[str] | Unset = UNSET
        if not isinstance(self.models, Unset):
            models = self.models

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
                "name": name,
                "base_url": base_url,
                "last4": last4,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if models is not UNSET:
            field_dict["models"] = models
        if created_by_id is not UNSET:
            field_dict["created_by_id"] = created_by_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        org_id = d.pop("org_id")

        name = d.pop("name")

        base_url = d.pop("base_url")

        last4 = d.pop("last4")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        models = cast(list[str], d.pop("models", UNSET))

        def _parse_created_by_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_by_id = _parse_created_by_id(d.pop("created_by_id", UNSET))

        credential = cls(
            id=id,
            org_id=org_id,
            name=name,
            base_url=base_url,
            last4=last4,
            created_at=created_at,
            updated_at=updated_at,
            models=models,
            created_by_id=created_by_id,
        )

        credential.additional_properties = d
        return credential

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
