from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActivateRequest")


@_attrs_define
class ActivateRequest:
    """
    Attributes:
        activate_at (datetime.datetime | Unset): Activate later; the workflow is PENDING_ACTIVATION until then.
    """

    activate_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activate_at: str | Unset = UNSET
        if not isinstance(self.activate_at, Unset):
            activate_at = self.activate_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if activate_at is not UNSET:
            field_dict["activate_at"] = activate_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _activate_at = d.pop("activate_at", UNSET)
        activate_at: datetime.datetime | Unset
        if isinstance(_activate_at, Unset):
            activate_at = UNSET
        else:
            activate_at = datetime.datetime.fromisoformat(_activate_at)

        activate_request = cls(
            activate_at=activate_at,
        )

        activate_request.additional_properties = d
        return activate_request

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
